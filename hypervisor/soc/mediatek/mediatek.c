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
 * and register.  Registers the layout does not describe belong to the
 * root cell.
 */
#include <jailhouse/mtk.h>
#include <jailhouse/gic.h>
#include <jailhouse/spinlock.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>

#define MAX_LOGGED		64

struct mtk_block {
	const struct mtk_block_desc *desc;
	bool active;			/* named by some configuration */
	struct cell *owner[MTK_MAX_PINS];
};

static struct mtk_block blocks[MTK_MAX_BLOCKS];
static spinlock_t mtk_lock;

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

/* The EINT line of a pin that changes hands: masked, as after reset. */
static void mask_eint(const struct mtk_block_desc *desc, unsigned int pin)
{
	if (desc->type == JAILHOUSE_VENDOR_MTK_EINT)
		mmio_write((volatile void *)(desc->address + 0x0c0 +
					     pin / 32 * 4), 4, BIT(pin % 32));
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

/* The cell to which the shared EINT line @intid belongs now. */
struct cell *mtk_eint_target(unsigned int intid)
{
	const struct mtk_block_desc *desc;
	unsigned int b, word, pin;
	u32 pending;

	for (b = 0; b < MTK_MAX_BLOCKS; b++) {
		desc = blocks[b].desc;
		if (!blocks[b].active || desc->irq != intid)
			continue;
		for (word = 0; word < MTK_MAX_PINS / 32; word++) {
			/* STA 0x000, MASK 0x080: pending and not masked */
			pending = mmio_read((volatile void *)(desc->address +
							     word * 4), 4) &
				~mmio_read((volatile void *)(desc->address +
							    0x080 + word * 4),
					   4);
			if (!pending)
				continue;
			pin = word * 32 + __builtin_ctz(pending);
			return blocks[b].owner[pin];
		}
	}
	return NULL;
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

static const struct mtk_reg_group *find_group(const struct mtk_layout *l,
					      unsigned int offset,
					      unsigned int *index)
{
	const struct mtk_reg_group *g;
	unsigned int n;

	for (n = 0; n < l->num_groups; n++) {
		g = &l->groups[n];
		if (offset < g->offset || (offset - g->offset) % g->stride ||
		    (offset - g->offset) / g->stride >= g->count)
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

	if (value & ~mask)
		log_foreign(cpu->cell, b, g, index, offset, value & ~mask);
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
}

/* One block, aligned 32-bit accesses (the dispatcher checked). */
static enum mmio_result block_access(void *arg, struct per_cpu *cpu,
				     struct mmio_access *mmio)
{
	struct mtk_block *b = arg;
	unsigned int offset = mmio->address - b->desc->address, index = 0;
	const struct mtk_reg_group *g;

	g = find_group(b->desc->layout, offset, &index);
	spin_lock(&mtk_lock);
	if (!g)
		undescribed_access(cpu, b, offset, mmio);
	else if (mmio->is_write)
		mediated_write(cpu, b, g, index, offset, mmio->value);
	else if (g->access == MTK_RO || g->access == MTK_RW)
		mmio->value = mmio_read((volatile void *)mmio->address, 4) &
			owned_mask(b, cpu->cell, g, index);
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
