// SPDX-License-Identifier: GPL-2.0
/*
 * The page pool and the 4-level, 4 KiB-granule translation tables that
 * both the hypervisor's own EL2 stage 1 and the cells' stage 2 use: the
 * table format is the same, only the leaf attributes differ.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/string.h>
#include <jailhouse/bitmap.h>
#include <asm/sysregs.h>

#define LEVELS			4
#define ENTRIES			512
#define DESC_VALID		BIT(0)
#define DESC_TABLE		BIT(1)	/* level 0-2: table; level 3: page */
#define DESC_AF			BIT(10)
#define DESC_SH_INNER		(3UL << 8)
#define DESC_ADDR_MASK		0x0000fffffffff000UL
#define S1_ATTRIDX(i)		((u64)(i) << 2)
#define S1_AP_RES1		BIT(6)
#define S1_XN			BIT(54)
#define S2_MEMATTR_NORMAL	(0xfUL << 2)
#define S2_MEMATTR_DEVICE	(0x1UL << 2)
#define S2_READ			BIT(6)
#define S2_WRITE		BIT(7)

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
	return 39 - 9 * level;
}

static bool is_table(u64 desc, unsigned int level)
{
	return level < LEVELS - 1 &&
		(desc & (DESC_VALID | DESC_TABLE)) == (DESC_VALID | DESC_TABLE);
}

static u64 *next_table(u64 desc)
{
	return (u64 *)(desc & DESC_ADDR_MASK);
}

/* Free @table of level @level and every table below it. */
static void destroy_table(u64 *table, unsigned int level)
{
	unsigned int n;

	for (n = 0; n < ENTRIES; n++)
		if (is_table(table[n], level))
			destroy_table(next_table(table[n]), level + 1);
	page_free(table);
}

void paging_destroy(u64 *root)
{
	if (root)
		destroy_table(root, 0);
}

static u64 leaf_attributes(unsigned long flags)
{
	if (flags & PAGE_FLAG_STAGE2) {
		u64 attr = DESC_AF | S2_READ;

		if (!(flags & PAGE_FLAG_NOWRITE))
			attr |= S2_WRITE;
		return attr | (flags & PAGE_FLAG_DEVICE ? S2_MEMATTR_DEVICE :
			       S2_MEMATTR_NORMAL | DESC_SH_INNER);
	}
	if (flags & PAGE_FLAG_DEVICE)
		return DESC_AF | S1_AP_RES1 | S1_XN |
			S1_ATTRIDX(MAIR_IDX_DEVICE);
	return DESC_AF | S1_AP_RES1 | DESC_SH_INNER |
		S1_ATTRIDX(MAIR_IDX_NORMAL);
}

/* Replace the block at @entry (level @level) by a table of its pieces. */
static int split_block(u64 *entry, unsigned int level)
{
	u64 *table = page_alloc();
	u64 block = *entry, step = 1UL << level_shift(level + 1);
	u64 keep = block & ~DESC_ADDR_MASK & ~DESC_TABLE;
	unsigned int n;

	if (!table)
		return -ENOMEM;
	for (n = 0; n < ENTRIES; n++)
		table[n] = ((block & DESC_ADDR_MASK) + n * step) | keep |
			(level + 1 == LEVELS - 1 ? DESC_TABLE : 0);
	dsb(ishst);
	*entry = (u64)table | DESC_VALID | DESC_TABLE;
	return 0;
}

static bool fits_block(unsigned int level, u64 virt, u64 phys, u64 size)
{
	u64 block = 1UL << level_shift(level);

	/* 1 GiB and 2 MiB blocks; level 0 has none with 4 KiB granule */
	return level >= 1 && !(virt & (block - 1)) && !(phys & (block - 1)) &&
		size >= block;
}

int paging_map(u64 *root, u64 virt, u64 phys, u64 size, unsigned long flags)
{
	u64 attr = leaf_attributes(flags);

	while (size) {
		u64 *table = root, *entry, block;
		unsigned int level = 0;

		for (;;) {
			entry = &table[(virt >> level_shift(level)) &
				       (ENTRIES - 1)];
			block = 1UL << level_shift(level);
			if (level == LEVELS - 1 ||
			    fits_block(level, virt, phys, size))
				break;
			if (!(*entry & DESC_VALID)) {
				u64 *next = page_alloc();

				if (!next)
					return -ENOMEM;
				*entry = (u64)next | DESC_VALID | DESC_TABLE;
			} else if (!(*entry & DESC_TABLE)) {
				if (split_block(entry, level))
					return -ENOMEM;
			}
			table = next_table(*entry);
			level++;
		}
		if (is_table(*entry, level))
			destroy_table(next_table(*entry), level + 1);
		*entry = phys | attr | DESC_VALID |
			(level == LEVELS - 1 ? DESC_TABLE : 0);
		virt += block;
		phys += block;
		size -= block;
	}
	dsb(ishst);
	return 0;
}

/*
 * Remove [virt, virt + size) from the table at @root, splitting blocks
 * that stick out of the range.  Parts that were not mapped are skipped.
 */
int paging_unmap(u64 *root, u64 virt, u64 size)
{
	while (size) {
		u64 *table = root, *entry, block;
		unsigned int level = 0;

		for (;;) {
			entry = &table[(virt >> level_shift(level)) &
				       (ENTRIES - 1)];
			block = 1UL << level_shift(level);
			if (!(*entry & DESC_VALID))
				break;
			if (level == LEVELS - 1 ||
			    (!(virt & (block - 1)) && size >= block))
				break;
			if (!is_table(*entry, level) &&
			    split_block(entry, level))
				return -ENOMEM;
			table = next_table(*entry);
			level++;
		}
		if (is_table(*entry, level))
			destroy_table(next_table(*entry), level + 1);
		*entry = 0;
		/* step to the next block of this level, or the end */
		block -= virt & (block - 1);
		if (block > size)
			block = size;
		virt += block;
		size -= block;
	}
	dsb(ishst);
	return 0;
}

/*
 * If the 512 entries of @table (level @level >= 2) are leaves that map
 * one contiguous, aligned range with the same attributes, the block
 * that replaces them, else 0.
 */
static u64 mergeable_block(const u64 *table, unsigned int level)
{
	u64 attr_mask = ~DESC_ADDR_MASK & ~DESC_TABLE;
	u64 first = table[0], step = 1UL << level_shift(level);
	unsigned int n;

	if (!(first & DESC_VALID) || is_table(first, level) ||
	    (first & DESC_ADDR_MASK) & (step * ENTRIES - 1))
		return 0;
	for (n = 1; n < ENTRIES; n++)
		if (!(table[n] & DESC_VALID) || is_table(table[n], level) ||
		    (table[n] & attr_mask) != (first & attr_mask) ||
		    (table[n] & DESC_ADDR_MASK) !=
		    (first & DESC_ADDR_MASK) + n * step)
			return 0;
	return (first & ~DESC_TABLE);
}

static void merge_table(u64 *table, unsigned int level)
{
	unsigned int n;
	u64 block;

	for (n = 0; n < ENTRIES; n++) {
		if (!is_table(table[n], level))
			continue;
		merge_table(next_table(table[n]), level + 1);
		/* 2 MiB and 1 GiB blocks: tables of levels 3 and 2 */
		if (level < 1)
			continue;
		block = mergeable_block(next_table(table[n]), level + 1);
		if (block) {
			page_free(next_table(table[n]));
			table[n] = block;
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
	merge_table(root, 0);
	dsb(ishst);
}
