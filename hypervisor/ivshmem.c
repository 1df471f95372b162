// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host and IVSHMEM v2 (abi-facts §6).
 *
 * Every cell with PCI devices in its configuration sees an ECAM window at
 * pci_mmconfig_base; every access to it traps.  IVSHMEM devices are
 * emulated entirely: configuration space, and the register BAR once the
 * cell has enabled memory decoding.  Devices with the same domain and BDF
 * in several cells are the peers of one link; they share the state
 * table, the read/write section and one output section per peer, all
 * plain memory regions of the cells, and ring each other's doorbells.
 * Interrupts are INTx: the SPI 32 + vpci_irq_base + pin - 1 of the
 * receiving cell, made pending in the distributor.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/gic.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/ivshmem-regs.h>
#include <jailhouse/spinlock.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>

#define IVSHMEM_VENDOR_DEVICE	((u32)IVSHMEM_DEVICE_ID << 16 | \
				 IVSHMEM_VENDOR_ID)
#define PCI_STATUS_CAPS		0x0010
#define PCI_CMD_MEM		BIT(1)
#define PCI_CMD_MASTER		BIT(2)
#define PCI_CMD_INTX_OFF	BIT(10)
#define PCI_CMD_WRITABLE	(PCI_CMD_MEM | PCI_CMD_MASTER | \
				 PCI_CMD_INTX_OFF)
#define IVSHMEM_CAP_VENDOR	0x09
#define IVSHMEM_CFG_END		0x80


#define MAX_LINKS		16

struct ivshmem_link {
	u16 domain, bdf;
	u32 *state_table;
	unsigned int peers;
	struct ivshmem_endpoint *peer[IVSHMEM_MAX_PEERS];
};

static struct ivshmem_link links[MAX_LINKS];
DEFINE_SPINLOCK(ivshmem_lock);

static const struct jailhouse_memory *
shmem_region(const struct ivshmem_endpoint *ep, unsigned int n)
{
	return &jailhouse_cell_mem_regions(ep->cell->config)
		[ep->info->shmem_regions_start + n];
}


static unsigned int intx_pin(const struct ivshmem_endpoint *ep)
{
	return ((ep->info->bdf >> 3) & 3) + 1;
}

/* Raise the interrupt of @ep, if its cell lets it through. */
static void ivshmem_trigger(struct ivshmem_endpoint *ep)
{
	if (!(ep->int_control & 1) || (ep->command & PCI_CMD_INTX_OFF))
		return;
	if (ep->one_shot)
		ep->int_control &= ~1U;
	gic_raise_spi(32 + ep->cell->config->vpci_irq_base +
		      intx_pin(ep) - 1);
}

/* A peer's state changed: vector 0 on every other peer. */
static void notify_peers(struct ivshmem_endpoint *ep)
{
	struct ivshmem_link *link = ep->link;
	unsigned int n;

	for (n = 0; n < IVSHMEM_MAX_PEERS; n++)
		if (link->peer[n] && link->peer[n] != ep)
			ivshmem_trigger(link->peer[n]);
}

static void set_state(struct ivshmem_endpoint *ep, u32 state)
{
	u32 *entry = &ep->link->state_table[ep->info->shmem_dev_id];

	if (*entry == state)
		return;
	*entry = state;
	/* a peer may run with caches off */
	dcache_clean_inval(entry, sizeof(*entry));
	notify_peers(ep);
}

/* ---- configuration space ---- */

static u32 config_dword(const struct ivshmem_endpoint *ep, unsigned int reg)
{
	const struct jailhouse_pci_device *info = ep->info;

	switch (reg) {
	case 0x00:
	case 0x2c:
		return IVSHMEM_VENDOR_DEVICE;
	case 0x04:
		return ep->command | (PCI_STATUS_CAPS << 16);
	case 0x08:
		/* base class 0xff, protocol as sub-class and interface */
		return 0xff000000U | ((u32)info->shmem_protocol << 8);
	case 0x10 ... 0x24:
		return ep->bars[(reg - 0x10) / 4];
	case 0x34:
		return IVSHMEM_CAP_OFFSET;
	case 0x3c:
		return intx_pin(ep) << 8;
	case IVSHMEM_CAP_OFFSET:
		return IVSHMEM_CAP_VENDOR | (IVSHMEM_CAP_SIZE << 16) |
			((u32)ep->one_shot << 24);
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_STATE_SIZE:
		return shmem_region(ep, 0)->size;
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_RW_SIZE:
		return shmem_region(ep, 1)->size;
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_RW_SIZE + 4:
		return shmem_region(ep, 1)->size >> 32;
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_OUTPUT_SIZE:
		return shmem_region(ep, 2)->size;
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_OUTPUT_SIZE + 4:
		return shmem_region(ep, 2)->size >> 32;
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_ADDRESS:
		return shmem_region(ep, 0)->virt_start;
	case IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_ADDRESS + 4:
		return shmem_region(ep, 0)->virt_start >> 32;
	default:
		return reg < IVSHMEM_CFG_END ? 0 : 0xffffffff;
	}
}

/* false: a write the device does not take, a violation */
static bool write_config_dword(struct ivshmem_endpoint *ep,
			       unsigned int reg, u32 value)
{
	switch (reg) {
	case 0x04:
		ep->command = value & PCI_CMD_WRITABLE;
		return true;
	case 0x0c:
	case 0x30:
	case 0x3c:
		return true;	/* accepted, not stored */
	case 0x10 ... 0x24:
		ep->bars[(reg - 0x10) / 4] = value &
			ep->info->bar_mask[(reg - 0x10) / 4];
		return true;
	case IVSHMEM_CAP_OFFSET:
		ep->one_shot = (value >> 24) & 1;
		return true;
	case IVSHMEM_CAP_OFFSET + 4 ... IVSHMEM_CAP_OFFSET +
		IVSHMEM_CAP_SIZE - 4:
		return true;	/* read only, ignored */
	default:
		return false;
	}
}

static bool config_access(struct ivshmem_endpoint *ep, unsigned int reg,
			  struct mmio_access *mmio)
{
	unsigned int shift = (reg & 3) * 8;
	u32 dword = config_dword(ep, reg & ~3U), mask;

	if (!mmio->is_write) {
		mmio->value = (dword >> shift) &
			(mmio->size == 4 ? 0xffffffff :
			 (1U << (mmio->size * 8)) - 1);
		return true;
	}
	mask = (mmio->size == 4 ? 0xffffffff :
		(1U << (mmio->size * 8)) - 1) << shift;
	dword = (dword & ~mask) | (((u32)mmio->value << shift) & mask);
	return write_config_dword(ep, reg & ~3U, dword);
}

/* ---- the register BAR ---- */

static u64 bar0_base(const struct ivshmem_endpoint *ep)
{
	return ep->bars[0] & ~0xfUL;
}

static u64 bar0_size(const struct ivshmem_endpoint *ep)
{
	return (u64)(~ep->info->bar_mask[0]) + 1;
}

static void doorbell(struct ivshmem_endpoint *ep, u32 value)
{
	unsigned int vector = value & 0xffff, target = value >> 16;

	/* INTx: one vector; out-of-range targets are ignored */
	if (vector != 0 || target >= IVSHMEM_MAX_PEERS ||
	    !ep->link->peer[target])
		return;
	ivshmem_trigger(ep->link->peer[target]);
}

static void register_access(struct ivshmem_endpoint *ep, u64 reg,
			    struct mmio_access *mmio)
{
	u32 value = mmio->value;

	if (!mmio->is_write) {
		switch (reg) {
		case IVSHMEM_REG_ID:
			mmio->value = ep->info->shmem_dev_id;
			break;
		case IVSHMEM_REG_MAX_PEERS:
			mmio->value = ep->info->shmem_peers;
			break;
		case IVSHMEM_REG_INT_CTRL:
			mmio->value = ep->int_control;
			break;
		case IVSHMEM_REG_STATE:
			mmio->value = ep->link->state_table
				[ep->info->shmem_dev_id];
			break;
		default:
			mmio->value = 0;
		}
		return;
	}
	switch (reg) {
	case IVSHMEM_REG_INT_CTRL:
		ep->int_control = value & 1;
		break;
	case IVSHMEM_REG_DOORBELL:
		doorbell(ep, value);
		break;
	case IVSHMEM_REG_STATE:
		set_state(ep, value);
		break;
	}
}

/* ---- dispatch ---- */

static struct ivshmem_endpoint *endpoint_by_bdf(struct cell *cell, u16 bdf)
{
	unsigned int n;

	for (n = 0; n < cell->num_endpoints; n++)
		if (cell->endpoints[n].info->bdf == bdf)
			return &cell->endpoints[n];
	return NULL;
}

/* The ECAM window: 1, 2 or 4 bytes, aligned (the dispatcher checked). */
static enum mmio_result ecam_access(void *arg, struct per_cpu *cpu,
				    struct mmio_access *mmio)
{
	u64 offset = mmio->address -
		system_config->platform_info.pci_mmconfig_base;
	struct ivshmem_endpoint *ep = endpoint_by_bdf(cpu->cell,
						      offset >> 12);
	unsigned int reg = offset & 0xfff;
	enum mmio_result result = MMIO_HANDLED;

	(void)arg;
	if (!ep) {
		/* no device there for this cell */
		if (mmio->is_write) {
			printk("FATAL: CPU %u: cell '%s' writes the PCI "
			       "configuration of %02llx:%02llx.%llx, not its "
			       "device\n", cpu->cpu_id,
			       cpu->cell->config->name, offset >> 20,
			       (offset >> 15) & 0x1f, (offset >> 12) & 7);
			return MMIO_VIOLATION;
		}
		/* all ones, as wide as the read: no device answers */
		mmio->value = ~0UL >> (64 - mmio->size * 8);
		return MMIO_HANDLED;
	}
	spin_lock(&ivshmem_lock);
	if (!config_access(ep, reg, mmio)) {
		printk("FATAL: CPU %u: cell '%s' writes read-only PCI "
		       "configuration register 0x%x of IVSHMEM %02x:%02x.%x\n",
		       cpu->cpu_id, cpu->cell->config->name, reg,
		       ep->info->bdf >> 8, (ep->info->bdf >> 3) & 0x1f,
		       ep->info->bdf & 7);
		result = MMIO_VIOLATION;
	}
	spin_unlock(&ivshmem_lock);
	return result;
}

/*
 * The register BARs, aligned 32-bit accesses (the dispatcher checked):
 * the BAR of the cell's device that @mmio falls in, if its memory
 * decoding is on; else not this handler's.
 */
static enum mmio_result bar_access(void *arg, struct per_cpu *cpu,
				   struct mmio_access *mmio)
{
	struct ivshmem_endpoint *ep;
	unsigned int n;

	(void)arg;
	for (n = 0; n < cpu->cell->num_endpoints; n++) {
		ep = &cpu->cell->endpoints[n];
		if (!(ep->command & PCI_CMD_MEM) || !bar0_base(ep) ||
		    mmio->address < bar0_base(ep) ||
		    mmio->address - bar0_base(ep) >= bar0_size(ep))
			continue;
		spin_lock(&ivshmem_lock);
		register_access(ep, mmio->address - bar0_base(ep), mmio);
		spin_unlock(&ivshmem_lock);
		return MMIO_HANDLED;
	}
	return MMIO_NOT_MINE;
}

/*
 * A cell with IVSHMEM devices sees the ECAM window and the BAR window of
 * its virtual PCI host.  The register BARs are programmed by the cell at
 * run time, so they cannot be regions of their own when the cell is
 * built; but a host decodes memory BARs only in its window, and this one
 * has it right after the ECAM window (the root cell's overlay, the cells'
 * device trees and the inmate library put the BARs there).  So the
 * window is one region, registered once, and its handler finds the BAR
 * an access falls in, "not mine" where there is none: that is reported
 * like any access to nothing.  A BAR programmed outside the window is not
 * decoded, as behind a real host bridge.  The window is 1 MiB, or two BAR
 * sizes per device if that is more (the root cell's overlay's rule).
 */
static int register_pci_regions(struct cell *cell)
{
	u64 ecam = system_config->platform_info.pci_mmconfig_base;
	u64 ecam_size = ((u64)system_config->platform_info.pci_mmconfig_end_bus
			 + 1) << 20;
	u64 window = 0;
	unsigned int n;
	int err;

	if (!ecam || !cell->num_endpoints)
		return 0;
	for (n = 0; n < cell->num_endpoints; n++)
		window += 2 * bar0_size(&cell->endpoints[n]);
	err = mmio_region_register(cell, ecam, ecam_size,
				   MMIO_W8 | MMIO_W16 | MMIO_W32, 0,
				   ecam_access, NULL);
	if (!err)
		err = mmio_region_register(cell, ecam + ecam_size,
					   window > 0x100000 ? window :
					   0x100000, MMIO_W32, 0, bar_access,
					   NULL);
	return err;
}

/* ---- links, as cells come and go ---- */

static struct ivshmem_link *find_link(u16 domain, u16 bdf, bool create)
{
	struct ivshmem_link *free = NULL;
	unsigned int n;

	for (n = 0; n < MAX_LINKS; n++) {
		if (links[n].peers && links[n].domain == domain &&
		    links[n].bdf == bdf)
			return &links[n];
		if (!links[n].peers && !free)
			free = &links[n];
	}
	if (!create || !free)
		return NULL;
	free->domain = domain;
	free->bdf = bdf;
	return free;
}

static int attach(struct ivshmem_endpoint *ep)
{
	const struct jailhouse_memory *state = shmem_region(ep, 0);
	unsigned int id = ep->info->shmem_dev_id;
	struct ivshmem_link *link;
	int err;

	link = find_link(ep->info->domain, ep->info->bdf, true);
	if (!link) {
		printk("ERROR: cell '%s': more than %u IVSHMEM links\n",
		       ep->cell->config->name, MAX_LINKS);
		return -ENOMEM;
	}
	if (link->peer[id]) {
		printk("ERROR: cell '%s': IVSHMEM %02x:%02x.%x: peer id %u is "
		       "cell '%s''s already\n", ep->cell->config->name,
		       ep->info->bdf >> 8, (ep->info->bdf >> 3) & 0x1f,
		       ep->info->bdf & 7, id,
		       link->peer[id]->cell->config->name);
		return -EBUSY;
	}
	if (!link->peers) {
		/* the first peer: the state table starts empty */
		err = paging_map(hv_page_table, state->phys_start,
				 state->phys_start,
				 ALIGN_UP(state->size, PAGE_SIZE), 0);
		if (err)
			return err;
		link->state_table = (u32 *)state->phys_start;
		memset(link->state_table, 0, state->size);
		dcache_clean_inval(link->state_table, state->size);
	}
	link->peer[id] = ep;
	link->peers++;
	ep->link = link;
	return 0;
}

static void detach(struct ivshmem_endpoint *ep)
{
	struct ivshmem_link *link = ep->link;

	if (!link)
		return;
	/* a peer that is gone reads as state 0, and the others hear it */
	set_state(ep, 0);
	link->peer[ep->info->shmem_dev_id] = NULL;
	if (!--link->peers)
		memset(link, 0, sizeof(*link));
	ep->link = NULL;
}

static bool layout_fits(const struct cell *cell,
			const struct jailhouse_pci_device *info)
{
	return info->shmem_dev_id < IVSHMEM_MAX_PEERS &&
		info->shmem_dev_id < info->shmem_peers &&
		info->shmem_regions_start + 2 + info->shmem_peers <=
		cell->config->num_memory_regions;
}

int ivshmem_cell_init(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_pci_device *info =
		jailhouse_cell_pci_devices(desc);
	unsigned int n;
	int err = 0;

	if (!desc->num_pci_devices)
		return 0;
	if (desc->num_pci_devices * sizeof(*cell->endpoints) > PAGE_SIZE)
		return -E2BIG;
	cell->endpoints = page_alloc();
	if (!cell->endpoints)
		return -ENOMEM;
	spin_lock(&ivshmem_lock);
	for (n = 0; n < desc->num_pci_devices && !err; n++, info++) {
		if (info->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (!layout_fits(cell, info)) {
			printk("ERROR: cell '%s': pci_devices[%u]: IVSHMEM "
			       "regions or peer id do not fit\n", desc->name,
			       n);
			err = -EINVAL;
			break;
		}
		cell->endpoints[cell->num_endpoints].cell = cell;
		cell->endpoints[cell->num_endpoints].info = info;
		err = attach(&cell->endpoints[cell->num_endpoints]);
		if (!err)
			cell->num_endpoints++;
	}
	spin_unlock(&ivshmem_lock);
	if (!err)
		err = register_pci_regions(cell);
	if (err)
		ivshmem_cell_exit(cell);
	return err;
}

/* The cell restarts: its devices as after reset, its state 0. */
void ivshmem_cell_reset(struct cell *cell)
{
	struct ivshmem_endpoint *ep;
	unsigned int n;

	spin_lock(&ivshmem_lock);
	for (n = 0; n < cell->num_endpoints; n++) {
		ep = &cell->endpoints[n];
		ep->command = 0;
		ep->int_control = 0;
		ep->one_shot = false;
		memset(ep->bars, 0, sizeof(ep->bars));
		set_state(ep, 0);
	}
	spin_unlock(&ivshmem_lock);
}

/* The cell stops for good (destroyed, failed): its peers see it gone. */
void ivshmem_cell_gone(struct cell *cell)
{
	unsigned int n;

	spin_lock(&ivshmem_lock);
	for (n = 0; n < cell->num_endpoints; n++)
		if (cell->endpoints[n].link)
			set_state(&cell->endpoints[n], 0);
	spin_unlock(&ivshmem_lock);
}

void ivshmem_cell_exit(struct cell *cell)
{
	unsigned int n;

	spin_lock(&ivshmem_lock);
	for (n = 0; n < cell->num_endpoints; n++)
		detach(&cell->endpoints[n]);
	spin_unlock(&ivshmem_lock);
	page_free(cell->endpoints);
	cell->endpoints = NULL;
	cell->num_endpoints = 0;
}

static const struct unit ivshmem_unit = {
	.name = "IVSHMEM",
	.order = UNIT_DEVICE,
	.cell_init = ivshmem_cell_init,
	.cell_reset = ivshmem_cell_reset,
	.cell_gone = ivshmem_cell_gone,
	.cell_exit = ivshmem_cell_exit,
};
DEFINE_UNIT(ivshmem_unit);
