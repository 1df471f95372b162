// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration checker; see jailhouse/config-check.h.
 *
 * It never trusts a count before it has checked that the file holds what
 * the count says, so it can be given any bytes.  Every message names the
 * field, its value, what is wrong and what to do.
 */
#include <jailhouse/bitmap.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>
#include <jailhouse/limits.h>
#include <jailhouse/mtk-tables.h>
#include <jailhouse/string.h>

#define MIB			0x100000ULL
#define INTID_WORDS		32	/* INTIDs 0..1023 */
#define MAX_CPU_SET_SIZE	4096
#define MIN_HV_MEMORY		MIB
#define MAX_MSIX_VECTORS	16

struct cell {
	const struct config_file *file;
	const struct jailhouse_cell_desc *desc;
	bool root;
	bool readable;		/* arrays are inside the file */
	const u8 *cpus;
	unsigned int cpu_bits;
	const struct jailhouse_memory *mem;
	const struct jailhouse_irqchip *irqchips;
	const struct jailhouse_pci_device *pci;
	const struct jailhouse_smc_id *smc;
	const struct jailhouse_vendor *vendors;
	u32 intids[INTID_WORDS];
};

struct ctx {
	struct config_checker *chk;
	const struct jailhouse_system *sys;
	struct cell cells[JAILHOUSE_MAX_CELLS];
	unsigned int num_cells;
	u8 socs;		/* MTK_SOC_*: the SoCs of the blocks seen */
	char field[96];
	char value[64];
	char text[384];
};

struct range {
	u64 start;
	u64 size;
};

static void report(struct ctx *ctx, enum config_severity sev,
		   const struct cell *cell, const char *field,
		   const char *value, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void report(struct ctx *ctx, enum config_severity sev,
		   const struct cell *cell, const char *field,
		   const char *value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->text, sizeof(ctx->text), fmt, ap);
	va_end(ap);
	if (sev == CONFIG_ERROR)
		ctx->chk->errors++;
	else
		ctx->chk->warnings++;
	ctx->chk->report(ctx->chk, sev, cell->file->name, field, value,
			 ctx->text);
}

#define ERR(ctx, cell, field, value, ...) \
	report(ctx, CONFIG_ERROR, cell, field, value, __VA_ARGS__)
#define WARN(ctx, cell, field, value, ...) \
	report(ctx, CONFIG_WARNING, cell, field, value, __VA_ARGS__)

static const char *fld(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *fld(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->field, sizeof(ctx->field), fmt, ap);
	va_end(ap);
	return ctx->field;
}

static const char *valf(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *valf(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->value, sizeof(ctx->value), fmt, ap);
	va_end(ap);
	return ctx->value;
}

static const char *hex(struct ctx *ctx, u64 value)
{
	snprintf(ctx->value, sizeof(ctx->value), "0x%llx", value);
	return ctx->value;
}

static const char *dec(struct ctx *ctx, u64 value)
{
	snprintf(ctx->value, sizeof(ctx->value), "%llu", value);
	return ctx->value;
}

static bool overlaps(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a_size && b_size && a < b + b_size && b < a + a_size;
}

static bool is_aligned(u64 value, u64 alignment)
{
	return !(value & (alignment - 1));
}

static const struct cell *root_cell(const struct ctx *ctx)
{
	return ctx->sys && ctx->cells[0].root && ctx->cells[0].readable ?
		&ctx->cells[0] : NULL;
}

/* ---- file headers and sizes ---- */

static bool check_signature(struct ctx *ctx, struct cell *cell,
			    const char *expected, const char *kind)
{
	char found[JAILHOUSE_SIGNATURE_SIZE + 1];
	const char *data = cell->file->data;
	unsigned int n;

	if (!memcmp(data, expected, JAILHOUSE_SIGNATURE_SIZE))
		return true;
	for (n = 0; n < JAILHOUSE_SIGNATURE_SIZE; n++)
		found[n] = data[n] >= 0x20 && data[n] < 0x7f ? data[n] : '?';
	found[n] = '\0';
	ERR(ctx, cell, "signature", found,
	    "not a %s configuration (expected \"%s\"); did you pass a %s?",
	    kind, expected,
	    expected[2] == 'S' ? "cell configuration as the system one" :
	    "system configuration as a cell");
	return false;
}

static bool check_arch_revision(struct ctx *ctx, struct cell *cell,
				u8 architecture, u16 revision)
{
	bool ok = true;

	if (architecture != JAILHOUSE_ARM64) {
		ERR(ctx, cell, "architecture", dec(ctx, architecture),
		    "built for %s, not arm64 (2); compile the configuration "
		    "for arm64",
		    architecture == JAILHOUSE_X86 ? "x86 (0)" :
		    architecture == JAILHOUSE_ARM ? "32-bit arm (1)" :
		    "an unknown architecture");
		ok = false;
	}
	if (revision != JAILHOUSE_CONFIG_REVISION) {
		ERR(ctx, cell, "revision", dec(ctx, revision),
		    "configuration revision %u, expected %u; rebuild it "
		    "against this tree's include/jailhouse/cell-config.h "
		    "(revision 14 is converted by the jailhouse tool)",
		    revision, JAILHOUSE_CONFIG_REVISION);
		ok = false;
	}
	return ok;
}

/* Locate the trailing arrays once the size says they are in the file. */
static void map_arrays(struct cell *cell, u64 desc_offset)
{
	const struct jailhouse_cell_desc *d = cell->desc;
	u64 need = desc_offset + jailhouse_cell_config_size(d);

	if (need > cell->file->size || d->cpu_set_size == 0 ||
	    d->cpu_set_size > MAX_CPU_SET_SIZE)
		return;
	cell->readable = true;
	cell->cpus = jailhouse_cell_cpu_set(d);
	cell->cpu_bits = d->cpu_set_size * 8;
	cell->mem = jailhouse_cell_mem_regions(d);
	cell->irqchips = jailhouse_cell_irqchips(d);
	cell->pci = jailhouse_cell_pci_devices(d);
	cell->smc = jailhouse_cell_smc_ids(d);
	cell->vendors = jailhouse_cell_vendors(d);
}

static void check_size(struct ctx *ctx, struct cell *cell, u64 desc_offset)
{
	const struct jailhouse_cell_desc *d = cell->desc;
	u64 need = desc_offset + jailhouse_cell_config_size(d);
	u64 size = cell->file->size;

	if (d->cpu_set_size == 0)
		ERR(ctx, cell, "cpu_set_size", "0",
		    "the cell has no CPU set; set it to sizeof(config.cpus)");
	else if (d->cpu_set_size > MAX_CPU_SET_SIZE)
		ERR(ctx, cell, "cpu_set_size", dec(ctx, d->cpu_set_size),
		    "larger than %u bytes; set it to sizeof(config.cpus)",
		    MAX_CPU_SET_SIZE);
	if (need > size)
		ERR(ctx, cell, "size", dec(ctx, size),
		    "file truncated: the counts in the descriptor need %llu "
		    "bytes; check the num_* fields against the arrays, or "
		    "copy the file again", need);
	else if (need < size)
		ERR(ctx, cell, "size", dec(ctx, size),
		    "%llu bytes more than the counts in the descriptor "
		    "describe (%llu); a num_* field is smaller than its "
		    "array, or the arrays are not in the order of "
		    "cell-config.h", size - need, need);
	map_arrays(cell, desc_offset);
}

static void parse_system(struct ctx *ctx, const struct config_file *file)
{
	struct cell *cell = &ctx->cells[ctx->num_cells++];
	const struct jailhouse_system *sys = file->data;

	cell->file = file;
	cell->root = true;
	if (file->size < sizeof(*sys)) {
		ERR(ctx, cell, "size", dec(ctx, file->size),
		    "too short for a system configuration (%zu bytes at "
		    "least); the file is truncated or not a configuration",
		    sizeof(*sys));
		return;
	}
	if (!check_signature(ctx, cell, JAILHOUSE_SYSTEM_SIGNATURE,
			     "system") ||
	    !check_arch_revision(ctx, cell, sys->architecture, sys->revision))
		return;
	cell->desc = &sys->root_cell;
	check_size(ctx, cell, sizeof(*sys) - sizeof(sys->root_cell));
	if (cell->readable)
		ctx->sys = sys;
}

static void parse_cell(struct ctx *ctx, const struct config_file *file)
{
	struct cell *cell = &ctx->cells[ctx->num_cells++];
	const struct jailhouse_cell_desc *d = file->data;

	cell->file = file;
	if (file->size < sizeof(*d)) {
		ERR(ctx, cell, "size", dec(ctx, file->size),
		    "too short for a cell configuration (%zu bytes at least); "
		    "the file is truncated or not a configuration",
		    sizeof(*d));
		return;
	}
	if (!check_signature(ctx, cell, JAILHOUSE_CELL_DESC_SIGNATURE,
			     "cell") ||
	    !check_arch_revision(ctx, cell, d->architecture, d->revision))
		return;
	cell->desc = d;
	check_size(ctx, cell, 0);
}

/* ---- one cell on its own ---- */

static void check_name_flags(struct ctx *ctx, const struct cell *cell)
{
	const struct jailhouse_cell_desc *d = cell->desc;
	size_t len = strnlen(d->name, sizeof(d->name));

	if (len == sizeof(d->name))
		ERR(ctx, cell, "name", "(not terminated)",
		    "longer than %u characters; shorten it",
		    JAILHOUSE_CELL_NAME_MAXLEN);
	else if (len == 0)
		ERR(ctx, cell, "name", "\"\"",
		    "the cell has no name; the tools address cells by name");
	if (d->flags & ~JAILHOUSE_CELL_FLAGS_VALID)
		ERR(ctx, cell, "flags", hex(ctx, d->flags),
		    "unknown bits 0x%x; use the JAILHOUSE_CELL_* flags only",
		    d->flags & ~JAILHOUSE_CELL_FLAGS_VALID);
}

static void check_cpus(struct ctx *ctx, const struct cell *cell)
{
	if (bitmap8_weight(cell->cpus, cell->cpu_bits) == 0)
		ERR(ctx, cell, "cpus", "0",
		    "the cell has no CPU; set at least one bit");
}

static bool is_ivshmem_rw_slot(const struct cell *cell, unsigned int region)
{
	const struct jailhouse_pci_device *dev;
	unsigned int n;

	for (n = 0; n < cell->desc->num_pci_devices; n++) {
		dev = &cell->pci[n];
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		    dev->shmem_regions_start + 1 == region)
			return true;
	}
	return false;
}

/*
 * A cell's sub-page I/O region shares its page with the root cell, which
 * keeps the page (the hypervisor takes whole pages only): say so.
 */
static void check_subpage_shared(struct ctx *ctx, const struct cell *cell,
				 unsigned int n)
{
	const struct jailhouse_memory *m = &cell->mem[n];

	if (cell->root || m->flags & JAILHOUSE_MEM_ROOTSHARED ||
	    is_aligned(m->phys_start | m->virt_start | m->size,
		       JAILHOUSE_PAGE_SIZE))
		return;
	ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags", n),
	    hex(ctx, m->flags),
	    "a sub-page region (0x%llx, size 0x%llx) stays in the root cell, "
	    "which keeps the rest of its page: add JAILHOUSE_MEM_ROOTSHARED, "
	    "or make the region whole pages", m->phys_start, m->size);
}

/*
 * The hypervisor maps a sub-page I/O region's pages into its own address
 * space to carry out the accesses it traps: a few pages at most
 * (JAILHOUSE_SUBPAGE_MAX_PAGES).  A region that wraps is refused
 * elsewhere.
 */
static void check_subpage_span(struct ctx *ctx, const struct cell *cell,
			       unsigned int n)
{
	const struct jailhouse_memory *m = &cell->mem[n];
	unsigned long long first = m->phys_start / JAILHOUSE_PAGE_SIZE;
	unsigned long long last =
		(m->phys_start + m->size - 1) / JAILHOUSE_PAGE_SIZE;

	if (!m->size || m->phys_start + m->size - 1 < m->phys_start ||
	    is_aligned(m->phys_start | m->virt_start | m->size,
		       JAILHOUSE_PAGE_SIZE) ||
	    last - first < JAILHOUSE_SUBPAGE_MAX_PAGES)
		return;
	ERR(ctx, cell, fld(ctx, "mem_regions[%u].size", n), hex(ctx, m->size),
	    "the sub-page I/O region 0x%llx-0x%llx touches %llu pages, more "
	    "than the %u (%lu KiB) the hypervisor maps to trap it: make it "
	    "whole pages (mapped into the cell), or only the registers the "
	    "cell needs", m->phys_start, m->phys_start + m->size - 1,
	    last - first + 1, JAILHOUSE_SUBPAGE_MAX_PAGES,
	    JAILHOUSE_SUBPAGE_MAX_PAGES * JAILHOUSE_PAGE_SIZE / 1024);
}

static void check_region_alignment(struct ctx *ctx, const struct cell *cell,
				   unsigned int n)
{
	const struct jailhouse_memory *m = &cell->mem[n];

	if (m->flags & JAILHOUSE_MEM_IO) {
		if (!is_aligned(m->phys_start ^ m->virt_start,
				JAILHOUSE_PAGE_SIZE))
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].virt_start",
					   n),
			    hex(ctx, m->virt_start),
			    "its offset in the page differs from phys_start "
			    "0x%llx; a sub-page I/O region must keep the "
			    "offset", m->phys_start);
		check_subpage_shared(ctx, cell, n);
		check_subpage_span(ctx, cell, n);
		return;
	}
	if (!is_aligned(m->phys_start, JAILHOUSE_PAGE_SIZE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start", n),
		    hex(ctx, m->phys_start),
		    "not page-aligned (4 KiB); memory regions other than I/O "
		    "must start and end on a page boundary");
	else if (!is_aligned(m->virt_start, JAILHOUSE_PAGE_SIZE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].virt_start", n),
		    hex(ctx, m->virt_start),
		    "not page-aligned (4 KiB); memory regions other than I/O "
		    "must start and end on a page boundary");
	else if (!is_aligned(m->size, JAILHOUSE_PAGE_SIZE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].size", n),
		    hex(ctx, m->size),
		    "not a multiple of the page size (4 KiB); only I/O regions "
		    "(JAILHOUSE_MEM_IO) may be sub-page");
}

static void check_comm_region(struct ctx *ctx, const struct cell *cell,
			      unsigned int n, unsigned int *count)
{
	const struct jailhouse_memory *m = &cell->mem[n];

	if (cell->root) {
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags", n),
		    hex(ctx, m->flags),
		    "the root cell has no communication region; drop "
		    "JAILHOUSE_MEM_COMM_REGION");
		return;
	}
	if (++*count > 1)
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags", n),
		    hex(ctx, m->flags),
		    "a second communication region; a cell has one");
	if (m->size != JAILHOUSE_PAGE_SIZE)
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].size", n),
		    hex(ctx, m->size),
		    "the communication region is one page (0x1000)");
	if (!is_aligned(m->virt_start, JAILHOUSE_PAGE_SIZE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].virt_start", n),
		    hex(ctx, m->virt_start),
		    "the communication region must be page-aligned; inmates "
		    "expect it at 0x80000000");
}

static void check_region(struct ctx *ctx, const struct cell *cell,
			 unsigned int n, unsigned int *comm_regions)
{
	const struct jailhouse_memory *m = &cell->mem[n];
	unsigned int other;

	if (m->flags & ~JAILHOUSE_MEM_FLAGS_VALID)
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags", n),
		    hex(ctx, m->flags),
		    "unknown bits 0x%llx; use the JAILHOUSE_MEM_* flags only",
		    m->flags & ~JAILHOUSE_MEM_FLAGS_VALID);
	if (m->size == 0) {
		if (!is_ivshmem_rw_slot(cell, n))
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].size", n),
			    "0x0", "empty region; remove it (only an IVSHMEM "
			    "device's read/write section may be empty)");
		return;
	}
	if (m->flags & JAILHOUSE_MEM_COMM_REGION) {
		check_comm_region(ctx, cell, n, comm_regions);
	} else {
		if (m->phys_start + m->size < m->phys_start)
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].size", n),
			    hex(ctx, m->size),
			    "phys_start 0x%llx + size wraps around the "
			    "address space", m->phys_start);
		check_region_alignment(ctx, cell, n);
	}
	if (m->virt_start + m->size < m->virt_start) {
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].size", n),
		    hex(ctx, m->size),
		    "virt_start 0x%llx + size wraps around the address space",
		    m->virt_start);
		return;
	}
	for (other = 0; other < n; other++)
		if (overlaps(m->virt_start, m->size, cell->mem[other].virt_start,
			     cell->mem[other].size))
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].virt_start", n),
			    hex(ctx, m->virt_start),
			    "overlaps mem_regions[%u] (0x%llx, size 0x%llx) in "
			    "the cell's address space; regions must be "
			    "disjoint", other, cell->mem[other].virt_start,
			    cell->mem[other].size);
}

/* Regions the hypervisor keeps for itself or emulates: no cell maps them. */
static void check_region_vs_system(struct ctx *ctx, const struct cell *cell,
				   unsigned int n)
{
	const struct jailhouse_system *sys = ctx->sys;
	const struct jailhouse_memory *m = &cell->mem[n];
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	u64 gicd = sys->platform_info.arm.gicd_base;
	u64 ecam = sys->platform_info.pci_mmconfig_base;

	if (!m->size || (m->flags & JAILHOUSE_MEM_COMM_REGION))
		return;
	if (overlaps(m->phys_start, m->size, hv->phys_start, hv->size))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start", n),
		    hex(ctx, m->phys_start),
		    "overlaps the hypervisor memory 0x%llx-0x%llx; no cell "
		    "may map it", hv->phys_start, hv->phys_start + hv->size - 1);
	if (overlaps(m->phys_start, m->size, gicd, JAILHOUSE_GICD_SIZE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start", n),
		    hex(ctx, m->phys_start),
		    "maps the GIC distributor at 0x%llx, which the hypervisor "
		    "emulates; leave 0x%llx-0x%llx out of the region", gicd,
		    gicd, gicd + JAILHOUSE_GICD_SIZE - 1);
	if (ecam && sys->platform_info.pci_is_virtual &&
	    overlaps(m->phys_start, m->size, ecam,
		     (sys->platform_info.pci_mmconfig_end_bus + 1ULL) * MIB))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start", n),
		    hex(ctx, m->phys_start),
		    "maps the virtual PCI host's config space at 0x%llx, "
		    "which the hypervisor emulates; leave it out", ecam);
}

static void check_gicr_overlap(struct ctx *ctx, const struct cell *cell,
			       unsigned int n, const struct range *gicr)
{
	const struct jailhouse_memory *m = &cell->mem[n];

	if (m->size && !(m->flags & JAILHOUSE_MEM_COMM_REGION) &&
	    overlaps(m->phys_start, m->size, gicr->start, gicr->size))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start", n),
		    hex(ctx, m->phys_start),
		    "maps the GIC redistributors 0x%llx-0x%llx, which the "
		    "hypervisor emulates; leave them out", gicr->start,
		    gicr->start + gicr->size - 1);
}

static struct range gicr_window(const struct ctx *ctx)
{
	const struct cell *root = &ctx->cells[0];
	struct range r = {
		.start = ctx->sys->platform_info.arm.gicr_base,
		.size = ctx->sys->platform_info.arm.gicr_size,
	};
	unsigned int cpu, last = 0;

	if (!r.size) {
		for_each_bit8(cpu, root->cpus, root->cpu_bits)
			last = cpu;
		r.size = (last + 1) * JAILHOUSE_GICR_FRAME_SIZE;
	}
	return r;
}

/*
 * The hypervisor takes a cell's memory from the root cell, and gives it
 * back, by physical address: the root cell's memory is mapped 1:1.
 */
static void check_root_identity(struct ctx *ctx, const struct cell *root)
{
	const struct jailhouse_memory *m;
	unsigned int n;

	for (n = 0; n < root->desc->num_memory_regions; n++) {
		m = &root->mem[n];
		if (m->size && m->virt_start != m->phys_start)
			ERR(ctx, root, fld(ctx, "mem_regions[%u].virt_start",
					   n), hex(ctx, m->virt_start),
			    "the root cell's memory is mapped 1:1: set "
			    "virt_start to phys_start 0x%llx", m->phys_start);
	}
}

static bool system_has_iommu(const struct ctx *ctx)
{
	unsigned int n;

	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++)
		if (ctx->sys->platform_info.iommu_units[n].type !=
		    JAILHOUSE_IOMMU_UNUSED)
			return true;
	return false;
}

/*
 * A device of the cell that may do DMA: a physical PCI device, or an I/O
 * region marked JAILHOUSE_MEM_DMA.  Its field, or NULL.
 */
static const char *dma_device(struct ctx *ctx, const struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->desc->num_pci_devices; n++)
		if (cell->pci[n].type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			return fld(ctx, "pci_devices[%u]", n);
	for (n = 0; n < cell->desc->num_memory_regions; n++)
		if (cell->mem[n].size &&
		    (cell->mem[n].flags & JAILHOUSE_MEM_IO) &&
		    (cell->mem[n].flags & JAILHOUSE_MEM_DMA))
			return fld(ctx, "mem_regions[%u]", n);
	return NULL;
}

/* Stage 2 confines the CPUs, not a device's DMA: say so. */
static void check_dma_isolation(struct ctx *ctx, const struct cell *cell)
{
	const char *device;

	if (system_has_iommu(ctx))
		return;
	device = dma_device(ctx, cell);
	if (device)
		WARN(ctx, cell, device, "(a device that may do DMA)",
		     "the system configuration has no IOMMU: this device's "
		     "DMA reaches all memory, so the cell's isolation does not "
		     "cover DMA");
}

static void check_memory(struct ctx *ctx, const struct cell *cell)
{
	unsigned int n, comm_regions = 0;
	struct range gicr;

	for (n = 0; n < cell->desc->num_memory_regions; n++)
		check_region(ctx, cell, n, &comm_regions);
	if (!cell->root && !comm_regions &&
	    !(cell->desc->flags & JAILHOUSE_CELL_PASSIVE_COMMREG))
		WARN(ctx, cell, "mem_regions", "(no comm region)",
		     "the cell has no communication region, so it cannot "
		     "answer shutdown requests; add one at 0x80000000 or set "
		     "JAILHOUSE_CELL_PASSIVE_COMMREG");
	if (!ctx->sys)
		return;
	gicr = gicr_window(ctx);
	for (n = 0; n < cell->desc->num_memory_regions; n++) {
		check_region_vs_system(ctx, cell, n);
		check_gicr_overlap(ctx, cell, n, &gicr);
	}
	if (cell->root)
		check_root_identity(ctx, cell);
	else
		check_dma_isolation(ctx, cell);
}

/* Bits of the packed configuration arrays, read without a pointer. */
static bool irqchip_bit(const struct jailhouse_irqchip *chip, unsigned int bit)
{
	return (chip->pin_bitmap[bit / 32] >> (bit % 32)) & 1;
}

static bool vendor_bit(const struct jailhouse_vendor *v, unsigned int bit)
{
	return (v->bitmap[bit / 32] >> (bit % 32)) & 1;
}

static void note_intids(const struct jailhouse_irqchip *chip, u32 *intids)
{
	unsigned int bit, intid;

	for (bit = 0; bit < JAILHOUSE_IRQCHIP_PINS; bit++) {
		intid = chip->pin_base + bit;
		if (intid < INTID_WORDS * 32 && irqchip_bit(chip, bit))
			bitmap32_set(intids, intid);
	}
}

static void check_irqchip(struct ctx *ctx, struct cell *cell,
			  unsigned int n)
{
	const struct jailhouse_irqchip *chip = &cell->irqchips[n];
	unsigned int bit, last_set = 0;
	bool any = false;

	if (ctx->sys && chip->address != ctx->sys->platform_info.arm.gicd_base) {
		ERR(ctx, cell, fld(ctx, "irqchips[%u].address", n),
		    hex(ctx, chip->address),
		    "not the GIC distributor 0x%llx of the system "
		    "configuration; on arm64 every irqchip entry names it",
		    (u64)ctx->sys->platform_info.arm.gicd_base);
		return;
	}
	if (chip->pin_base % 32) {
		ERR(ctx, cell, fld(ctx, "irqchips[%u].pin_base", n),
		    dec(ctx, chip->pin_base),
		    "not a multiple of 32; pin_base is the INTID of bit 0 of "
		    "pin_bitmap[0]");
		return;
	}
	for (bit = 0; bit < JAILHOUSE_IRQCHIP_PINS; bit++)
		if (irqchip_bit(chip, bit)) {
			any = true;
			last_set = chip->pin_base + bit;
		}
	if (chip->pin_base + JAILHOUSE_IRQCHIP_PINS > INTID_WORDS * 32 &&
	    any && last_set > JAILHOUSE_MAX_INTID) {
		ERR(ctx, cell, fld(ctx, "irqchips[%u].pin_bitmap", n),
		    dec(ctx, last_set),
		    "INTID %u does not exist: GICv3 SPIs end at %u; clear the "
		    "bits past it", last_set, JAILHOUSE_MAX_INTID);
		return;
	}
	if (!cell->root && chip->pin_base < 32 && (chip->pin_bitmap[0]))
		WARN(ctx, cell, fld(ctx, "irqchips[%u].pin_bitmap[0]", n),
		     hex(ctx, chip->pin_bitmap[0]),
		     "SGIs and PPIs (INTIDs 0-31) belong to every cell; these "
		     "bits are ignored");
	note_intids(chip, cell->intids);
}

static void check_irqchips(struct ctx *ctx, struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->desc->num_irqchips; n++)
		check_irqchip(ctx, cell, n);
}

static bool owns_intid(const struct cell *cell, unsigned int intid)
{
	return intid < INTID_WORDS * 32 && bitmap32_test(cell->intids, intid);
}

static void check_ivshmem_regions(struct ctx *ctx, const struct cell *cell,
				  unsigned int n)
{
	const struct jailhouse_pci_device *dev = &cell->pci[n];
	const struct jailhouse_memory *state, *rw, *out;
	unsigned int start = dev->shmem_regions_start, peer;

	if ((u64)start + 2 + dev->shmem_peers >
	    cell->desc->num_memory_regions) {
		ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_regions_start",
				   n), dec(ctx, start),
		    "the device needs %u regions from here (state table, "
		    "read/write section, %u output sections) but the cell "
		    "has %u", 2 + dev->shmem_peers, dev->shmem_peers,
		    cell->desc->num_memory_regions);
		return;
	}
	state = &cell->mem[start];
	rw = &cell->mem[start + 1];
	if (!state->size || (state->flags & JAILHOUSE_MEM_WRITE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags", start),
		    hex(ctx, state->flags),
		    "IVSHMEM state table must be present and read-only "
		    "(JAILHOUSE_MEM_READ without WRITE)");
	if (rw->size && (rw->flags & (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE))
	    != (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE))
		ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags", start + 1),
		    hex(ctx, rw->flags),
		    "IVSHMEM read/write section must be readable and "
		    "writable");
	for (peer = 0; peer < dev->shmem_peers; peer++) {
		out = &cell->mem[start + 2 + peer];
		if (out->size != cell->mem[start + 2].size)
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].size",
					   start + 2 + peer),
			    hex(ctx, out->size),
			    "IVSHMEM output sections must all have the same "
			    "size (0x%llx)", cell->mem[start + 2].size);
		if (!!(out->flags & JAILHOUSE_MEM_WRITE) !=
		    (peer == dev->shmem_dev_id))
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].flags",
					   start + 2 + peer),
			    hex(ctx, out->flags),
			    "output section of peer %u %s; only its owner "
			    "(shmem_dev_id %u) may write it", peer,
			    peer == dev->shmem_dev_id ? "is not writable" :
			    "is writable", dev->shmem_dev_id);
	}
}

/*
 * An ivshmem-net (VETH) device links two peers.  Its output sections need
 * no check of their own: the smallest a region can be (a page) holds the
 * rings of 32 descriptors and 0x900 bytes of frames.
 */
static void check_veth(struct ctx *ctx, const struct cell *cell,
		       unsigned int n)
{
	const struct jailhouse_pci_device *dev = &cell->pci[n];

	if (dev->shmem_peers != 2)
		ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_peers", n),
		    dec(ctx, dev->shmem_peers),
		    "an ivshmem-net (JAILHOUSE_SHMEM_PROTO_VETH) device "
		    "links exactly 2 peers");
}

static void check_ivshmem(struct ctx *ctx, const struct cell *cell,
			  unsigned int n)
{
	const struct jailhouse_pci_device *dev = &cell->pci[n];
	unsigned int slot = (dev->bdf >> 3) & 0x1f, intid;

	if (dev->shmem_peers == 0 ||
	    dev->shmem_peers > JAILHOUSE_IVSHMEM_MAX_PEERS) {
		ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_peers", n),
		    dec(ctx, dev->shmem_peers),
		    "an IVSHMEM device has 1 to %u peers",
		    JAILHOUSE_IVSHMEM_MAX_PEERS);
		return;
	}
	if (dev->shmem_dev_id >= dev->shmem_peers)
		ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_dev_id", n),
		    dec(ctx, dev->shmem_dev_id),
		    "peer IDs go from 0 to shmem_peers - 1 (%u)",
		    dev->shmem_peers - 1);
	if (dev->bar_mask[0] != 0xfffff000 && dev->bar_mask[0] != 0xffff0000)
		ERR(ctx, cell, fld(ctx, "pci_devices[%u].bar_mask[0]", n),
		    hex(ctx, dev->bar_mask[0]),
		    "the register BAR is 4 KiB or 64 KiB; use "
		    "JAILHOUSE_IVSHMEM_BAR_MASK_INTX or _MSIX (or _64K)");
	if (dev->num_msix_vectors > MAX_MSIX_VECTORS)
		ERR(ctx, cell, fld(ctx, "pci_devices[%u].num_msix_vectors", n),
		    dec(ctx, dev->num_msix_vectors),
		    "IVSHMEM offers at most %u MSI-X vectors",
		    MAX_MSIX_VECTORS);
	else if (dev->num_msix_vectors)
		WARN(ctx, cell, fld(ctx, "pci_devices[%u].num_msix_vectors",
				    n), dec(ctx, dev->num_msix_vectors),
		     "this hypervisor offers IVSHMEM with INTx only (no MSI "
		     "controller for the root cell, see Documentation/"
		     "ivshmem.md); the device will use INTx");
	check_ivshmem_regions(ctx, cell, n);
	if (dev->shmem_protocol == JAILHOUSE_SHMEM_PROTO_VETH)
		check_veth(ctx, cell, n);

	intid = 32 + cell->desc->vpci_irq_base + (slot & 3);
	if (!owns_intid(cell, intid))
		ERR(ctx, cell, "vpci_irq_base",
		    dec(ctx, cell->desc->vpci_irq_base),
		    "the INTx of IVSHMEM device %02x:%02x.%x is INTID %u "
		    "(32 + vpci_irq_base + slot %% 4), which the cell does not "
		    "own; add it to an irqchip entry", dev->bdf >> 8, slot,
		    dev->bdf & 7, intid);
}

static void check_pci(struct ctx *ctx, const struct cell *cell)
{
	const struct jailhouse_pci_device *dev;
	unsigned int n;

	if (cell->desc->num_pci_devices && ctx->sys &&
	    !ctx->sys->platform_info.pci_mmconfig_base)
		ERR(ctx, cell, "num_pci_devices",
		    dec(ctx, cell->desc->num_pci_devices),
		    "the cell has PCI devices but the system configuration "
		    "has no PCI host (platform_info.pci_mmconfig_base is 0)");
	for (n = 0; n < cell->desc->num_pci_devices; n++) {
		dev = &cell->pci[n];
		if (dev->type < JAILHOUSE_PCI_TYPE_DEVICE ||
		    dev->type > JAILHOUSE_PCI_TYPE_IVSHMEM) {
			ERR(ctx, cell, fld(ctx, "pci_devices[%u].type", n),
			    dec(ctx, dev->type),
			    "unknown type; use JAILHOUSE_PCI_TYPE_DEVICE, "
			    "_BRIDGE or _IVSHMEM");
			continue;
		}
		if ((u32)dev->caps_start + dev->num_caps >
		    cell->desc->num_pci_caps)
			ERR(ctx, cell, fld(ctx, "pci_devices[%u].num_caps", n),
			    dec(ctx, dev->num_caps),
			    "capabilities %u-%u do not exist: the cell has %u",
			    dev->caps_start,
			    dev->caps_start + dev->num_caps - 1,
			    cell->desc->num_pci_caps);
		if (ctx->sys && (dev->bdf >> 8) >
		    ctx->sys->platform_info.pci_mmconfig_end_bus)
			ERR(ctx, cell, fld(ctx, "pci_devices[%u].bdf", n),
			    hex(ctx, dev->bdf),
			    "bus %u is past the host's last bus %u "
			    "(platform_info.pci_mmconfig_end_bus)",
			    dev->bdf >> 8,
			    ctx->sys->platform_info.pci_mmconfig_end_bus);
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			check_ivshmem(ctx, cell, n);
	}
}

static void check_smc_ids(struct ctx *ctx, const struct cell *cell)
{
	unsigned int n, other, owner;
	u32 id;

	for (n = 0; n < cell->desc->num_smc_ids; n++) {
		id = cell->smc[n].id;
		owner = (id >> 24) & 0x3f;
		if (!(id & 0x80000000)) {
			ERR(ctx, cell, fld(ctx, "smc_ids[%u]", n), hex(ctx, id),
			    "a yielding call (bit 31 clear); only fast calls "
			    "are forwarded to the firmware");
			continue;
		}
		if (owner == 0 || owner == 4 || owner == 5) {
			ERR(ctx, cell, fld(ctx, "smc_ids[%u]", n), hex(ctx, id),
			    "an %s call: the hypervisor handles these itself "
			    "and never forwards them; remove it",
			    owner == 0 ? "Arm architecture (SMCCC)" :
			    owner == 4 ? "Arm standard service (PSCI)" :
			    "Arm hypervisor service");
			continue;
		}
		for (other = 0; other < n; other++)
			if (cell->smc[other].id == id)
				WARN(ctx, cell, fld(ctx, "smc_ids[%u]", n),
				     hex(ctx, id), "listed twice (also "
				     "smc_ids[%u])", other);
	}
}

static const char *vendor_kind(u32 type)
{
	switch (type) {
	case JAILHOUSE_VENDOR_MTK_EINT:
		return "EINT";
	case JAILHOUSE_VENDOR_MTK_GPIO:
		return "GPIO";
	case JAILHOUSE_VENDOR_MTK_CLK:
		return "clock-gate";
	default:
		return "unknown";
	}
}

static void check_vendor(struct ctx *ctx, const struct cell *cell,
			 unsigned int n)
{
	const struct jailhouse_vendor *v = &cell->vendors[n];
	const struct jailhouse_memory *m;
	unsigned int r;

	if (v->type < JAILHOUSE_VENDOR_MTK_EINT ||
	    v->type > JAILHOUSE_VENDOR_MTK_CLK) {
		ERR(ctx, cell, fld(ctx, "vendors[%u].type", n),
		    dec(ctx, v->type),
		    "unknown vendor entry; use JAILHOUSE_VENDOR_MTK_EINT, "
		    "_MTK_GPIO or _MTK_CLK");
		return;
	}
	if (!v->address || !is_aligned(v->address, JAILHOUSE_PAGE_SIZE))
		ERR(ctx, cell, fld(ctx, "vendors[%u].address", n),
		    hex(ctx, v->address),
		    "the %s block must be a page-aligned register block",
		    vendor_kind(v->type));
	if (v->base % 32 || v->base + JAILHOUSE_VENDOR_PINS >
	    JAILHOUSE_VENDOR_MAX_PINS)
		ERR(ctx, cell, fld(ctx, "vendors[%u].pin_base", n),
		    dec(ctx, v->base),
		    "must be 0, 32, 64, 96 or 128: a multiple of 32 whose "
		    "128-pin window ends by pin %u",
		    JAILHOUSE_VENDOR_MAX_PINS - 1);
	if (!(v->bitmap[0] | v->bitmap[1] | v->bitmap[2] | v->bitmap[3]))
		WARN(ctx, cell, fld(ctx, "vendors[%u].pin_bitmap", n), "0",
		     "the entry claims no pin; remove it");
	for (r = 0; r < cell->desc->num_memory_regions; r++) {
		m = &cell->mem[r];
		if (!(m->flags & JAILHOUSE_MEM_COMM_REGION) &&
		    overlaps(m->phys_start, m->size, v->address,
			     MTK_BLOCK_SIZE))
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start",
					   r), hex(ctx, m->phys_start),
			    "maps the %s block 0x%llx that vendors[%u] "
			    "mediates per pin; the hypervisor must trap it, "
			    "so leave its page out of the memory regions",
			    vendor_kind(v->type), (u64)v->address, n);
	}
}

/*
 * The block of entry @n as the hypervisor finds it, in the same tables
 * (hypervisor/soc/mediatek), and its pins: what it refuses is refused here.
 */
static void check_vendor_block(struct ctx *ctx, const struct cell *cell,
			       unsigned int n)
{
	const struct jailhouse_vendor *v = &cell->vendors[n];
	const struct mtk_block_desc *desc;
	unsigned int bit;

	desc = mtk_find_block(v->type, v->address);
	if (!desc) {
		ERR(ctx, cell, fld(ctx, "vendors[%u].address", n),
		    hex(ctx, v->address),
		    "no MediaTek %s block the hypervisor knows at this "
		    "address, so it would refuse the configuration; the known "
		    "blocks are in Documentation/board-genio.md, section "
		    "\"4. GPIO and EINT: vendor entries\"",
		    vendor_kind(v->type));
		return;
	}
	for (bit = 0; bit < JAILHOUSE_VENDOR_PINS; bit++)
		if (vendor_bit(v, bit) && v->base + bit >= desc->pins) {
			ERR(ctx, cell, fld(ctx, "vendors[%u]", n),
			    valf(ctx, "%s pin %u", vendor_kind(v->type),
				 v->base + bit),
			    "the %s at 0x%llx has %u pins (0-%u)", desc->what,
			    (u64)desc->address, desc->pins, desc->pins - 1);
			return;
		}
}

static void check_vendors(struct ctx *ctx, const struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->desc->num_vendors; n++) {
		check_vendor(ctx, cell, n);
		check_vendor_block(ctx, cell, n);
	}
}

/* ---- the SoC the blocks are on ---- */

/*
 * Into @buf: the @type blocks of SoC @soc ("0x..., 0x... and 0x..."), and
 * their GIC line if they share one.  Returns how many there are.
 */
static unsigned int list_soc_blocks(char *buf, size_t size, u32 type,
				    u8 soc)
{
	const struct mtk_block_desc *desc, *found[MTK_MAX_BLOCKS];
	unsigned int n, count = 0, len = 0;
	bool one_line = true;

	for (n = 0; (desc = mtk_block(n)); n++)
		if (desc->type == type && (desc->socs & soc)) {
			one_line &= !count || desc->irq == found[0]->irq;
			found[count++] = desc;
		}
	buf[0] = '\0';
	for (n = 0; n < count && len < size; n++)
		len += snprintf(buf + len, size - len, "%s0x%llx",
				n == 0 ? "" : n + 1 == count ? " and " : ", ",
				(u64)found[n]->address);
	if (count > 1 && one_line && found[0]->irq && len < size)
		snprintf(buf + len, size - len, ", all on one line, INTID %u",
			 found[0]->irq);
	return count;
}

/* Entry @n names @desc, a block of none of the SoCs in @socs. */
static void report_foreign_block(struct ctx *ctx, const struct cell *cell,
				 unsigned int n,
				 const struct mtk_block_desc *desc, u8 socs)
{
	const struct mtk_soc *soc = mtk_find_soc(socs & -socs);
	const char *kind = vendor_kind(desc->type);
	char list[128];
	unsigned int count;

	count = list_soc_blocks(list, sizeof(list), desc->type, socs & -socs);
	ERR(ctx, cell, fld(ctx, "vendors[%u].address", n),
	    hex(ctx, desc->address),
	    "the %s, but the system's other blocks are the %s's, whose %s "
	    "%s %s; see %s", desc->what, soc ? soc->name : "another SoC",
	    kind, count > 1 ? "instances are" : count ? "block is" :
	    "blocks are", count ? list : "none",
	    soc ? soc->guide : "Documentation/board-genio.md");
}

/*
 * The SoCs among @socs that every known block of @cell is on: a block of
 * none of them (a block of another SoC) is refused.
 */
static u8 check_cell_socs(struct ctx *ctx, const struct cell *cell, u8 socs)
{
	const struct jailhouse_vendor *v;
	const struct mtk_block_desc *desc;
	unsigned int n;

	for (n = 0; n < cell->desc->num_vendors; n++) {
		v = &cell->vendors[n];
		desc = mtk_find_block(v->type, v->address);
		if (!desc)
			continue;
		if (desc->socs & socs)
			socs &= desc->socs;
		else
			report_foreign_block(ctx, cell, n, desc, socs);
	}
	return socs;
}

/* Does @cell's vendor table give it pin @pin of block (@type, @address)? */
static bool owns_pin(const struct cell *cell, u32 type, u64 address,
		     unsigned int pin)
{
	const struct jailhouse_vendor *v;
	unsigned int n;

	for (n = 0; n < cell->desc->num_vendors; n++) {
		v = &cell->vendors[n];
		if (v->type == type && v->address == address &&
		    pin >= v->base && pin < v->base + JAILHOUSE_VENDOR_PINS &&
		    vendor_bit(v, pin - v->base))
			return true;
	}
	return false;
}

/* Does @cell take GPIO @pin of a GPIO block of SoC @soc? */
static bool takes_gpio(const struct cell *cell, u8 soc, unsigned int pin)
{
	const struct mtk_block_desc *desc;
	unsigned int n;

	for (n = 0; (desc = mtk_block(n)); n++)
		if (desc->type == JAILHOUSE_VENDOR_MTK_GPIO &&
		    (desc->socs & soc) &&
		    owns_pin(cell, desc->type, desc->address, pin))
			return true;
	return false;
}

/* A warning if @cell takes a pad with a known use (mtk_find_pin_note). */
static void note_pin(struct ctx *ctx, const struct cell *cell, u8 socs,
		     unsigned int n, const char *kind, unsigned int pin)
{
	const struct mtk_pin_note *note = mtk_find_pin_note(socs, pin);

	if (note && !(socs & ~note->soc))
		WARN(ctx, cell, fld(ctx, "vendors[%u]", n),
		     valf(ctx, "%s %u", kind, pin), "%s", note->use);
}

/*
 * Line @idx of MT8391 EINT instance @desc, taken by a cell (entry @n):
 * it needs a pad, and the cell must take the pad as well.
 */
static void check_mt8391_eint(struct ctx *ctx, const struct cell *cell,
			      unsigned int n,
			      const struct mtk_block_desc *desc,
			      unsigned int idx)
{
	int eint = mtk_eint_global(desc, idx);
	unsigned int inst = desc->eint_instance - 1;

	if (eint < 0)
		return;		/* past the instance: check_vendor_block */
	if (eint >= MT8391_EINT_PADS)
		ERR(ctx, cell, fld(ctx, "vendors[%u]", n),
		    valf(ctx, "EINT %d (instance %u, index %u)", eint, inst,
			 idx),
		    "has no pad: EINTs %u-%u are the SoC's internal lines "
		    "(the PMIC's is EINT 194) and stay with the root cell",
		    MT8391_EINT_PADS, MT8391_NUM_EINTS - 1);
	else if (!takes_gpio(cell, MTK_SOC_MT8391, eint))
		ERR(ctx, cell, fld(ctx, "vendors[%u]", n),
		    valf(ctx, "EINT %d (instance %u, index %u)", eint, inst,
			 idx),
		    "is the EINT of pad GPIO %d, which the cell does not "
		    "take; add GPIO %d to its GPIO entry (the pad's owner "
		    "sets its mode)", eint, eint);
	else
		note_pin(ctx, cell, MTK_SOC_MT8391, n, "EINT", eint);
}

/*
 * A cell's pins on the SoC: EINTs of the MT8391 by their global numbers,
 * and pads with a known use on the board.
 */
static void check_cell_pins(struct ctx *ctx, const struct cell *cell,
			    u8 socs)
{
	const struct jailhouse_vendor *v;
	const struct mtk_block_desc *desc;
	unsigned int n, bit;

	for (n = 0; n < cell->desc->num_vendors; n++) {
		v = &cell->vendors[n];
		desc = mtk_find_block(v->type, v->address);
		if (!desc || !(desc->socs & socs) || v->base % 32 ||
		    v->base + JAILHOUSE_VENDOR_PINS > JAILHOUSE_VENDOR_MAX_PINS)
			continue;
		for (bit = 0; bit < JAILHOUSE_VENDOR_PINS; bit++) {
			if (!vendor_bit(v, bit))
				continue;
			if (desc->eint_instance)
				check_mt8391_eint(ctx, cell, n, desc,
						  v->base + bit);
			else if (desc->type == JAILHOUSE_VENDOR_MTK_GPIO)
				note_pin(ctx, cell, socs, n, "GPIO",
					 v->base + bit);
		}
	}
}

/* The root cell's blocks tell the SoC; each cell's must be on it too. */
static void check_socs(struct ctx *ctx)
{
	const struct cell *root = root_cell(ctx);
	unsigned int n;

	ctx->socs = root ? check_cell_socs(ctx, root, 0xff) : 0xff;
	for (n = 0; n < ctx->num_cells; n++)
		if (ctx->cells[n].readable && !ctx->cells[n].root)
			check_cell_pins(ctx, &ctx->cells[n],
					check_cell_socs(ctx, &ctx->cells[n],
							ctx->socs));
}

/* Is [start, start + size) inside the cell's memory regions? */
static bool cell_maps(const struct cell *cell, u64 start, u64 size,
		      bool physical)
{
	const struct jailhouse_memory *m;
	u64 pos = start, base;
	unsigned int n;
	bool found;

	while (pos < start + size) {
		found = false;
		for (n = 0; n < cell->desc->num_memory_regions; n++) {
			m = &cell->mem[n];
			if (m->flags & JAILHOUSE_MEM_COMM_REGION && physical)
				continue;
			base = physical ? m->phys_start : m->virt_start;
			if (m->size && pos >= base && pos < base + m->size) {
				pos = base + m->size;
				found = true;
				break;
			}
		}
		if (!found)
			return false;
	}
	return true;
}

static void check_console(struct ctx *ctx, const struct cell *cell,
			  const struct jailhouse_console *con,
			  const char *name, bool debug_console)
{
	if (con->type > JAILHOUSE_CON_TYPE_MAX) {
		ERR(ctx, cell, fld(ctx, "%s.type", name), dec(ctx, con->type),
		    "unknown console type; use a JAILHOUSE_CON_TYPE_* value");
		return;
	}
	if (con->type == JAILHOUSE_CON_TYPE_NONE)
		return;
	if (con->type == JAILHOUSE_CON_TYPE_EFIFB) {
		ERR(ctx, cell, fld(ctx, "%s.type", name), "1 (EFIFB)",
		    "the EFI framebuffer console exists on x86 only; use a "
		    "UART");
		return;
	}
	if (con->flags & ~JAILHOUSE_CON_FLAGS_VALID)
		ERR(ctx, cell, fld(ctx, "%s.flags", name), hex(ctx, con->flags),
		    "unknown bits 0x%x; use the JAILHOUSE_CON_* flags only",
		    con->flags & ~JAILHOUSE_CON_FLAGS_VALID);
	if (!CON_IS_MMIO(con->flags))
		ERR(ctx, cell, fld(ctx, "%s.flags", name), hex(ctx, con->flags),
		    "arm64 UARTs are memory-mapped: add "
		    "JAILHOUSE_CON_ACCESS_MMIO");
	if (!con->address)
		ERR(ctx, cell, fld(ctx, "%s.address", name), "0x0",
		    "a UART console needs the UART's address");
	if (debug_console && !con->size)
		ERR(ctx, cell, fld(ctx, "%s.size", name), "0x0",
		    "the hypervisor maps size bytes of the UART; set it (0x1000 "
		    "for most UARTs)");
	if (con->clock_reg && con->gate_nr >= 32)
		ERR(ctx, cell, fld(ctx, "%s.gate_nr", name),
		    dec(ctx, con->gate_nr),
		    "the clock gate is a bit of the 32-bit register at "
		    "clock_reg; use 0-31");
	if (!con->address)
		return;
	if (debug_console && !cell_maps(cell, con->address,
					con->size ? con->size : 1, true))
		ERR(ctx, cell, fld(ctx, "%s.address", name),
		    hex(ctx, con->address),
		    "the debug UART is outside the root cell's memory "
		    "regions; map it in the root cell (Linux uses it too) or "
		    "fix the address");
	else if (!debug_console && !cell->root &&
		 !cell_maps(cell, con->address, 1, false) &&
		 !CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(cell->desc->flags))
		WARN(ctx, cell, fld(ctx, "%s.address", name),
		     hex(ctx, con->address),
		     "the cell does not map its console UART; map it "
		     "(JAILHOUSE_MEM_ROOTSHARED if the root uses it too) or "
		     "use the virtual console");
}

static void check_reset_address(struct ctx *ctx, const struct cell *cell)
{
	u64 reset = cell->desc->cpu_reset_address;

	if (!cell->root && !cell_maps(cell, reset, 4, false))
		ERR(ctx, cell, "cpu_reset_address", hex(ctx, reset),
		    "not inside any memory region of the cell: its first CPU "
		    "would start at an unmapped address; point it at the "
		    "loadable RAM");
}

static void check_msg_timeout(struct ctx *ctx, const struct cell *cell)
{
	if (cell->desc->msg_reply_timeout > JAILHOUSE_MAX_MSG_TIMEOUT_US)
		ERR(ctx, cell, "msg_reply_timeout",
		    dec(ctx, cell->desc->msg_reply_timeout),
		    "at most %llu microseconds (10 s): the root cell's CPU "
		    "waits that long in cell load, start and destroy; 0 means "
		    "100 ms", JAILHOUSE_MAX_MSG_TIMEOUT_US);
}

static void check_cell(struct ctx *ctx, struct cell *cell)
{
	check_name_flags(ctx, cell);
	check_cpus(ctx, cell);
	check_irqchips(ctx, cell);
	check_memory(ctx, cell);
	check_pci(ctx, cell);
	check_smc_ids(ctx, cell);
	check_vendors(ctx, cell);
	check_console(ctx, cell, &cell->desc->console, "console", false);
	check_reset_address(ctx, cell);
	if (!cell->root)
		check_msg_timeout(ctx, cell);
}

/* ---- the system configuration ---- */

static void check_hypervisor_memory(struct ctx *ctx, const struct cell *root)
{
	const struct jailhouse_memory *hv = &ctx->sys->hypervisor_memory;

	if (!is_aligned(hv->phys_start, JAILHOUSE_PAGE_SIZE) ||
	    !hv->phys_start)
		ERR(ctx, root, "hypervisor_memory.phys_start",
		    hex(ctx, hv->phys_start),
		    "must be a page-aligned, reserved region; use the address "
		    "of the reserved-memory node");
	if (hv->size < MIN_HV_MEMORY ||
	    !is_aligned(hv->size, JAILHOUSE_PAGE_SIZE))
		ERR(ctx, root, "hypervisor_memory.size", hex(ctx, hv->size),
		    "must be a multiple of 4 KiB and at least 1 MiB (the "
		    "firmware, per-CPU data and page pool live there); 4 MiB "
		    "is usual");
}

static void check_gic(struct ctx *ctx, const struct cell *root)
{
	const typeof(ctx->sys->platform_info.arm) *arm =
		&ctx->sys->platform_info.arm;

	if (arm->gic_version != 3)
		ERR(ctx, root, "platform_info.arm.gic_version",
		    dec(ctx, arm->gic_version),
		    "only GICv3 is supported; set 3");
	if (!arm->gicd_base ||
	    !is_aligned(arm->gicd_base, JAILHOUSE_GICD_SIZE))
		ERR(ctx, root, "platform_info.arm.gicd_base",
		    hex(ctx, arm->gicd_base),
		    "the GIC distributor base must be set and 64 KiB-aligned; "
		    "take it from the device tree's GIC node");
	if (!arm->gicr_base || !is_aligned(arm->gicr_base, 0x10000))
		ERR(ctx, root, "platform_info.arm.gicr_base",
		    hex(ctx, arm->gicr_base),
		    "the GIC redistributor base must be set and 64 KiB-aligned; "
		    "take it from the device tree's GIC node");
	if (arm->gicr_size % JAILHOUSE_GICR_FRAME_SIZE)
		ERR(ctx, root, "platform_info.arm.gicr_size",
		    hex(ctx, arm->gicr_size),
		    "a multiple of the 128 KiB redistributor frame, or 0 for "
		    "one frame per CPU");
	if (arm->maintenance_irq < 16 || arm->maintenance_irq > 31)
		ERR(ctx, root, "platform_info.arm.maintenance_irq",
		    dec(ctx, arm->maintenance_irq),
		    "the GIC maintenance interrupt is a PPI (INTID 16-31), "
		    "25 on every supported board");
}

/*
 * The root cell's virtual PCI host puts the register BARs of its IVSHMEM
 * devices in a 32-bit window right after the ECAM window (two BAR sizes
 * per device, as the driver's overlay says): nothing of the root cell may
 * be mapped there, or its BAR accesses would not reach the hypervisor.
 */
static void check_bar_window(struct ctx *ctx, const struct cell *root)
{
	const struct jailhouse_system *sys = ctx->sys;
	u64 start = sys->platform_info.pci_mmconfig_base +
		(sys->platform_info.pci_mmconfig_end_bus + 1ULL) * MIB;
	const struct jailhouse_pci_device *dev;
	const struct jailhouse_memory *m;
	u64 size = 0;
	unsigned int n;

	for (n = 0; n < root->desc->num_pci_devices; n++) {
		dev = &root->pci[n];
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			size += 2 * ((u64)(u32)~dev->bar_mask[0] + 1);
	}
	if (!size || !sys->platform_info.pci_is_virtual)
		return;
	if (start + size > 0x100000000ULL)
		ERR(ctx, root, "platform_info.pci_mmconfig_base",
		    hex(ctx, sys->platform_info.pci_mmconfig_base),
		    "the virtual PCI host's BAR window 0x%llx-0x%llx must end "
		    "below 4 GiB (32-bit BARs)", start, start + size - 1);
	for (n = 0; n < root->desc->num_memory_regions; n++) {
		m = &root->mem[n];
		if (m->size && overlaps(m->virt_start, m->size, start, size))
			ERR(ctx, root, fld(ctx, "mem_regions[%u].virt_start",
					   n), hex(ctx, m->virt_start),
			    "maps the virtual PCI host's BAR window 0x%llx-"
			    "0x%llx (after the ECAM window), where the root "
			    "cell's IVSHMEM registers go; leave it out", start,
			    start + size - 1);
	}
}

static void check_pci_host(struct ctx *ctx, const struct cell *root)
{
	u64 ecam = ctx->sys->platform_info.pci_mmconfig_base;

	if (ecam && !is_aligned(ecam, MIB))
		ERR(ctx, root, "platform_info.pci_mmconfig_base", hex(ctx, ecam),
		    "the ECAM window is 1 MiB per bus and must be 1 MiB-aligned");
	if (ecam)
		check_bar_window(ctx, root);
}

static void check_system(struct ctx *ctx)
{
	const struct cell *root = &ctx->cells[0];

	if (ctx->sys->flags & ~JAILHOUSE_SYS_FLAGS_VALID)
		ERR(ctx, root, "flags", hex(ctx, ctx->sys->flags),
		    "unknown bits; only JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE "
		    "exists");
	check_hypervisor_memory(ctx, root);
	check_gic(ctx, root);
	check_pci_host(ctx, root);
	check_console(ctx, root, &ctx->sys->debug_console, "debug_console",
		      true);
}

/* ---- cells against the root and against each other ---- */

static void check_names(struct ctx *ctx, const struct cell *cell,
			const struct cell *other)
{
	if (!strncmp(cell->desc->name, other->desc->name,
		     sizeof(cell->desc->name)))
		ERR(ctx, cell, "name", cell->desc->name,
		    "%s %s has the same name; cell names must be unique",
		    other->root ? "the root cell in" : "the cell in",
		    other->file->name);
}

static void check_cpus_vs_root(struct ctx *ctx, const struct cell *cell,
			       const struct cell *root)
{
	unsigned int cpu;

	for_each_bit8(cpu, cell->cpus, cell->cpu_bits) {
		if (cpu >= root->cpu_bits || !bitmap8_test(root->cpus, cpu)) {
			ERR(ctx, cell, "cpus", valf(ctx, "CPU %u", cpu),
			    "not a CPU of the root cell; a cell can only take "
			    "CPUs the root cell has");
			return;
		}
	}
}

static void check_cpus_vs_cell(struct ctx *ctx, const struct cell *cell,
			       const struct cell *other)
{
	unsigned int cpu;

	for_each_bit8(cpu, cell->cpus, cell->cpu_bits) {
		if (cpu < other->cpu_bits && bitmap8_test(other->cpus, cpu)) {
			ERR(ctx, cell, "cpus", valf(ctx, "CPU %u", cpu),
			    "also assigned to cell '%s' (%s); a CPU belongs "
			    "to one cell", other->desc->name,
			    other->file->name);
			return;
		}
	}
}

static void check_memory_vs_root(struct ctx *ctx, const struct cell *cell,
				 const struct cell *root)
{
	const struct jailhouse_memory *m;
	unsigned int n;

	for (n = 0; n < cell->desc->num_memory_regions; n++) {
		m = &cell->mem[n];
		if (!m->size || (m->flags & JAILHOUSE_MEM_COMM_REGION))
			continue;
		if (!cell_maps(root, m->phys_start, m->size, true))
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start",
					   n), hex(ctx, m->phys_start),
			    "0x%llx-0x%llx is not memory of the root cell; a "
			    "cell can only get memory the root cell has (add "
			    "it to the root configuration, reserved from "
			    "Linux)", m->phys_start, m->phys_start + m->size - 1);
	}
}

static void check_memory_vs_cell(struct ctx *ctx, const struct cell *cell,
				 const struct cell *other)
{
	const struct jailhouse_memory *m, *o;
	unsigned int n, k;

	for (n = 0; n < cell->desc->num_memory_regions; n++) {
		m = &cell->mem[n];
		if (m->flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		for (k = 0; k < other->desc->num_memory_regions; k++) {
			o = &other->mem[k];
			if (o->flags & JAILHOUSE_MEM_COMM_REGION ||
			    !overlaps(m->phys_start, m->size, o->phys_start,
				      o->size))
				continue;
			if ((m->flags & o->flags) & JAILHOUSE_MEM_ROOTSHARED)
				continue;
			ERR(ctx, cell, fld(ctx, "mem_regions[%u].phys_start",
					   n), hex(ctx, m->phys_start),
			    "overlaps mem_regions[%u] of cell '%s' (%s); "
			    "memory shared between cells must be "
			    "JAILHOUSE_MEM_ROOTSHARED in both", k,
			    other->desc->name, other->file->name);
			return;
		}
	}
}

static void check_irqs_vs_root(struct ctx *ctx, const struct cell *cell,
			       const struct cell *root)
{
	unsigned int intid;

	for (intid = 32; intid < INTID_WORDS * 32; intid++)
		if (owns_intid(cell, intid) && !owns_intid(root, intid)) {
			ERR(ctx, cell, "irqchips", valf(ctx, "INTID %u", intid),
			    "not an interrupt of the root cell; a cell can "
			    "only take interrupts the root cell has");
			return;
		}
}

static void check_irqs_vs_cell(struct ctx *ctx, const struct cell *cell,
			       const struct cell *other)
{
	unsigned int intid;

	for (intid = 32; intid < INTID_WORDS * 32; intid++)
		if (owns_intid(cell, intid) && owns_intid(other, intid)) {
			ERR(ctx, cell, "irqchips", valf(ctx, "INTID %u", intid),
			    "also claimed by cell '%s' (%s); an interrupt "
			    "belongs to one cell", other->desc->name,
			    other->file->name);
			return;
		}
}

/* Is @v's block one of the tables', on the system's SoC (reported if not)? */
static bool known_block(const struct ctx *ctx, const struct jailhouse_vendor *v)
{
	const struct mtk_block_desc *desc = mtk_find_block(v->type, v->address);

	return desc && (desc->socs & ctx->socs);
}

static void check_pins(struct ctx *ctx, const struct cell *cell,
		       const struct cell *other)
{
	const struct jailhouse_vendor *v;
	unsigned int n, bit, pin;

	for (n = 0; n < cell->desc->num_vendors; n++) {
		v = &cell->vendors[n];
		if (v->base + JAILHOUSE_VENDOR_PINS >
		    JAILHOUSE_VENDOR_MAX_PINS || !known_block(ctx, v))
			continue;
		for (bit = 0; bit < JAILHOUSE_VENDOR_PINS; bit++) {
			if (!vendor_bit(v, bit))
				continue;
			pin = v->base + bit;
			if (other->root &&
			    !owns_pin(other, v->type, v->address, pin)) {
				ERR(ctx, cell, fld(ctx, "vendors[%u]", n),
				    valf(ctx, "%s pin %u",
					 vendor_kind(v->type), pin),
				    "block 0x%llx: not a pin of the root cell; "
				    "a cell can only claim pins the root cell "
				    "lists", (u64)v->address);
				return;
			}
			if (!other->root &&
			    owns_pin(other, v->type, v->address, pin)) {
				ERR(ctx, cell, fld(ctx, "vendors[%u]", n),
				    valf(ctx, "%s pin %u",
					 vendor_kind(v->type), pin),
				    "block 0x%llx: also claimed by cell '%s' "
				    "(%s); a pin belongs to one cell",
				    (u64)v->address, other->desc->name,
				    other->file->name);
				return;
			}
		}
	}
}

static const struct jailhouse_pci_device *
find_ivshmem(const struct cell *cell, u16 bdf)
{
	unsigned int n;

	for (n = 0; n < cell->desc->num_pci_devices; n++)
		if (cell->pci[n].type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		    cell->pci[n].bdf == bdf)
			return &cell->pci[n];
	return NULL;
}

static bool ivshmem_layout_fits(const struct cell *cell,
				const struct jailhouse_pci_device *dev)
{
	return dev->shmem_peers && (u64)dev->shmem_regions_start + 2 +
		dev->shmem_peers <= cell->desc->num_memory_regions;
}

static void check_ivshmem_peers(struct ctx *ctx, const struct cell *cell,
				const struct cell *other)
{
	const struct jailhouse_pci_device *dev, *peer;
	unsigned int n, r;

	for (n = 0; n < cell->desc->num_pci_devices; n++) {
		dev = &cell->pci[n];
		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		peer = find_ivshmem(other, dev->bdf);
		if (!peer || !ivshmem_layout_fits(cell, dev) ||
		    !ivshmem_layout_fits(other, peer))
			continue;
		if (peer->shmem_peers != dev->shmem_peers) {
			ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_peers",
					   n), dec(ctx, dev->shmem_peers),
			    "cell '%s' (%s) has %u peers on the same device "
			    "%02x:%02x.%x; all peers must agree",
			    other->desc->name, other->file->name,
			    peer->shmem_peers, dev->bdf >> 8,
			    (dev->bdf >> 3) & 0x1f, dev->bdf & 7);
			continue;
		}
		if (peer->shmem_protocol != dev->shmem_protocol)
			ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_protocol",
					   n), hex(ctx, dev->shmem_protocol),
			    "cell '%s' (%s) speaks protocol 0x%04x on the same "
			    "device %02x:%02x.%x; all peers must agree",
			    other->desc->name, other->file->name,
			    peer->shmem_protocol, dev->bdf >> 8,
			    (dev->bdf >> 3) & 0x1f, dev->bdf & 7);
		if (peer->shmem_dev_id == dev->shmem_dev_id)
			ERR(ctx, cell, fld(ctx, "pci_devices[%u].shmem_dev_id",
					   n), dec(ctx, dev->shmem_dev_id),
			    "cell '%s' (%s) has the same peer ID on device "
			    "%02x:%02x.%x; each peer needs its own",
			    other->desc->name, other->file->name,
			    dev->bdf >> 8, (dev->bdf >> 3) & 0x1f,
			    dev->bdf & 7);
		for (r = 0; r < 2u + dev->shmem_peers; r++) {
			const struct jailhouse_memory *a =
				&cell->mem[dev->shmem_regions_start + r];
			const struct jailhouse_memory *b =
				&other->mem[peer->shmem_regions_start + r];

			if (a->phys_start != b->phys_start ||
			    a->size != b->size) {
				ERR(ctx, cell, fld(ctx, "mem_regions[%u]",
						   dev->shmem_regions_start + r),
				    hex(ctx, a->phys_start),
				    "IVSHMEM region %u of device %02x:%02x.%x "
				    "is 0x%llx (size 0x%llx) in cell '%s'; "
				    "peers must share the same memory", r,
				    dev->bdf >> 8, (dev->bdf >> 3) & 0x1f,
				    dev->bdf & 7, b->phys_start, b->size,
				    other->desc->name);
				break;
			}
		}
	}
}

static void check_pair(struct ctx *ctx, const struct cell *cell,
		       const struct cell *other)
{
	check_names(ctx, cell, other);
	check_pins(ctx, cell, other);
	check_ivshmem_peers(ctx, cell, other);
	if (other->root) {
		check_cpus_vs_root(ctx, cell, other);
		check_memory_vs_root(ctx, cell, other);
		check_irqs_vs_root(ctx, cell, other);
	} else {
		check_cpus_vs_cell(ctx, cell, other);
		check_memory_vs_cell(ctx, cell, other);
		check_irqs_vs_cell(ctx, cell, other);
	}
}

/* As many cells as the hypervisor runs beside the root cell, no more. */
static void parse_cells(struct ctx *ctx, const struct config_file *cells,
			unsigned int num_cells)
{
	const unsigned int max = JAILHOUSE_MAX_CELLS - 1;
	unsigned int n;

	for (n = 0; n < num_cells && n < max; n++)
		parse_cell(ctx, &cells[n]);
	if (num_cells > max)
		ERR(ctx, &ctx->cells[0], "cells", dec(ctx, num_cells),
		    "the hypervisor runs at most %u cells besides the root "
		    "cell (JAILHOUSE_MAX_CELLS %u, root included); check at "
		    "most %u together", max, JAILHOUSE_MAX_CELLS, max);
}

unsigned int config_check(struct config_checker *chk,
			  const struct config_file *system,
			  const struct config_file *cells,
			  unsigned int num_cells)
{
	static struct ctx ctx;	/* too large for a hypervisor stack */
	unsigned int n, k;

	memset(&ctx, 0, sizeof(ctx));
	ctx.chk = chk;
	if (system)
		parse_system(&ctx, system);
	parse_cells(&ctx, cells, num_cells);

	if (ctx.sys)
		check_system(&ctx);
	for (n = 0; n < ctx.num_cells; n++)
		if (ctx.cells[n].readable)
			check_cell(&ctx, &ctx.cells[n]);
	check_socs(&ctx);
	for (n = 0; n < ctx.num_cells; n++) {
		if (!ctx.cells[n].readable || ctx.cells[n].root)
			continue;
		for (k = 0; k < ctx.num_cells; k++) {
			if (k == n || !ctx.cells[k].readable)
				continue;
			/*
			 * Pairs of non-root cells are checked once, and the
			 * later cell on the command line is blamed: it is
			 * usually the one being added.
			 */
			if (!ctx.cells[k].root && k > n)
				continue;
			if (ctx.cells[k].root && !root_cell(&ctx))
				continue;
			check_pair(&ctx, &ctx.cells[n], &ctx.cells[k]);
		}
	}
	return chk->errors;
}
