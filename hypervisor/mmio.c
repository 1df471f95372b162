// SPDX-License-Identifier: GPL-2.0
/*
 * The per-cell MMIO dispatcher (DESIGN.md principle 4).
 *
 * A cell's table is one page of the page pool, taken when the cell is
 * created and given back when it goes.  Regions never overlap, so the
 * one that may contain an address is the last one starting at or below
 * it.  The table only changes while the cell is built, before any of its
 * CPUs runs, so lookups need no lock.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/mmio.h>

int mmio_cell_init(struct cell *cell)
{
	cell->mmio.regions = page_alloc();
	if (!cell->mmio.regions)
		return -ENOMEM;
	cell->mmio.count = 0;
	cell->mmio.capacity = PAGE_SIZE / sizeof(struct mmio_region);
	return 0;
}

void mmio_cell_exit(struct cell *cell)
{
	page_free(cell->mmio.regions);
	cell->mmio.regions = NULL;
	cell->mmio.count = 0;
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
	r[pos].start = start;
	r[pos].size = size;
	r[pos].widths = widths;
	r[pos].flags = flags;
	r[pos].handler = handler;
	r[pos].arg = arg;
	return 0;
}

/* The region containing @address, or NULL. */
static const struct mmio_region *find_region(const struct mmio_table *table,
					     u64 address)
{
	unsigned int n = regions_below(table, address);
	const struct mmio_region *region;

	if (!n)
		return NULL;
	region = &table->regions[n - 1];
	return address - region->start < region->size ? region : NULL;
}

void mmio_report_unhandled(struct per_cpu *cpu,
			   const struct mmio_access *mmio)
{
	printk("FATAL: CPU %u: unhandled data %s at 0x%llx, %u bytes "
	       "(PC 0x%lx, cell '%s')\n", cpu->cpu_id,
	       mmio->is_write ? "write" : "read", mmio->address, mmio->size,
	       read_sysreg(elr_el2), cpu->cell->config->name);
}

enum mmio_result mmio_refuse(struct per_cpu *cpu,
			     const struct mmio_access *mmio,
			     const struct mmio_region *region)
{
	char sizes[8], *p = sizes;
	unsigned int width;

	for (width = 1; width <= 8; width *= 2)
		if (region->widths & width)
			*p++ = '0' + width;
	*p = 0;
	printk("FATAL: CPU %u: %u-byte data %s at 0x%llx (PC 0x%lx, cell "
	       "'%s'): 0x%llx-0x%llx takes %saccesses of %s bytes only\n",
	       cpu->cpu_id, mmio->size, mmio->is_write ? "write" : "read",
	       mmio->address, read_sysreg(elr_el2), cpu->cell->config->name,
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
