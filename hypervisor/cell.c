// SPDX-License-Identifier: GPL-2.0
/*
 * Cells' memory: the stage-2 tables map a cell's memory regions.  Memory
 * a new cell gets leaves the root cell's stage 2 and comes back when the
 * cell is destroyed.  Its interrupts and devices are the units' (the
 * irqchip, virtual PCI, SoC blocks: jailhouse/unit.h).
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>
#include <asm/paging.h>

struct cell root_cell;
struct cell *cells[MAX_CELLS] = { &root_cell };

static unsigned long region_flags(const struct jailhouse_memory *mem)
{
	unsigned long flags = PAGE_FLAG_STAGE2;

	if (mem->flags & JAILHOUSE_MEM_IO)
		flags |= PAGE_FLAG_DEVICE;
	if (!(mem->flags & JAILHOUSE_MEM_READ))
		flags |= PAGE_FLAG_NOREAD;
	if (!(mem->flags & JAILHOUSE_MEM_WRITE))
		flags |= PAGE_FLAG_NOWRITE;
	if (!(mem->flags & JAILHOUSE_MEM_EXECUTE))
		flags |= PAGE_FLAG_NOEXEC;
	return flags;
}

static bool is_subpage(const struct jailhouse_memory *mem)
{
	return (mem->virt_start | mem->size | mem->phys_start) &
		(PAGE_SIZE - 1);
}

/*
 * A sub-page I/O region, as its configuration permits: the dispatcher
 * checked width, alignment and extent; reads or writes the region does
 * not permit are not its (reported like an access to nothing).
 */
static enum mmio_result subpage_access(void *arg, struct per_cpu *cpu,
				       struct mmio_access *mmio)
{
	const struct jailhouse_memory *mem = arg;
	volatile void *phys;

	(void)cpu;
	if (!(mem->flags & (mmio->is_write ? JAILHOUSE_MEM_WRITE :
			    JAILHOUSE_MEM_READ)))
		return MMIO_NOT_MINE;
	phys = (volatile void *)(mem->phys_start +
				 (mmio->address - mem->virt_start));
	if (mmio->is_write)
		mmio_write(phys, mmio->size, mmio->value);
	else
		mmio->value = mmio_read(phys, mmio->size);
	return MMIO_HANDLED;
}

/* The pages of a sub-page region: [*first, *end). */
static void subpage_pages(const struct jailhouse_memory *mem, u64 *first,
			  u64 *end)
{
	*first = mem->phys_start & PAGE_MASK;
	*end = ALIGN_UP(mem->phys_start + mem->size, PAGE_SIZE);
}

/* A sub-page I/O region of a checked configuration (bounded). */
static bool is_subpage_io(const struct jailhouse_memory *mem)
{
	u64 first, end;

	if (!mem->size || !is_subpage(mem) ||
	    !(mem->flags & JAILHOUSE_MEM_IO))
		return false;
	subpage_pages(mem, &first, &end);
	return end > first &&
		end - first <= JAILHOUSE_SUBPAGE_MAX_PAGES * PAGE_SIZE;
}

/*
 * Map [first, end) into EL2 page by page, for cells: a page EL2 maps
 * already (the hypervisor's own, the debug UART, the GIC, or one mapped
 * for another cell) stays as it is.  Never a block, so never a table of
 * the hypervisor's own mappings is split or replaced.
 */
static int map_subpage_pages(u64 first, u64 end)
{
	u64 page, desc;
	int err;

	for (page = first; page < end; page += PAGE_SIZE) {
		if (paging_lookup(hv_page_table, page, &desc) != ~0UL)
			continue;
		err = paging_map(hv_page_table, page, page, PAGE_SIZE,
				 PAGE_FLAG_DEVICE | PAGE_FLAG_CELL_IO);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Sub-page I/O regions are not mapped into the cell: its accesses trap
 * and are checked one by one, each region one of the cell's MMIO regions
 * with the widths its flags give (any without a width flag, as
 * upstream), aligned unless JAILHOUSE_MEM_IO_UNALIGNED.  The hypervisor
 * maps their pages for itself (map_subpage_pages) until the last cell
 * with a region on them is gone (cell_unmap_subpage_regions).
 */
int cell_map_subpage_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n, widths;
	u64 first, end;
	int err;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (!mem->size || !is_subpage(mem) ||
		    !(mem->flags & JAILHOUSE_MEM_IO))
			continue;
		if (!is_subpage_io(mem)) {
			printk("ERROR: cell '%s': mem_regions[%u] (0x%llx, "
			       "size 0x%llx) is a sub-page I/O region of more "
			       "than %u pages: make it whole pages\n",
			       desc->name, n, mem->phys_start, mem->size,
			       JAILHOUSE_SUBPAGE_MAX_PAGES);
			return -EINVAL;
		}
		subpage_pages(mem, &first, &end);
		err = map_subpage_pages(first, end);
		if (err)
			return err;
		widths = (mem->flags >> JAILHOUSE_MEM_IO_WIDTH_SHIFT) &
			MMIO_W_ANY;
		err = mmio_region_register(cell, mem->virt_start, mem->size,
					   widths ? widths : MMIO_W_ANY,
					   mem->flags &
					   JAILHOUSE_MEM_IO_UNALIGNED ?
					   MMIO_UNALIGNED : 0,
					   subpage_access, (void *)mem);
		if (err)
			return err;
	}
	return 0;
}

/* Whether a cell in cells[] has a sub-page I/O region on @page. */
static bool subpage_page_in_use(u64 page)
{
	const struct jailhouse_memory *mem;
	struct cell *c;
	unsigned int n, r;
	u64 first, end;

	for_each_cell(c, n) {
		mem = jailhouse_cell_mem_regions(c->config);
		for (r = 0; r < c->config->num_memory_regions; r++, mem++) {
			if (!is_subpage_io(mem))
				continue;
			subpage_pages(mem, &first, &end);
			if (page >= first && page < end)
				return true;
		}
	}
	return false;
}

/*
 * @cell, no longer in cells[], goes: the pages mapped into EL2 for its
 * sub-page regions that no other cell has a region on leave EL2, with
 * the tables that held only them.  Pages EL2 mapped for itself stay.
 */
void cell_unmap_subpage_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;
	u64 page, end, leaf;
	bool unmapped = false;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (!is_subpage_io(mem))
			continue;
		subpage_pages(mem, &page, &end);
		for (; page < end; page += PAGE_SIZE) {
			if (paging_lookup(hv_page_table, page, &leaf) == ~0UL ||
			    !pte_is_cell_io(leaf) ||
			    subpage_page_in_use(page))
				continue;
			/* a 4 KiB page: nothing to split, cannot fail */
			paging_unmap(hv_page_table, page, PAGE_SIZE);
			paging_prune(hv_page_table, page);
			unmapped = true;
		}
	}
	if (unmapped)
		arch_flush_hv_tlbs();
}

int cell_map_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;
	int err;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (!mem->size || is_subpage(mem))
			continue;
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
			/* the root cell has none; others get their page */
			err = cell->comm_page ?
				paging_map(cell->s2_root, mem->virt_start,
					   (u64)cell->comm_page, PAGE_SIZE,
					   PAGE_FLAG_STAGE2 |
					   PAGE_FLAG_NOEXEC) : 0;
		else
			err = paging_map(cell->s2_root, mem->virt_start,
					 mem->phys_start, mem->size,
					 region_flags(mem));
		if (err)
			return err;
	}
	return 0;
}

int root_cell_init(void)
{
	const struct jailhouse_cell_desc *desc = &system_config->root_cell;
	unsigned int n;
	int err;

	root_cell.config = desc;
	root_cell.id = 0;
	for (n = 0; n < desc->cpu_set_size && n < sizeof(root_cell.cpu_set);
	     n++)
		root_cell.cpu_set[n] = jailhouse_cell_cpu_set(desc)[n];

	root_cell.s2_root = page_alloc();
	if (!root_cell.s2_root)
		return -ENOMEM;
	err = mmio_cell_init(&root_cell);
	if (!err)
		err = cell_map_regions(&root_cell);
	if (!err)
		err = cell_map_subpage_regions(&root_cell);
	if (!err)
		err = units_cell_init(&root_cell);
	/* the root cell's driver reads the hypervisor's log ring */
	if (!err)
		err = paging_map(root_cell.s2_root, (u64)console_page,
				 (u64)console_page, PAGE_SIZE,
				 PAGE_FLAG_STAGE2 | PAGE_FLAG_NOWRITE |
				 PAGE_FLAG_NOEXEC);
	if (err == -ENOMEM)
		printk("ERROR: out of memory for the root cell's page tables: "
		       "enlarge hypervisor_memory.size (the page pool has %lu "
		       "pages)\n", page_pool_pages());
	else if (err)
		printk("ERROR: root cell stage 2: error %d\n", err);
	return err;
}

/*
 * Regions that leave the root cell when a cell gets them: whole pages.
 * A sub-page region is never taken page-wise (the checker demands
 * ROOTSHARED for it; without, the rest of its page would go too).
 */
static bool taken_from_root(const struct jailhouse_memory *mem)
{
	return mem->size && !is_subpage(mem) &&
		!(mem->flags & (JAILHOUSE_MEM_COMM_REGION |
				JAILHOUSE_MEM_ROOTSHARED));
}

/* The end of [start, start + size), saturated at the top of memory. */
static u64 range_end(u64 start, u64 size)
{
	return start + size < start ? ~0UL : start + size;
}

int cell_take_memory(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;
	int err;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (!taken_from_root(mem))
			continue;
		err = paging_unmap(root_cell.s2_root, mem->phys_start,
				   mem->size);
		if (err)
			return err;
	}
	return 0;
}

/* Map what the root cell had of [phys, phys + size) back into it. */
static void give_back(u64 phys, u64 size)
{
	const struct jailhouse_cell_desc *desc = root_cell.config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	u64 start, end, mem_end;
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (!mem->size || is_subpage(mem))
			continue;
		mem_end = range_end(mem->phys_start, mem->size);
		start = phys > mem->phys_start ? phys : mem->phys_start;
		end = range_end(phys, size);
		if (end > mem_end)
			end = mem_end;
		/* whole pages only: never a size that underflows */
		start = ALIGN_UP(start, PAGE_SIZE);
		end &= PAGE_MASK;
		if (start >= end)
			continue;
		/* cannot fail: the tables for it were split when taken */
		paging_map(root_cell.s2_root,
			   mem->virt_start + (start - mem->phys_start), start,
			   end - start, region_flags(mem));
	}
}

void cell_return_memory(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++)
		if (taken_from_root(mem))
			give_back(mem->phys_start, mem->size);
	paging_merge(root_cell.s2_root);
}

/*
 * The LOADABLE regions of a stopped cell are mapped into the root cell
 * at their physical addresses, so that its driver can load images.
 */
int cell_lend_loadable(struct cell *cell, bool to_root)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;
	int err = 0;

	if (cell->loadable == to_root)
		return 0;
	for (n = 0; n < desc->num_memory_regions && !err; n++, mem++) {
		if (!(mem->flags & JAILHOUSE_MEM_LOADABLE) ||
		    !taken_from_root(mem))
			continue;
		if (to_root)
			err = paging_map(root_cell.s2_root, mem->phys_start,
					 mem->phys_start, mem->size,
					 PAGE_FLAG_STAGE2 | PAGE_FLAG_NOEXEC);
		else
			err = paging_unmap(root_cell.s2_root, mem->phys_start,
					   mem->size);
	}
	cell->loadable = to_root && !err;
	return err;
}
