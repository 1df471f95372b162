// SPDX-License-Identifier: GPL-2.0
/*
 * The per-cell MMIO dispatcher (Documentation/hypervisor.md, "Running").
 *
 * A cell's table is one page of the page pool, taken when the cell is
 * created and given back when it goes.  Regions never overlap, so the
 * one that may contain an address is the last one starting at or below
 * it.  The table only changes while the cell is built, before any of its
 * CPUs runs, so lookups need no lock.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/mmio.h>
#include <jailhouse/string.h>

int mmio_cell_init(struct cell *cell)
{
	cell->mmio.regions = page_alloc();
	if (!cell->mmio.regions)
		return -ENOMEM;
	cell->mmio.count = 0;
	cell->mmio.hint = 0;
	cell->mmio.capacity = PAGE_SIZE / sizeof(struct mmio_region);
	return 0;
}

void mmio_cell_exit(struct cell *cell)
{
	page_free(cell->mmio.regions);
	cell->mmio.regions = NULL;
	cell->mmio.count = 0;
	cell->mmio.hint = 0;
	cell->mmio.capacity = 0;
}

/* The number of regions starting at or below @address. */
static unsigned int regions_below(const struct mmio_table *table,
				  u64 address)
{
	unsigned int lo = 0, hi = table->count, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (table->regions[mid].start <= address)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int mmio_region_register(struct cell *cell, u64 start, u64 size,
			 unsigned int widths, unsigned int flags,
			 mmio_handler_t handler, void *arg)
{
	struct mmio_table *table = &cell->mmio;
	struct mmio_region *r = table->regions;
	unsigned int pos = regions_below(table, start), n;
	bool full = table->count >= table->capacity;

	if (size - 1 >= 0xffffffffUL || start + size < start)
		return -EINVAL;
	if (full || (pos && start - r[pos - 1].start < r[pos - 1].size) ||
	    (pos < table->count && r[pos].start - start < size)) {
		printk("ERROR: cell '%s': emulated MMIO region 0x%llx-0x%llx: "
		       "%s\n", cell->config->name, start, start + size - 1,
		       full ? "one too many" : "overlaps another one");
		return full ? -ENOMEM : -EBUSY;
	}
	for (n = table->count++; n > pos; n--)
		r[n] = r[n - 1];
	table->hint = 0;
	r[pos].start = start;
	r[pos].size = size;
	r[pos].widths = widths;
	r[pos].flags = flags;
	r[pos].handler = handler;
	r[pos].arg = arg;
	return 0;
}

/*
 * The region containing @address, or NULL: the one that took the last
 * access (a driver's accesses come in runs), else the last one starting
 * at or below @address, found by halving what is left without branches.
 * The hint is shared by the cell's CPUs; any value they race to leave in
 * it is the index of a region.
 */
static const struct mmio_region *find_region(struct mmio_table *table,
					     u64 address)
{
	const struct mmio_region *base = table->regions;
	unsigned int n = table->count, half;

	if (!n)
		return NULL;
	base += __atomic_load_n(&table->hint, __ATOMIC_RELAXED);
	if (address - base->start < base->size)
		return base;
	base = table->regions;
	while (n > 1) {
		half = n / 2;
		base = base[half].start <= address ? base + half : base;
		n -= half;
	}
	if (address - base->start >= base->size)
		return NULL;
	__atomic_store_n(&table->hint, base - table->regions,
			 __ATOMIC_RELAXED);
	return base;
}

void mmio_report_unhandled(struct per_cpu *cpu,
			   const struct mmio_access *mmio)
{
	printk("FATAL: CPU %u: unhandled data %s at 0x%llx, %u bytes "
	       "(PC 0x%lx, cell '%s')\n", cpu->cpu_id,
	       mmio->is_write ? "write" : "read", mmio->address, mmio->size,
	       arch_trap_pc(), cpu->cell->config->name);
}

enum mmio_result mmio_refuse(struct per_cpu *cpu,
			     const struct mmio_access *mmio,
			     const struct mmio_region *region)
{
	char sizes[16], *p = sizes;
	unsigned int width, left = region->widths & MMIO_W_ANY;

	/* "4", "1 or 4", "1, 2, 4 or 8" */
	for (width = 1; left; width *= 2) {
		if (!(left & width))
			continue;
		left &= ~width;
		*p++ = '0' + width;
		if (left) {
			/* 4 bytes of each literal: ", " is padded */
			memcpy(p, left & (left - 1) ? ", \0" : " or ", 4);
			p += left & (left - 1) ? 2 : 4;
		}
	}
	*p = 0;
	printk("FATAL: CPU %u: %u-byte data %s at 0x%llx (PC 0x%lx, cell "
	       "'%s'): 0x%llx-0x%llx takes %saccesses of %s bytes only\n",
	       cpu->cpu_id, mmio->size, mmio->is_write ? "write" : "read",
	       mmio->address, arch_trap_pc(), cpu->cell->config->name,
	       region->start, region->start + region->size - 1,
	       region->flags & MMIO_UNALIGNED ? "" : "aligned ", sizes);
	return MMIO_VIOLATION;
}

enum mmio_result mmio_dispatch(struct per_cpu *cpu, struct mmio_access *mmio)
{
	const struct mmio_region *region = find_region(&cpu->cell->mmio,
						       mmio->address);
	enum mmio_result result = MMIO_NOT_MINE;

	if (region) {
		if (!(region->widths & mmio->size) ||
		    mmio->address - region->start + mmio->size >
		    region->size ||
		    (!(region->flags & MMIO_UNALIGNED) &&
		     (mmio->address & (mmio->size - 1))))
			return mmio_refuse(cpu, mmio, region);
		result = region->handler(region->arg, cpu, mmio);
	}
	if (result == MMIO_NOT_MINE)
		mmio_report_unhandled(cpu, mmio);
	return result;
}
