// SPDX-License-Identifier: GPL-2.0
/*
 * MediaTek GPIO and EINT blocks, mediated per pin for every cell, the
 * root cell included.
 *
 * Each pin of a known block has one owner: first the root cell (its
 * vendor entries), then a cell that claims it at creation, which may
 * only claim pins the root cell owns at that moment; on destroy the pins
 * go back.  An access reads only the fields of the cell's own pins;
 * a write changes only those (read-modify-write under a lock for RW
 * registers, set/clear/ack registers written with the foreign bits
 * removed); foreign bits in a write are dropped and logged once per cell
 * and register, bits past a block's last line silently.  Registers the
 * layout does not describe, and those past a block's extent (an MT8391
 * EINT instance has 1-3 words per group), belong to the root cell.
 *
 * The EINT blocks of a SoC share one GIC line, which stays the root
 * cell's.  When it fires for a cell's line, the hypervisor masks that
 * line in the EINT block ("holds" it) until the cell acks or unmasks it,
 * and the cell reads it as it left it: a cell cannot keep the line
 * asserted for the root cell, and the root cell's pending lines are
 * served first.
 */
#include <jailhouse/mtk.h>
#include <jailhouse/gic.h>
#include <jailhouse/spinlock.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>

#define MAX_LOGGED		64

/* EINT registers, the same in every EINT layout */
#define EINT_STA		0x000
#define EINT_ACK		0x040
#define EINT_MASK		0x080
#define EINT_MASK_SET		0x0c0
#define EINT_MASK_CLR		0x100

#define MAX_WORDS		(MTK_MAX_PINS / 32)

struct mtk_block {
	const struct mtk_block_desc *desc;
	bool active;			/* named by some configuration */
	struct cell *owner[MTK_MAX_PINS];
	/* EINT: lines masked by the hypervisor for their cell (held) */
	u32 held[MAX_WORDS];
	/* of the held lines, those their cell masked meanwhile */
	u32 cell_masked[MAX_WORDS];
};

static struct mtk_block blocks[MTK_MAX_BLOCKS];
DEFINE_SPINLOCK(mtk_lock);

/* what was logged already: once per cell, block and register */
static struct {
	const struct cell *cell;
	u64 address;
} logged[MAX_LOGGED];

static struct mtk_block *block_of(const struct mtk_block_desc *desc)
{
	return &blocks[mtk_block_index(desc)];
}

static bool log_once(const struct cell *cell, u64 address)
{
	unsigned int n;

	for (n = 0; n < MAX_LOGGED && logged[n].cell; n++)
		if (logged[n].cell == cell && logged[n].address == address)
			return false;
	if (n < MAX_LOGGED) {
		logged[n].cell = cell;
		logged[n].address = address;
	}
	return true;
}

static void forget_logged(const struct cell *cell)
{
	unsigned int n, kept = 0;

	for (n = 0; n < MAX_LOGGED && logged[n].cell; n++)
		if (logged[n].cell != cell)
			logged[kept++] = logged[n];
	for (; kept < n; kept++)
		logged[kept].cell = NULL;
}

/* ---- ownership ---- */

/* Call @fn for every pin of vendor entry @v; stops at the first error. */
static int for_each_entry_pin(const struct jailhouse_vendor *v,
			      int (*fn)(struct cell *cell,
					const struct mtk_block_desc *desc,
					unsigned int pin, unsigned int entry),
			      struct cell *cell, const struct mtk_block_desc *desc,
			      unsigned int entry)
{
	unsigned int word, bit;
	int err;

	for (word = 0; word < 4; word++)
		for (bit = 0; bit < 32; bit++) {
			if (!(v->bitmap[word] & BIT(bit)))
				continue;
			err = fn(cell, desc, v->base + word * 32 + bit, entry);
			if (err)
				return err;
		}
	return 0;
}

static int check_pin(struct cell *cell, const struct mtk_block_desc *desc,
		     unsigned int pin, unsigned int entry)
{
	struct cell *owner;

	if (pin >= desc->pins || pin >= MTK_MAX_PINS) {
		printk("ERROR: cell '%s': vendors[%u]: pin %u: the %s at "
		       "0x%llx has %u pins\n", cell->config->name, entry, pin,
		       desc->what, desc->address, desc->pins);
		return -EINVAL;
	}
	owner = block_of(desc)->owner[pin];
	if (cell == &root_cell || owner == &root_cell)
		return 0;
	if (owner)
		printk("ERROR: cell '%s': vendors[%u]: pin %u of the %s at "
		       "0x%llx is cell '%s''s\n", cell->config->name, entry,
		       pin, desc->what, desc->address, owner->config->name);
	else
		printk("ERROR: cell '%s': vendors[%u]: pin %u of the %s at "
		       "0x%llx is not the root cell's: a cell can only take "
		       "pins the root cell has\n", cell->config->name, entry,
		       pin, desc->what, desc->address);
	return -EBUSY;
}

static volatile void *eint_reg(const struct mtk_block_desc *desc,
				unsigned int offset, unsigned int word)
{
	return (volatile void *)(desc->address + offset + word * 4);
}

/* The EINT line of a pin that changes hands: masked, as after reset. */
static void mask_eint(const struct mtk_block_desc *desc, unsigned int pin)
{
	struct mtk_block *b = block_of(desc);

	if (desc->type != JAILHOUSE_VENDOR_MTK_EINT)
		return;
	mmio_write(eint_reg(desc, EINT_MASK_SET, pin / 32), 4, BIT(pin % 32));
	b->held[pin / 32] &= ~BIT(pin % 32);
	b->cell_masked[pin / 32] &= ~BIT(pin % 32);
}

static int take_pin(struct cell *cell, const struct mtk_block_desc *desc,
		    unsigned int pin, unsigned int entry)
{
	(void)entry;
	if (cell != &root_cell)
		mask_eint(desc, pin);
	block_of(desc)->owner[pin] = cell;
	return 0;
}

static const struct mtk_block_desc *
entry_block(struct cell *cell, const struct jailhouse_vendor *v,
	    unsigned int entry)
{
	const struct mtk_block_desc *desc = mtk_find_block(v->type,
							  v->address);

	if (!desc)
		printk("ERROR: cell '%s': vendors[%u]: no MediaTek %s block "
		       "this hypervisor knows at 0x%llx (type %u); see "
		       "Documentation/board-genio.md\n", cell->config->name,
		       entry, v->type == JAILHOUSE_VENDOR_MTK_EINT ? "EINT" :
		       v->type == JAILHOUSE_VENDOR_MTK_GPIO ? "GPIO" :
		       "clock-gate", v->address, v->type);
	return desc;
}

static int activate(const struct mtk_block_desc *desc)
{
	struct mtk_block *block = block_of(desc);
	int err;

	if (block->active)
		return 0;
	err = paging_map(hv_page_table, desc->address, desc->address,
			 MTK_BLOCK_SIZE, PAGE_FLAG_DEVICE);
	if (err)
		return err;
	if (desc->irq) {
		err = gic_register_shared_irq(desc->irq, mtk_eint_target);
		if (err)
			return err;
	}
	block->desc = desc;
	block->active = true;
	return 0;
}

static void grant_shared_lines(struct cell *cell);
static int register_blocks(struct cell *cell);

int mtk_cell_init(struct cell *cell)
{
	const struct jailhouse_cell_desc *config = cell->config;
	const struct jailhouse_vendor *v = jailhouse_cell_vendors(config);
	const struct mtk_block_desc *desc;
	unsigned int n;
	int err = 0;

	spin_lock(&mtk_lock);
	/* all checks first: a refused cell changes nothing */
	for (n = 0; n < config->num_vendors && !err; n++) {
		desc = entry_block(cell, &v[n], n);
		err = desc ? for_each_entry_pin(&v[n], check_pin, cell, desc,
						n) : -EINVAL;
		if (!err)
			err = activate(desc);
	}
	for (n = 0; n < config->num_vendors && !err; n++)
		for_each_entry_pin(&v[n], take_pin, cell,
				   mtk_find_block(v[n].type, v[n].address), n);
	if (!err && cell != &root_cell)
		grant_shared_lines(cell);
	spin_unlock(&mtk_lock);
	return err ? err : register_blocks(cell);
}

/* A destroyed cell's pins go back to the root cell. */
void mtk_cell_exit(struct cell *cell)
{
	unsigned int b, pin;

	spin_lock(&mtk_lock);
	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		if (!blocks[b].active)
			continue;
		for (pin = 0; pin < MTK_MAX_PINS; pin++) {
			if (blocks[b].owner[pin] != cell)
				continue;
			mask_eint(blocks[b].desc, pin);
			blocks[b].owner[pin] = &root_cell;
		}
	}
	forget_logged(cell);
	spin_unlock(&mtk_lock);
}

/* Words of 32 lines an EINT block has (1-3 for an MT8391 instance). */
static unsigned int eint_words(const struct mtk_block_desc *desc)
{
	return (desc->pins + 31) / 32;
}

static bool on_line(const struct mtk_block *b, unsigned int intid)
{
	return b->active && b->desc->type == JAILHOUSE_VENDOR_MTK_EINT &&
		b->desc->irq == intid;
}

/* Lines of @word pending, not masked and not held. */
static u32 eint_pending(const struct mtk_block *b, unsigned int word)
{
	return mmio_read(eint_reg(b->desc, EINT_STA, word), 4) &
		~mmio_read(eint_reg(b->desc, EINT_MASK, word), 4) &
		~b->held[word];
}

/* The lines of @word that are @cell's. */
static u32 word_pins(const struct mtk_block *b, const struct cell *cell,
		     unsigned int word)
{
	unsigned int bit;
	u32 pins = 0;

	for (bit = 0; bit < 32 && word * 32 + bit < MTK_MAX_PINS; bit++)
		if (b->owner[word * 32 + bit] == cell)
			pins |= BIT(bit);
	return pins;
}

/*
 * The owner of the first pending line on @intid, across its blocks; with
 * @only, whether a line of @only is pending.
 */
static struct cell *first_pending(unsigned int intid, struct cell *only)
{
	unsigned int b, word, bit;
	struct cell *owner;
	u32 pending;

	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		if (!on_line(&blocks[b], intid))
			continue;
		for (word = 0; word < eint_words(blocks[b].desc); word++) {
			pending = eint_pending(&blocks[b], word);
			for (bit = 0; pending; bit++, pending >>= 1) {
				owner = blocks[b].owner[word * 32 + bit];
				if ((pending & 1) && owner &&
				    (!only || owner == only))
					return owner;
			}
		}
	}
	return NULL;
}

/* @cell's pending lines on @intid: masked by the hypervisor, held. */
static void hold_pending(struct cell *cell, unsigned int intid)
{
	unsigned int b, word;
	u32 bits;

	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		if (!on_line(&blocks[b], intid))
			continue;
		for (word = 0; word < eint_words(blocks[b].desc); word++) {
			bits = eint_pending(&blocks[b], word) &
				word_pins(&blocks[b], cell, word);
			if (!bits)
				continue;
			mmio_write(eint_reg(blocks[b].desc, EINT_MASK_SET,
					    word), 4, bits);
			blocks[b].held[word] |= bits;
		}
	}
}

/*
 * The cell to which the shared EINT line @intid belongs now: the root
 * cell while one of its lines is pending, else the owner of the first
 * pending line, whose pending lines are held until it acks them.
 */
struct cell *mtk_eint_target(unsigned int intid)
{
	struct cell *target;

	spin_lock(&mtk_lock);
	target = first_pending(intid, &root_cell);
	if (!target)
		target = first_pending(intid, NULL);
	if (target && target != &root_cell)
		hold_pending(target, intid);
	spin_unlock(&mtk_lock);
	return target;
}

/* Does @cell own a pin of an EINT block on line @intid? */
static bool cell_on_line(const struct cell *cell, unsigned int intid)
{
	unsigned int b, pin;

	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		if (!blocks[b].active || blocks[b].desc->irq != intid)
			continue;
		for (pin = 0; pin < MTK_MAX_PINS; pin++)
			if (blocks[b].owner[pin] == cell)
				return true;
	}
	return false;
}

/*
 * A cell with EINT lines gets their shared GIC line as a virtual
 * interrupt; the physical one stays the root cell's.
 */
static void grant_shared_lines(struct cell *cell)
{
	unsigned int b, irq;

	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		irq = blocks[b].active ? blocks[b].desc->irq : 0;
		if (irq && irq < 1024 && cell_on_line(cell, irq))
			bitmap32_set(cell->arch.virq_allowed, irq);
	}
}

struct cell *mtk_pin_owner(u64 address, unsigned int pin)
{
	unsigned int b;

	for (b = 0; b < MTK_MAX_BLOCKS; b++)
		if (blocks[b].active && blocks[b].desc->address == address &&
		    pin < MTK_MAX_PINS)
			return blocks[b].owner[pin];
	return NULL;
}

/* ---- access ---- */

/* The group of @offset in @desc's extent, and the register's @index. */
static const struct mtk_reg_group *
find_group(const struct mtk_block_desc *desc, unsigned int offset,
	   unsigned int *index)
{
	const struct mtk_layout *l = desc->layout;
	const struct mtk_reg_group *g;
	unsigned int n;

	for (n = 0; n < l->num_groups; n++) {
		g = &l->groups[n];
		if (offset < g->offset || (offset - g->offset) % g->stride ||
		    (offset - g->offset) / g->stride >=
		    mtk_group_regs(desc, g))
			continue;
		*index = (offset - g->offset) / g->stride;
		return g;
	}
	return NULL;
}

/* The bits of register @index of @g that are @cell's pins' fields. */
static u32 owned_mask(const struct mtk_block *block, const struct cell *cell,
		      const struct mtk_reg_group *g, unsigned int index)
{
	unsigned int per_reg = 32 / g->width, first = index * per_reg, p;
	u32 mask = 0, field = g->width == 32 ? ~0U : BIT(g->width) - 1;

	for (p = 0; p < per_reg; p++)
		if (first + p < MTK_MAX_PINS &&
		    block->owner[first + p] == cell)
			mask |= field << (p * g->width);
	return mask;
}

/* The bits of register @index of @g that are fields of existing pins. */
static u32 line_mask(const struct mtk_block_desc *desc,
		     const struct mtk_reg_group *g, unsigned int index)
{
	unsigned int first = index * (32 / g->width), bits;

	if (first >= desc->pins)
		return 0;
	bits = (desc->pins - first) * g->width;
	return bits >= 32 ? ~0U : BIT(bits) - 1;
}

/*
 * A cell wrote @own, its bits of EINT register @index of @g: its held
 * lines follow.  MASK_SET: they stay masked after release; ACK (written
 * already): released, unmasked unless the cell masked them; MASK_CLR
 * (written already, so unmasked): released.
 */
static void eint_write_held(struct mtk_block *b,
			    const struct mtk_reg_group *g, unsigned int index,
			    u32 own)
{
	u32 held = b->held[index] & own, unmask;

	if (!held)
		return;
	switch (g->offset) {
	case EINT_MASK_SET:
		b->cell_masked[index] |= held;
		return;
	case EINT_ACK:
		unmask = held & ~b->cell_masked[index];
		if (unmask)
			mmio_write(eint_reg(b->desc, EINT_MASK_CLR, index), 4,
				   unmask);
		break;
	case EINT_MASK_CLR:
		break;
	default:
		return;
	}
	b->held[index] &= ~held;
	b->cell_masked[index] &= ~held;
}

/*
 * What a cell reads from register @index of @g, @own its bits there: of
 * MASK, its held lines as it left them.
 */
static u32 read_own(const struct mtk_block *b, const struct mtk_reg_group *g,
		    unsigned int index, u32 own)
{
	u32 value = mmio_read((volatile void *)(b->desc->address +
						g->offset + index * g->stride),
			      4) & own;
	u32 held;

	if (b->desc->type != JAILHOUSE_VENDOR_MTK_EINT ||
	    g->offset != EINT_MASK || index >= MAX_WORDS)
		return value;
	held = b->held[index] & own;
	return (value & ~held) | (b->cell_masked[index] & held);
}

static void log_foreign(const struct cell *cell, const struct mtk_block *b,
			const struct mtk_reg_group *g, unsigned int index,
			unsigned int offset, u32 bits)
{
	if (!log_once(cell, b->desc->address + offset))
		return;
	if (g)
		printk("Cell '%s' wrote to pins it does not own: %s at 0x%llx, "
		       "%s%u (+0x%x), bits 0x%08x dropped (logged once)\n",
		       cell->config->name, b->desc->what, b->desc->address,
		       g->name, index, offset, bits);
	else
		printk("Cell '%s' wrote to an undescribed register of the %s "
		       "at 0x%llx (+0x%x): dropped (logged once)\n",
		       cell->config->name, b->desc->what, b->desc->address,
		       offset);
}

static void undescribed_access(struct per_cpu *cpu, struct mtk_block *b,
			       unsigned int offset, struct mmio_access *mmio)
{
	volatile void *reg = (volatile void *)(b->desc->address + offset);

	if (cpu->cell == &root_cell) {
		if (mmio->is_write)
			mmio_write(reg, 4, mmio->value);
		else
			mmio->value = mmio_read(reg, 4);
		return;
	}
	if (mmio->is_write)
		log_foreign(cpu->cell, b, NULL, 0, offset, mmio->value);
	else
		mmio->value = 0;
}

static void mediated_write(struct per_cpu *cpu, struct mtk_block *b,
			   const struct mtk_reg_group *g, unsigned int index,
			   unsigned int offset, u32 value)
{
	volatile void *reg = (volatile void *)(b->desc->address + offset);
	u32 mask = owned_mask(b, cpu->cell, g, index), old;
	u32 foreign = value & ~mask & line_mask(b->desc, g, index);

	if (foreign)
		log_foreign(cpu->cell, b, g, index, offset, foreign);
	switch (g->access) {
	case MTK_RW:
		old = mmio_read(reg, 4);
		mmio_write(reg, 4, (old & ~mask) | (value & mask));
		break;
	case MTK_WO:
		if (value & mask)
			mmio_write(reg, 4, value & mask);
		break;
	case MTK_MOD:
		/* it writes every field: only when all are the cell's */
		if (mask == ~0U)
			mmio_write(reg, 4, value);
		else if (!(value & ~mask) && log_once(cpu->cell,
						      b->desc->address +
						      offset))
			printk("Cell '%s' wrote %s%u of the %s: shared with "
			       "other cells' pins, dropped (logged once)\n",
			       cpu->cell->config->name, g->name, index,
			       b->desc->what);
		break;
	default:
		break;	/* read only */
	}
	if (b->desc->type == JAILHOUSE_VENDOR_MTK_EINT && g->width == 1 &&
	    index < MAX_WORDS)
		eint_write_held(b, g, index, value & mask);
}

/* One block, aligned 32-bit accesses (the dispatcher checked). */
static enum mmio_result block_access(void *arg, struct per_cpu *cpu,
				     struct mmio_access *mmio)
{
	struct mtk_block *b = arg;
	unsigned int offset = mmio->address - b->desc->address, index = 0;
	const struct mtk_reg_group *g;

	g = find_group(b->desc, offset, &index);
	spin_lock(&mtk_lock);
	if (!g)
		undescribed_access(cpu, b, offset, mmio);
	else if (mmio->is_write)
		mediated_write(cpu, b, g, index, offset, mmio->value);
	else if (g->access == MTK_RO || g->access == MTK_RW)
		mmio->value = read_own(b, g, index,
				       owned_mask(b, cpu->cell, g, index));
	else
		mmio->value = 0;
	spin_unlock(&mtk_lock);
	return MMIO_HANDLED;
}

/*
 * Every cell's accesses to every block in use trap and are mediated,
 * whether it has pins there or not: the blocks are regions of each cell.
 */
static int register_blocks(struct cell *cell)
{
	unsigned int b;
	int err;

	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		if (!blocks[b].active)
			continue;
		err = mmio_region_register(cell, blocks[b].desc->address,
					   MTK_BLOCK_SIZE, MMIO_W32, 0,
					   block_access, &blocks[b]);
		if (err)
			return err;
	}
	return 0;
}

static const struct unit mtk_unit = {
	.name = "MediaTek GPIO/EINT",
	.order = UNIT_SOC,
	.cell_init = mtk_cell_init,
	.cell_exit = mtk_cell_exit,
};
DEFINE_UNIT(mtk_unit);
