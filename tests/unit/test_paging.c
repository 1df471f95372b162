// SPDX-License-Identifier: GPL-2.0
/*
 * The page pool and the translation tables (hypervisor/paging.c), on the
 * host: tables live in a host buffer, a walker in this file reads them
 * back the way the MMU would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/hypervisor.h>

#include "paging-break.h"

#define POOL_SIZE	(64 * PAGE_SIZE)
#define GIB		(1ULL << 30)
#define MIB		(1ULL << 20)

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;

struct walk {
	bool mapped;
	u64 phys;
	unsigned int level;	/* where the leaf is: 1 GiB, 2 MiB, 4 KiB */
	u64 desc;
};

static struct walk walk(u64 *root, u64 virt)
{
	struct walk w = { 0 };
	u64 *table = root, desc;
	unsigned int level, shift;

	for (level = 0; level < 4; level++) {
		shift = 39 - 9 * level;
		desc = table[(virt >> shift) & 511];
		if (!(desc & 1))
			return w;
		if (level < 3 && (desc & 2)) {
			table = (u64 *)(desc & 0x0000fffffffff000ULL);
			continue;
		}
		w.mapped = true;
		w.level = level;
		w.desc = desc;
		w.phys = (desc & 0x0000fffffffff000ULL & ~((1ULL << shift) - 1)) |
			(virt & ((1ULL << shift) - 1));
		return w;
	}
	return w;
}

static void *pool;

static int setup(void **state)
{
	(void)state;
	pool = aligned_alloc(PAGE_SIZE, POOL_SIZE);
	return page_pool_init((unsigned long)pool,
			      (unsigned long)pool + POOL_SIZE);
}

static int teardown(void **state)
{
	(void)state;
	free(pool);
	return 0;
}

static void test_pool(void **state)
{
	unsigned long base = page_pool_used();
	void *a, *b;

	(void)state;
	assert_int_equal(page_pool_pages(), 64);
	a = page_alloc();
	b = page_alloc();
	assert_non_null(a);
	assert_ptr_not_equal(a, b);
	assert_int_equal(page_pool_used(), base + 2);
	assert_int_equal(((unsigned char *)a)[100], 0);
	page_free(a);
	page_free(b);
	page_free(b);		/* double free is ignored */
	assert_int_equal(page_pool_used(), base);
}

/* Large aligned ranges use 1 GiB and 2 MiB blocks, the rest pages. */
static void test_block_sizes(void **state)
{
	unsigned long base = page_pool_used();
	u64 *root = page_alloc();
	struct walk w;

	(void)state;
	assert_int_equal(paging_map(root, 0x40000000, 0x40000000,
				    GIB + 2 * MIB + 0x3000,
				    PAGE_FLAG_STAGE2), 0);
	w = walk(root, 0x40000000 + 0x1234);
	assert_true(w.mapped);
	assert_int_equal(w.level, 1);
	assert_int_equal(w.phys, 0x40001234);
	w = walk(root, 0x80000000 + MIB);
	assert_int_equal(w.level, 2);
	w = walk(root, 0x80200000 + 0x2fff);
	assert_int_equal(w.level, 3);
	assert_int_equal(w.phys, 0x80202fff);
	assert_false(walk(root, 0x80203000).mapped);
	assert_false(walk(root, 0x3ffff000).mapped);
	paging_destroy(root);
	assert_int_equal(page_pool_used(), base);
}

/* Stage-2 attributes: S2AP read/write bits, memory type. */
static void test_stage2_attributes(void **state)
{
	u64 *root = page_alloc();
	struct walk w;

	(void)state;
	paging_map(root, 0x1000, 0x9000, 0x1000, PAGE_FLAG_STAGE2);
	paging_map(root, 0x2000, 0xa000, 0x1000, PAGE_FLAG_STAGE2 |
		   PAGE_FLAG_DEVICE | PAGE_FLAG_NOWRITE);
	w = walk(root, 0x1000);
	assert_int_equal((w.desc >> 6) & 3, 3);		/* read, write */
	assert_int_equal((w.desc >> 2) & 0xf, 0xf);	/* normal WB */
	assert_int_equal((w.desc >> 10) & 1, 1);	/* access flag */
	w = walk(root, 0x2000);
	assert_int_equal(w.phys, 0xa000);
	assert_int_equal((w.desc >> 6) & 3, 1);		/* read only */
	assert_int_equal((w.desc >> 2) & 0xf, 0x1);	/* device nGnRE */
	assert_int_equal((w.desc >> 54) & 1, 1);	/* never executed */
	paging_destroy(root);
}

/*
 * The config's READ and EXECUTE: no read permission (S2AP[0]) without
 * READ, execute-never (XN, bit 54) without EXECUTE and for devices.
 */
static void test_stage2_read_execute(void **state)
{
	u64 *root = page_alloc();
	struct walk w;

	(void)state;
	paging_map(root, 0x1000, 0x9000, 0x1000, PAGE_FLAG_STAGE2);
	paging_map(root, 0x2000, 0xa000, 0x1000, PAGE_FLAG_STAGE2 |
		   PAGE_FLAG_NOEXEC);
	paging_map(root, 0x3000, 0xb000, 0x1000, PAGE_FLAG_STAGE2 |
		   PAGE_FLAG_NOREAD | PAGE_FLAG_NOEXEC);
	w = walk(root, 0x1000);
	assert_int_equal((w.desc >> 6) & 3, 3);
	assert_int_equal((w.desc >> 54) & 1, 0);
	w = walk(root, 0x2000);
	assert_int_equal((w.desc >> 6) & 3, 3);
	assert_int_equal((w.desc >> 54) & 1, 1);
	w = walk(root, 0x3000);
	assert_int_equal((w.desc >> 6) & 3, 2);		/* write only */
	assert_int_equal((w.desc >> 54) & 1, 1);
	paging_destroy(root);
}

/* Unmapping part of a block splits it and keeps the rest. */
static void test_unmap_splits(void **state)
{
	unsigned long base = page_pool_used();
	u64 *root = page_alloc();
	struct walk w;

	(void)state;
	paging_map(root, 0x40000000, 0x40000000, 2 * MIB, PAGE_FLAG_STAGE2);
	assert_int_equal(walk(root, 0x40000000).level, 2);
	assert_int_equal(paging_unmap(root, 0x40100000, 0x1000), 0);
	assert_false(walk(root, 0x40100000).mapped);
	w = walk(root, 0x40101000);
	assert_true(w.mapped);
	assert_int_equal(w.level, 3);
	assert_int_equal(w.phys, 0x40101000);
	assert_true(walk(root, 0x400ff000).mapped);
	/* unmapping what is not mapped does nothing */
	assert_int_equal(paging_unmap(root, 0x90000000, 3 * MIB), 0);
	/* remapping over a table replaces it (and frees it) */
	paging_map(root, 0x40000000, 0x50000000, 2 * MIB, PAGE_FLAG_STAGE2);
	w = walk(root, 0x40100000);
	assert_int_equal(w.level, 2);
	assert_int_equal(w.phys, 0x50100000);
	paging_destroy(root);
	assert_int_equal(page_pool_used(), base);
}

/*
 * A cell's memory given back: once a split range is whole again, merging
 * restores the block and frees the tables; a range with a hole or other
 * attributes stays as it is.
 */
static void test_merge_after_return(void **state)
{
	unsigned long base = page_pool_used(), mapped;
	u64 *root = page_alloc();

	(void)state;
	paging_map(root, 0x40000000, 0x40000000, 4 * MIB, PAGE_FLAG_STAGE2);
	mapped = page_pool_used();
	paging_unmap(root, 0x40100000, MIB);		/* taken by a cell */
	paging_merge(root);
	assert_int_equal(walk(root, 0x40000000).level, 3);
	paging_map(root, 0x40100000, 0x40100000, MIB, PAGE_FLAG_STAGE2 |
		   PAGE_FLAG_NOWRITE);
	paging_merge(root);
	assert_int_equal(walk(root, 0x40000000).level, 3);
	paging_map(root, 0x40100000, 0x40100000, MIB, PAGE_FLAG_STAGE2);
	paging_merge(root);
	assert_int_equal(walk(root, 0x40000000).level, 2);
	assert_int_equal(walk(root, 0x40123000).phys, 0x40123000);
	assert_int_equal(page_pool_used(), mapped);
	paging_destroy(root);
	assert_int_equal(page_pool_used(), base);
}

/* Runs of pages: contiguous, zeroed, freed as one. */
static void test_pages_alloc(void **state)
{
	unsigned long base = page_pool_used();
	u8 *single = page_alloc(), *run;

	(void)state;
	run = pages_alloc(5);
	assert_non_null(run);
	assert_int_equal(page_pool_used(), base + 6);
	memset(run, 0xaa, 5 * PAGE_SIZE);
	pages_free(run, 5);
	run = pages_alloc(5);
	assert_int_equal(run[5 * PAGE_SIZE - 1], 0);
	assert_null(pages_alloc(POOL_SIZE / PAGE_SIZE));
	pages_free(run, 5);
	page_free(single);
	assert_int_equal(page_pool_used(), base);
}

/* An exhausted pool is an error, not a crash. */
static void test_pool_exhausted(void **state)
{
	unsigned long base = page_pool_used();
	u64 *root = page_alloc();
	u64 virt;
	int err = 0;

	(void)state;
	for (virt = 0; !err && virt < 200 * GIB; virt += GIB)
		err = paging_map(root, virt, 0x1000, 0x1000,
				 PAGE_FLAG_STAGE2);
	assert_int_equal(err, -ENOMEM);
	paging_destroy(root);
	assert_int_equal(page_pool_used(), base);
}

/*
 * Only whole pages are mapped or unmapped: a sub-page size or address
 * is refused with nothing changed (a size of less than a page used to
 * underflow and map everything above it).
 */
static void test_subpage_refused(void **state)
{
	unsigned long base = page_pool_used();
	u64 *root = page_alloc();

	(void)state;
	assert_int_equal(paging_map(root, 0x40000100, 0x40000100, 0x100,
				    PAGE_FLAG_STAGE2), -EINVAL);
	assert_int_equal(paging_map(root, 0x40000000, 0x40000000, 0x1100,
				    PAGE_FLAG_STAGE2), -EINVAL);
	assert_int_equal(paging_map(root, 0xfffffffffffff000UL, 0, 0x2000,
				    PAGE_FLAG_STAGE2), -EINVAL);
	assert_int_equal(page_pool_used(), base + 1);
	assert_false(walk(root, 0x40000000).mapped);
	assert_false(walk(root, 0x40001000).mapped);
	paging_map(root, 0x40000000, 0x40000000, 2 * MIB, PAGE_FLAG_STAGE2);
	assert_int_equal(paging_unmap(root, 0x40000100, 0x100), -EINVAL);
	assert_true(walk(root, 0x40000000).mapped);
	paging_destroy(root);
	assert_int_equal(page_pool_used(), base);
}

/*
 * After an unmap, the tables on the way to the address that hold nothing
 * more are given back, deepest first; a table with another entry stays,
 * and so does the root.
 */
static void test_prune(void **state)
{
	unsigned long base = page_pool_used();
	u64 *root = page_alloc();

	(void)state;
	assert_int_equal(paging_map(root, 0x9000000, 0x9000000, PAGE_SIZE,
				    PAGE_FLAG_DEVICE | PAGE_FLAG_CELL_IO), 0);
	assert_int_equal(paging_map(root, 0x9001000, 0x9001000, PAGE_SIZE,
				    PAGE_FLAG_DEVICE), 0);
	/* the root and one table of each level below */
	assert_int_equal(page_pool_used(), base + 4);
	assert_int_equal(walk(root, 0x9000000).level, 3);
	assert_true(walk(root, 0x9000000).desc & (1UL << 55));
	assert_false(walk(root, 0x9001000).desc & (1UL << 55));
	paging_unmap(root, 0x9000000, PAGE_SIZE);
	paging_prune(root, 0x9000000);
	assert_int_equal(page_pool_used(), base + 4);
	assert_true(walk(root, 0x9001000).mapped);
	paging_unmap(root, 0x9001000, PAGE_SIZE);
	paging_prune(root, 0x9001000);
	assert_int_equal(page_pool_used(), base + 1);
	assert_int_equal(root[0], 0);
	/* nothing on the way: nothing to do */
	paging_prune(root, 0x9001000);
	assert_int_equal(page_pool_used(), base + 1);
	paging_destroy(root);
	assert_int_equal(page_pool_used(), base);
}

/* ---- break-before-make ---- */

struct brk {
	u64 virt, size;
	bool first_mapped, last_mapped;	/* at the time of the TLBI */
};

static struct brk breaks[8];
static unsigned int num_breaks;
static u64 *bbm_root;

/* The TLB maintenance: what the walker sees of the range meanwhile. */
static void record_break(const u64 *root, u64 virt, u64 size)
{
	struct brk *b = &breaks[num_breaks++];

	assert_true(num_breaks <= 8);
	assert_ptr_equal(root, bbm_root);
	b->virt = virt;
	b->size = size;
	b->first_mapped = walk(bbm_root, virt).mapped;
	b->last_mapped = walk(bbm_root, virt + size - PAGE_SIZE).mapped;
}

static void assert_break(unsigned int n, u64 virt, u64 size)
{
	assert_true(n < num_breaks);
	assert_int_equal(breaks[n].virt, virt);
	assert_int_equal(breaks[n].size, size);
	assert_false(breaks[n].first_mapped);
	assert_false(breaks[n].last_mapped);
}

/*
 * A live entry that changes is made invalid, the TLBs of its range
 * flushed, and only then the new entry written: on a split (the 2 MiB
 * block, then the page whose attributes change), an attribute change,
 * and a merge back into the block.  An entry that was invalid, or is
 * written again as it was, needs none.
 */
static void test_break_before_make(void **state)
{
	unsigned long base = page_pool_used();
	u64 page = 0x40001000;

	(void)state;
	bbm_root = page_alloc();
	num_breaks = 0;
	fake_paging_break_hook = record_break;
	assert_int_equal(paging_map(bbm_root, 0x40000000, 0x40000000, 2 * MIB,
				    PAGE_FLAG_STAGE2), 0);
	assert_int_equal(num_breaks, 0);

	/* split: the block goes first, then the page's old copy */
	assert_int_equal(paging_map(bbm_root, page, page, PAGE_SIZE,
				    PAGE_FLAG_STAGE2 | PAGE_FLAG_NOWRITE), 0);
	assert_int_equal(num_breaks, 2);
	assert_break(0, 0x40000000, 2 * MIB);
	assert_break(1, page, PAGE_SIZE);
	assert_int_equal(walk(bbm_root, 0x40000000).level, 3);
	assert_int_equal(walk(bbm_root, page).desc & (1UL << 7), 0);

	/* the same again: nothing to break */
	assert_int_equal(paging_map(bbm_root, page, page, PAGE_SIZE,
				    PAGE_FLAG_STAGE2 | PAGE_FLAG_NOWRITE), 0);
	assert_int_equal(num_breaks, 2);

	/* writable again, then merged: the table goes before the block */
	assert_int_equal(paging_map(bbm_root, page, page, PAGE_SIZE,
				    PAGE_FLAG_STAGE2), 0);
	assert_int_equal(num_breaks, 3);
	assert_break(2, page, PAGE_SIZE);
	paging_merge(bbm_root);
	assert_int_equal(num_breaks, 4);
	assert_break(3, 0x40000000, 2 * MIB);
	assert_int_equal(walk(bbm_root, page).level, 2);
	assert_int_equal(walk(bbm_root, page).phys, page);

	/* a table unmapped whole: forgotten before it is freed */
	assert_int_equal(paging_map(bbm_root, page, page, PAGE_SIZE,
				    PAGE_FLAG_STAGE2 | PAGE_FLAG_NOWRITE), 0);
	num_breaks = 0;
	assert_int_equal(paging_unmap(bbm_root, 0x40000000, 2 * MIB), 0);
	assert_int_equal(num_breaks, 1);
	assert_break(0, 0x40000000, 2 * MIB);
	fake_paging_break_hook = NULL;
	paging_destroy(bbm_root);
	assert_int_equal(page_pool_used(), base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_block_sizes),
		cmocka_unit_test(test_merge_after_return),
		cmocka_unit_test(test_pages_alloc),
		cmocka_unit_test(test_stage2_attributes),
		cmocka_unit_test(test_stage2_read_execute),
		cmocka_unit_test(test_unmap_splits),
		cmocka_unit_test(test_pool_exhausted),
		cmocka_unit_test(test_subpage_refused),
		cmocka_unit_test(test_prune),
		cmocka_unit_test(test_break_before_make),
	};

	return cmocka_run_group_tests_name("paging", tests, setup, teardown);
}
