// SPDX-License-Identifier: GPL-2.0
/*
 * The MMIO dispatcher (hypervisor/mmio.c) on the host, with the real page
 * pool (paging.c) under it: sorted insertion, the search at region edges,
 * the geometry checks before any handler runs, the handlers' answers, a
 * full table and the pool's accounting.  Then the sub-page regions
 * (cell.c), whose handler reaches host memory here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "log.h"

#include <jailhouse/hypervisor.h>
#include <jailhouse/mmio.h>

#define POOL_PAGES	16

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
u8 console_page[PAGE_SIZE];

/* cell.c, after unmapping a cell's sub-page pages from EL2 */
void arch_flush_hv_tlbs(void)
{
}

static struct jailhouse_cell_desc desc = { .name = "m" };
static struct cell cell = { .config = &desc };
static struct per_cpu cpu = { .cpu_id = 2, .cell = &cell };
static void *pool;

/* what the test handler saw */
static unsigned int calls;
static void *last_arg;
static u64 last_address;
static enum mmio_result answer;

static enum mmio_result handler(void *arg, struct per_cpu *c,
				struct mmio_access *mmio)
{
	(void)c;
	calls++;
	last_arg = arg;
	last_address = mmio->address;
	if (!mmio->is_write)
		mmio->value = 0x5a;
	return answer;
}

static int setup(void **state)
{
	(void)state;
	pool = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	return page_pool_init((unsigned long)pool,
			      (unsigned long)pool + POOL_PAGES * PAGE_SIZE);
}

static int teardown(void **state)
{
	(void)state;
	free(pool);
	return 0;
}

/* Each test starts with a new, empty table. */
static int new_table(void **state)
{
	(void)state;
	calls = 0;
	num_logs = 0;
	answer = MMIO_HANDLED;
	return mmio_cell_init(&cell);
}

static int free_table(void **state)
{
	(void)state;
	mmio_cell_exit(&cell);
	return 0;
}

static enum mmio_result dispatch(u64 address, unsigned int size,
				 bool is_write)
{
	struct mmio_access mmio = {
		.address = address, .size = size, .is_write = is_write,
	};

	return mmio_dispatch(&cpu, &mmio);
}

static int add(u64 start, u64 size, unsigned int widths, void *arg)
{
	return mmio_region_register(&cell, start, size, widths, 0, handler,
				    arg);
}

static void test_sorted_insert(void **state)
{
	static const u64 starts[] = {
		0x5000, 0x1000, 0x9000, 0x3000, 0x7000, 0x2000,
	};
	unsigned int n;

	(void)state;
	for (n = 0; n < ARRAY_SIZE(starts); n++)
		assert_int_equal(add(starts[n], 0x100, MMIO_W32, NULL), 0);
	assert_int_equal(cell.mmio.count, ARRAY_SIZE(starts));
	for (n = 0; n + 1 < cell.mmio.count; n++)
		assert_true(cell.mmio.regions[n].start <
			    cell.mmio.regions[n + 1].start);
	assert_int_equal(cell.mmio.regions[0].start, 0x1000);
	assert_int_equal(cell.mmio.regions[5].start, 0x9000);
}

/* The first and last word of a region are its; a byte beyond is not. */
static void test_region_edges(void **state)
{
	int a, b, c;

	(void)state;
	add(0x2000, 0x100, MMIO_W32, &b);
	add(0x1000, 0x100, MMIO_W32, &a);
	add(0x3000, 0x100, MMIO_W32, &c);
	assert_int_equal(dispatch(0x2000, 4, false), MMIO_HANDLED);
	assert_ptr_equal(last_arg, &b);
	assert_int_equal(dispatch(0x20fc, 4, true), MMIO_HANDLED);
	assert_ptr_equal(last_arg, &b);
	assert_int_equal(last_address, 0x20fc);
	assert_int_equal(dispatch(0x1000, 4, false), MMIO_HANDLED);
	assert_ptr_equal(last_arg, &a);
	assert_int_equal(dispatch(0x30fc, 4, false), MMIO_HANDLED);
	assert_ptr_equal(last_arg, &c);
	assert_int_equal(calls, 4);
	/* just outside each: nobody's, said the way it always was */
	assert_int_equal(dispatch(0x2100, 4, false), MMIO_NOT_MINE);
	assert_int_equal(dispatch(0x1ffc, 4, true), MMIO_NOT_MINE);
	assert_int_equal(dispatch(0x0ffc, 4, false), MMIO_NOT_MINE);
	assert_int_equal(dispatch(0x3100, 4, false), MMIO_NOT_MINE);
	assert_int_equal(dispatch(0, 4, false), MMIO_NOT_MINE);
	assert_int_equal(dispatch(~3UL, 4, false), MMIO_NOT_MINE);
	assert_int_equal(calls, 4);
	assert_string_equal(last_log, "FATAL: CPU 2: unhandled data read at "
			    "0xfffffffffffffffc, 4 bytes (PC 0x0, cell 'm')\n");
}

/* An access across two adjacent regions belongs to neither. */
static void test_straddling_refused(void **state)
{
	(void)state;
	add(0x1000, 0x100, MMIO_W_ANY, NULL);
	add(0x1100, 0x100, MMIO_W_ANY, NULL);
	assert_int_equal(dispatch(0x10fc, 8, false), MMIO_VIOLATION);
	assert_int_equal(calls, 0);
	assert_int_equal(num_logs, 1);
	assert_string_equal(last_log, "FATAL: CPU 2: 8-byte data read at "
			    "0x10fc (PC 0x0, cell 'm'): 0x1000-0x10ff takes "
			    "aligned accesses of 1, 2, 4 or 8 bytes only\n");
	/* an unaligned region does not change that */
	mmio_region_register(&cell, 0x2000, 0x10, MMIO_W32, MMIO_UNALIGNED,
			     handler, NULL);
	assert_int_equal(dispatch(0x200e, 4, true), MMIO_VIOLATION);
	assert_int_equal(calls, 0);
	assert_int_equal(dispatch(0x2002, 4, true), MMIO_HANDLED);
	assert_int_equal(calls, 1);
	assert_non_null(strstr(last_log, "takes accesses of 4 bytes only"));
}

static void test_misaligned_refused(void **state)
{
	(void)state;
	add(0x1000, 0x100, MMIO_W_ANY, NULL);
	assert_int_equal(dispatch(0x1002, 4, true), MMIO_VIOLATION);
	assert_int_equal(dispatch(0x1004, 8, false), MMIO_VIOLATION);
	assert_int_equal(dispatch(0x1001, 2, false), MMIO_VIOLATION);
	assert_int_equal(calls, 0);
	assert_int_equal(num_logs, 3);
	assert_int_equal(dispatch(0x1001, 1, false), MMIO_HANDLED);
	assert_int_equal(dispatch(0x1008, 8, false), MMIO_HANDLED);
	assert_int_equal(calls, 2);
}

static void test_wrong_width_refused(void **state)
{
	(void)state;
	add(0x1000, 0x100, MMIO_W8 | MMIO_W32, NULL);
	assert_int_equal(dispatch(0x1000, 2, true), MMIO_VIOLATION);
	assert_int_equal(dispatch(0x1000, 8, false), MMIO_VIOLATION);
	assert_int_equal(calls, 0);
	assert_non_null(strstr(last_log, "takes aligned accesses of 1 or 4 bytes "
			       "only"));
	assert_int_equal(dispatch(0x1003, 1, true), MMIO_HANDLED);
	assert_int_equal(dispatch(0x1004, 4, true), MMIO_HANDLED);
	assert_int_equal(calls, 2);
}

/* "Not mine": reported as an access to nothing, and that is the end. */
static void test_not_mine(void **state)
{
	(void)state;
	add(0x1000, 0x100, MMIO_W32, NULL);
	add(0x1100, 0x100, MMIO_W32, NULL);
	answer = MMIO_NOT_MINE;
	assert_int_equal(dispatch(0x10fc, 4, true), MMIO_NOT_MINE);
	assert_int_equal(calls, 1);		/* not the next region's */
	assert_int_equal(num_logs, 1);
	assert_string_equal(last_log, "FATAL: CPU 2: unhandled data write at "
			    "0x10fc, 4 bytes (PC 0x0, cell 'm')\n");
}

/* A violation: the handler said why; nothing is added to it. */
static void test_violation_propagated(void **state)
{
	(void)state;
	add(0x1000, 0x100, MMIO_W32, NULL);
	answer = MMIO_VIOLATION;
	assert_int_equal(dispatch(0x1000, 4, true), MMIO_VIOLATION);
	assert_int_equal(calls, 1);
	assert_int_equal(num_logs, 0);
}

/* The value a handler reads is the access's. */
static void test_read_value(void **state)
{
	struct mmio_access mmio = { .address = 0x1004, .size = 4 };

	(void)state;
	add(0x1000, 0x100, MMIO_W32, NULL);
	assert_int_equal(mmio_dispatch(&cpu, &mmio), MMIO_HANDLED);
	assert_int_equal(mmio.value, 0x5a);
}

static void test_overlap_refused(void **state)
{
	(void)state;
	assert_int_equal(add(0x2000, 0x1000, MMIO_W32, NULL), 0);
	assert_int_equal(add(0x2800, 0x100, MMIO_W32, NULL), -EBUSY);
	assert_string_equal(last_log, "ERROR: cell 'm': emulated MMIO region "
			    "0x2800-0x28ff: overlaps another one\n");
	assert_int_equal(add(0x1f00, 0x101, MMIO_W32, NULL), -EBUSY);
	assert_int_equal(add(0x2fff, 1, MMIO_W32, NULL), -EBUSY);
	assert_int_equal(add(0x1000, 0x10000, MMIO_W32, NULL), -EBUSY);
	assert_int_equal(cell.mmio.count, 1);
	/* touching is fine */
	assert_int_equal(add(0x1f00, 0x100, MMIO_W32, NULL), 0);
	assert_int_equal(add(0x3000, 0x100, MMIO_W32, NULL), 0);
	/* and nonsense is refused */
	assert_int_equal(add(0x8000, 0, MMIO_W32, NULL), -EINVAL);
	assert_int_equal(add(0x8000, 0x100000000UL, MMIO_W32, NULL), -EINVAL);
	assert_int_equal(add(~0xfffUL, 0x2000, MMIO_W32, NULL), -EINVAL);
	assert_int_equal(cell.mmio.count, 3);
}

/* A page of regions; one more is refused and changes nothing. */
static void test_table_full(void **state)
{
	unsigned int n, capacity = cell.mmio.capacity;

	(void)state;
	assert_int_equal(capacity, PAGE_SIZE / sizeof(struct mmio_region));
	for (n = 0; n < capacity; n++)
		assert_int_equal(add(0x100000 - n * 0x100, 0x100, MMIO_W32,
				     NULL), 0);
	assert_int_equal(add(0x200000, 0x100, MMIO_W32, NULL), -ENOMEM);
	assert_non_null(strstr(last_log, "0x200000-0x2000ff: one too many"));
	assert_int_equal(cell.mmio.count, capacity);
	/* all of them still found */
	for (n = 0; n < capacity; n++)
		assert_int_equal(dispatch(0x100000 - n * 0x100 + 0xfc, 4,
					  false), MMIO_HANDLED);
	assert_int_equal(calls, capacity);
}

/* The table is one page of the pool, and it goes back. */
static void test_pool_accounting(void **state)
{
	unsigned long used = page_pool_used();
	struct cell other = { .config = &desc };

	(void)state;
	assert_int_equal(mmio_cell_init(&other), 0);
	assert_int_equal(page_pool_used(), used + 1);
	mmio_region_register(&other, 0x1000, 0x100, MMIO_W32, 0, handler,
			     NULL);
	mmio_cell_exit(&other);
	assert_int_equal(page_pool_used(), used);
	assert_null(other.mmio.regions);
	assert_int_equal(other.mmio.count, 0);
	/* no pool left: the cell gets no table */
	while (page_alloc())
		;
	assert_int_equal(mmio_cell_init(&other), -ENOMEM);
	assert_int_equal(page_pool_used(), page_pool_pages());
}

/* ---- sub-page regions (cell.c) ---- */

struct subpage_config {
	struct jailhouse_cell_desc desc;
	struct jailhouse_memory mem[3];
} __attribute__((packed));

static u8 device[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static struct subpage_config sub_config;

/*
 * A sub-page region's registration: its extent and the widths of its
 * flags (any without); a read-only region takes no writes.
 */
static void test_subpage_regions(void **state)
{
	struct cell sub = { .config = &sub_config.desc };
	struct per_cpu sub_cpu = { .cell = &sub };
	const struct mmio_region *r;
	struct mmio_access mmio = { .size = 2, .is_write = true };

	(void)state;
	strcpy(sub_config.desc.name, "sub");
	sub_config.desc.num_memory_regions = 3;
	sub_config.mem[0] = (struct jailhouse_memory) {
		.phys_start = (u64)device + 0x100, .virt_start = 0x9000100,
		.size = 0x80,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_16 |
			JAILHOUSE_MEM_IO_32,
	};
	sub_config.mem[1] = (struct jailhouse_memory) {
		.phys_start = (u64)device + 0x200, .virt_start = 0x9000200,
		.size = 0x10,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO,
	};
	/* a whole page: mapped, not trapped */
	sub_config.mem[2] = (struct jailhouse_memory) {
		.phys_start = 0x9001000, .virt_start = 0x9001000,
		.size = 0x1000, .flags = JAILHOUSE_MEM_READ |
			JAILHOUSE_MEM_IO,
	};
	hv_page_table = page_alloc();
	assert_int_equal(mmio_cell_init(&sub), 0);
	assert_int_equal(cell_map_subpage_regions(&sub), 0);
	assert_int_equal(sub.mmio.count, 2);
	r = &sub.mmio.regions[0];
	assert_int_equal(r->start, 0x9000100);
	assert_int_equal(r->size, 0x80);
	assert_int_equal(r->widths, MMIO_W16 | MMIO_W32);
	assert_int_equal(r->flags, 0);
	assert_int_equal(sub.mmio.regions[1].widths, MMIO_W_ANY);

	/* a byte, or a misaligned half-word: refused, nothing written */
	memset(device, 0, sizeof(device));
	mmio.address = 0x9000101;
	mmio.value = 0xffff;
	assert_int_equal(mmio_dispatch(&sub_cpu, &mmio), MMIO_VIOLATION);
	mmio.size = 1;
	mmio.address = 0x9000100;
	assert_int_equal(mmio_dispatch(&sub_cpu, &mmio), MMIO_VIOLATION);
	/* the last word, half inside */
	mmio.size = 4;
	mmio.address = 0x900017e;
	assert_int_equal(mmio_dispatch(&sub_cpu, &mmio), MMIO_VIOLATION);
	assert_int_equal(*(u64 *)(device + 0x100), 0);
	assert_int_equal(*(u64 *)(device + 0x178), 0);
	/* right: carried out at the physical address */
	mmio.size = 2;
	mmio.address = 0x9000102;
	mmio.value = 0x1234;
	assert_int_equal(mmio_dispatch(&sub_cpu, &mmio), MMIO_HANDLED);
	assert_int_equal(*(u16 *)(device + 0x102), 0x1234);
	/* read-only: its writes are nobody's, reads are fine */
	mmio.address = 0x9000204;
	num_logs = 0;
	assert_int_equal(mmio_dispatch(&sub_cpu, &mmio), MMIO_NOT_MINE);
	assert_non_null(strstr(last_log, "unhandled data write at "
			       "0x9000204, 2 bytes"));
	assert_int_equal(*(u16 *)(device + 0x204), 0);
	*(u32 *)(device + 0x204) = 0xabcd;
	mmio.is_write = false;
	mmio.size = 4;
	assert_int_equal(mmio_dispatch(&sub_cpu, &mmio), MMIO_HANDLED);
	assert_int_equal(mmio.value, 0xabcd);
	mmio_cell_exit(&sub);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, new_table, free_table)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_sorted_insert),
		T(test_region_edges),
		T(test_straddling_refused),
		T(test_misaligned_refused),
		T(test_wrong_width_refused),
		T(test_not_mine),
		T(test_violation_propagated),
		T(test_read_value),
		T(test_overlap_refused),
		T(test_table_full),
		cmocka_unit_test(test_subpage_regions),
		cmocka_unit_test(test_pool_accounting),
	};

	return cmocka_run_group_tests_name("mmio", tests, setup, teardown);
}
