// SPDX-License-Identifier: GPL-2.0
/*
 * The page pool and the 4-level, 4 KiB-granule translation tables that
 * both the hypervisor's own EL2 stage 1 and the cells' stage 2 use: the
 * table format is the same, only the leaf attributes differ.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/string.h>
#include <jailhouse/bitmap.h>
#include <asm/paging.h>

#define LEVELS			PAGING_LEVELS
#define ENTRIES			PAGING_ENTRIES

static u8 *pool_bitmap;
static unsigned long pool_base, pool_pages, pool_used;

u64 *hv_page_table;

/*
 * The pool: every page from @start to @end.  Its own bitmap takes the
 * first pages.
 */
int page_pool_init(unsigned long start, unsigned long end)
{
	unsigned long bitmap_pages, n;

	start = ALIGN_UP(start, PAGE_SIZE);
	if (end <= start + 4 * PAGE_SIZE)
		return -ENOMEM;
	pool_base = start;
	pool_pages = (end - start) / PAGE_SIZE;
	bitmap_pages = ALIGN_UP(pool_pages / 8 + 1, PAGE_SIZE) / PAGE_SIZE;
	pool_bitmap = (u8 *)start;
	memset(pool_bitmap, 0, bitmap_pages * PAGE_SIZE);
	for (n = 0; n < bitmap_pages; n++)
		bitmap8_set(pool_bitmap, n);
	pool_used = bitmap_pages;
	return 0;
}

/* @count consecutive free pages, zeroed, or NULL. */
void *pages_alloc(unsigned int count)
{
	unsigned long first = 0, n;
	void *pages;

	while (first + count <= pool_pages) {
		for (n = 0; n < count; n++)
			if (bitmap8_test(pool_bitmap, first + n))
				break;
		if (n == count)
			break;
		first += n + 1;
	}
	if (!count || first + count > pool_pages)
		return NULL;
	for (n = 0; n < count; n++)
		bitmap8_set(pool_bitmap, first + n);
	pool_used += count;
	pages = (void *)(pool_base + first * PAGE_SIZE);
	memset(pages, 0, count * PAGE_SIZE);
	return pages;
}

void *page_alloc(void)
{
	return pages_alloc(1);
}

void pages_free(void *first, unsigned int count)
{
	unsigned long n;

	if (!first)
		return;
	n = ((unsigned long)first - pool_base) / PAGE_SIZE;
	for (; count && n < pool_pages; count--, n++) {
		if (bitmap8_test(pool_bitmap, n)) {
			bitmap8_clear(pool_bitmap, n);
			pool_used--;
		}
	}
}

void page_free(void *page)
{
	pages_free(page, 1);
}

unsigned long page_pool_pages(void)
{
	return pool_pages;
}

unsigned long page_pool_used(void)
{
	return pool_used;
}

static unsigned int level_shift(unsigned int level)
{
	return pte_level_shift(level);
}

static u64 *next_table(u64 desc)
{
	return (u64 *)pte_address(desc);
}

/* Free @table of level @level and every table below it. */
static void destroy_table(u64 *table, unsigned int level)
{
	unsigned int n;

	for (n = 0; n < ENTRIES; n++)
		if (pte_is_table(table[n], level))
			destroy_table(next_table(table[n]), level + 1);
	page_free(table);
}

void paging_destroy(u64 *root)
{
	if (root)
		destroy_table(root, 0);
}

/*
 * Break-before-make: a valid @entry (level @level, translating @virt in
 * the table at @root) that is to change becomes invalid first, and no
 * CPU's TLB holds what it said; the caller then writes the new entry.
 */
static void break_entry(u64 *root, u64 *entry, u64 virt, unsigned int level)
{
	u64 size = 1UL << level_shift(level);

	*entry = 0;
	arch_paging_break(root, virt & ~(size - 1), size);
}

/*
 * Replace the block at @entry (level @level, translating @virt) by a
 * table of its pieces.
 */
static int split_block(u64 *root, u64 *entry, u64 virt, unsigned int level)
{
	u64 *table = page_alloc();
	u64 block = *entry, step = 1UL << level_shift(level + 1);
	unsigned int n;

	if (!table)
		return -ENOMEM;
	for (n = 0; n < ENTRIES; n++)
		table[n] = pte_leaf(pte_address(block) + n * step,
				    pte_attributes(block), level + 1);
	write_barrier();
	break_entry(root, entry, virt, level);
	*entry = pte_table(table);
	return 0;
}

static bool fits_block(unsigned int level, u64 virt, u64 phys, u64 size)
{
	u64 block = 1UL << level_shift(level);

	return pte_level_has_blocks(level) && !(virt & (block - 1)) && !(phys & (block - 1)) &&
		size >= block;
}

/* Whole pages that do not wrap: else a size would underflow below. */
static bool pages_ok(u64 virt, u64 phys, u64 size)
{
	return !((virt | phys | size) & (PAGE_SIZE - 1)) &&
		virt + size >= virt && phys + size >= phys;
}

int paging_map(u64 *root, u64 virt, u64 phys, u64 size, unsigned long flags)
{
	u64 attr = pte_leaf_attributes(flags);

	if (!pages_ok(virt, phys, size))
		return -EINVAL;
	while (size) {
		u64 *table = root, *entry, block, old, leaf;
		unsigned int level = 0;

		for (;;) {
			entry = &table[(virt >> level_shift(level)) &
				       (ENTRIES - 1)];
			block = 1UL << level_shift(level);
			if (level == LEVELS - 1 ||
			    fits_block(level, virt, phys, size))
				break;
			if (!pte_valid(*entry)) {
				u64 *next = page_alloc();

				if (!next)
					return -ENOMEM;
				*entry = pte_table(next);
			} else if (!pte_is_table(*entry, level)) {
				if (split_block(root, entry, virt, level))
					return -ENOMEM;
			}
			table = next_table(*entry);
			level++;
		}
		old = *entry;
		leaf = pte_leaf(phys, attr, level);
		if (pte_valid(old) && old != leaf) {
			break_entry(root, entry, virt, level);
			/* no walker can reach it any more */
			if (pte_is_table(old, level))
				destroy_table(next_table(old), level + 1);
		}
		*entry = leaf;
		virt += block;
		phys += block;
		size -= block;
	}
	write_barrier();
	return 0;
}

/*
 * What @virt translates to in the table at @root: the physical address,
 * and the leaf in @desc; ~0 if nothing is mapped there.
 */
u64 paging_lookup(const u64 *root, u64 virt, u64 *desc)
{
	const u64 *table = root;
	unsigned int level;
	u64 entry, block;

	for (level = 0; level < LEVELS; level++) {
		entry = table[(virt >> level_shift(level)) & (ENTRIES - 1)];
		if (!pte_valid(entry))
			return ~0UL;
		if (!pte_is_table(entry, level)) {
			block = 1UL << level_shift(level);
			*desc = entry;
			return pte_address(entry) + (virt & (block - 1));
		}
		table = next_table(entry);
	}
	return ~0UL;
}

/* Device registers at @base into EL2's own address space, 1:1. */
int paging_map_device(u64 base, u64 size)
{
	u64 start = base & PAGE_MASK;

	return paging_map(hv_page_table, start, start,
			  ALIGN_UP(base + size, PAGE_SIZE) - start,
			  PAGE_FLAG_DEVICE);
}

/*
 * Remove [virt, virt + size) from the table at @root, splitting blocks
 * that stick out of the range.  Parts that were not mapped are skipped.
 */
int paging_unmap(u64 *root, u64 virt, u64 size)
{
	if (!pages_ok(virt, 0, size))
		return -EINVAL;
	while (size) {
		u64 *table = root, *entry, block, old;
		unsigned int level = 0;

		for (;;) {
			entry = &table[(virt >> level_shift(level)) &
				       (ENTRIES - 1)];
			block = 1UL << level_shift(level);
			if (!pte_valid(*entry))
				break;
			if (level == LEVELS - 1 ||
			    (!(virt & (block - 1)) && size >= block))
				break;
			if (!pte_is_table(*entry, level) &&
			    split_block(root, entry, virt, level))
				return -ENOMEM;
			table = next_table(*entry);
			level++;
		}
		if (pte_is_table(*entry, level)) {
			/* the table goes back to the pool: forgotten first */
			old = *entry;
			break_entry(root, entry, virt, level);
			destroy_table(next_table(old), level + 1);
		}
		/* a leaf's TLB entries: the caller's flush */
		*entry = 0;
		/* step to the next block of this level, or the end */
		block -= virt & (block - 1);
		if (block > size)
			block = size;
		virt += block;
		size -= block;
	}
	write_barrier();
	return 0;
}

static bool table_empty(const u64 *table)
{
	unsigned int n;

	for (n = 0; n < ENTRIES; n++)
		if (table[n])
			return false;
	return true;
}

/*
 * Free the tables on the way to @virt in the table at @root that are
 * empty (after an unmap), deepest first; never @root.  The caller
 * flushes the TLBs.
 */
void paging_prune(u64 *root, u64 virt)
{
	u64 *entries[LEVELS], *table = root;
	unsigned int level;

	for (level = 0; level < LEVELS - 1; level++) {
		entries[level] = &table[(virt >> level_shift(level)) &
					(ENTRIES - 1)];
		if (!pte_is_table(*entries[level], level))
			break;
		table = next_table(*entries[level]);
	}
	while (level-- > 0 && table_empty(table)) {
		*entries[level] = 0;
		write_barrier();
		page_free(table);
		table = level ? next_table(*entries[level - 1]) : root;
	}
}

/*
 * If the 512 entries of @table (level @level >= 2) are leaves that map
 * one contiguous, aligned range with the same attributes, the block
 * that replaces them, else 0.
 */
static u64 mergeable_block(const u64 *table, unsigned int level)
{
	u64 first = table[0], step = 1UL << level_shift(level);
	unsigned int n;

	if (!pte_valid(first) || pte_is_table(first, level) ||
	    pte_address(first) & (step * ENTRIES - 1))
		return 0;
	for (n = 1; n < ENTRIES; n++)
		if (!pte_valid(table[n]) || pte_is_table(table[n], level) ||
		    pte_attributes(table[n]) != pte_attributes(first) ||
		    pte_address(table[n]) != pte_address(first) + n * step)
			return 0;
	return pte_leaf(pte_address(first), pte_attributes(first), level - 1);
}

/* @table (level @level) translates from @base on. */
static void merge_table(u64 *root, u64 *table, unsigned int level, u64 base)
{
	u64 block, *next, virt;
	unsigned int n;

	for (n = 0; n < ENTRIES; n++) {
		if (!pte_is_table(table[n], level))
			continue;
		virt = base + ((u64)n << level_shift(level));
		next = next_table(table[n]);
		merge_table(root, next, level + 1, virt);
		/* 2 MiB and 1 GiB blocks: tables of levels 3 and 2 */
		if (level < 1)
			continue;
		block = mergeable_block(next, level + 1);
		if (block) {
			break_entry(root, &table[n], virt, level);
			table[n] = block;
			page_free(next);
		}
	}
}

/*
 * Give back the tables that splitting left behind once a range is whole
 * again (a cell's memory returned to the root cell).  The caller flushes
 * the TLBs.
 */
void paging_merge(u64 *root)
{
	merge_table(root, root, 0, 0);
	write_barrier();
}
