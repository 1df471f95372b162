// SPDX-License-Identifier: GPL-2.0
/*
 * The inmate library's identity map (inmates/lib/arm64/mmu.c), #included
 * on the host: the system registers are variables, the tables live in
 * the test's memory and a walker here reads them back as the MMU would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/* what mmu.c gets from inmate.h and lib.h */
#define _INMATE_LIB_H
typedef uint64_t u64;
typedef uint32_t u32;
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define COMM_REGION_BASE	0x80000000UL
#define MAP_DEVICE		0
#define MAP_NORMAL		1
#define MAP_NORMAL_NC		2
#define SCTLR_M			(1UL << 0)
#define IMAGE_END		0x17000UL
#define __bss_end		((char *)IMAGE_END)

struct mmu_regs {
	u64 mair, tcr, ttbr0;
};

static u64 fake_sctlr_el1, fake_id_aa64mmfr0_el1;
static unsigned int tlb_flushes, switched_on;
static bool cmdline_mmu = true;

#define read_sysreg(reg)	fake_##reg
#define dsb(opt)		do { } while (0)
#define isb()			do { } while (0)
#define tlbi_vmalle1is()	(tlb_flushes++)

static bool cmdline_parse_bool(const char *name, bool def)
{
	assert_string_equal(name, "mmu");
	return def && cmdline_mmu;
}

static void mmu_switch_on(const struct mmu_regs *regs)
{
	assert_true(regs->ttbr0 != 0);
	switched_on++;
	fake_sctlr_el1 |= SCTLR_M;
}

int map_range(unsigned long start, unsigned long size, unsigned int type);
bool mmu_enabled(void);
void mmu_init(void);

#include "../../inmates/lib/arm64/mmu.c"

#define GIB		(1UL << 30)
#define MIB		(1UL << 20)

struct walk {
	bool mapped;
	unsigned int level;
	u64 desc;
};

static struct walk walk_to(unsigned long addr)
{
	u64 *table = (u64 *)mmu_regs.ttbr0, desc, base;
	struct walk w = { 0 };
	unsigned int level;

	for (level = 1; level <= 3; level++) {
		desc = table[(addr >> (39 - 9 * level)) & 511];
		if (!(desc & DESC_VALID))
			return w;
		if (level < 3 && (desc & DESC_TABLE)) {
			table = (u64 *)(desc & DESC_ADDR);
			continue;
		}
		/* a page at level 3 has bit 1 set, a block at 1, 2 not */
		assert_int_equal(!!(desc & DESC_TABLE), level == 3);
		w.mapped = true;
		w.level = level;
		w.desc = desc;
		/* identity: the output address is the input's */
		base = ~((1UL << (39 - 9 * level)) - 1);
		assert_int_equal(desc & DESC_ADDR & base, addr & base);
		return w;
	}
	return w;
}

static unsigned int type_at(unsigned long addr)
{
	struct walk w = walk_to(addr);

	assert_true(w.mapped);
	return (w.desc >> 2) & 7;
}

static bool executable(unsigned long addr)
{
	struct walk w = walk_to(addr);

	return !(w.desc & (DESC_PXN | DESC_UXN));
}

static int setup(void **state)
{
	(void)state;
	memset(tables, 0, sizeof(tables));
	memset(&mmu_regs, 0, sizeof(mmu_regs));
	fake_sctlr_el1 = 0;
	fake_id_aa64mmfr0_el1 = 2;	/* 40 bits, as a Cortex-A53/A55 */
	tlb_flushes = switched_on = 0;
	cmdline_mmu = true;
	va_end = 0;
	return 0;
}

/* The default map: image and comm page write-back, the rest Device. */
static void test_default_map(void **state)
{
	(void)state;
	mmu_init();
	assert_int_equal(switched_on, 1);
	assert_true(mmu_enabled());
	/* built with the MMU off: nothing to flush */
	assert_int_equal(tlb_flushes, 0);

	assert_int_equal(type_at(0), MAP_NORMAL);
	assert_true(executable(0));
	assert_int_equal(type_at(0x2000), MAP_NORMAL);
	assert_int_equal(type_at(IMAGE_END - 1), MAP_NORMAL);
	assert_int_equal(walk_to(IMAGE_END - 1).level, 3);
	assert_int_equal(type_at(IMAGE_END), MAP_DEVICE);
	assert_false(executable(IMAGE_END));
	assert_int_equal(type_at(0x100000), MAP_DEVICE);
	assert_int_equal(walk_to(0x200000).level, 2);

	assert_int_equal(type_at(COMM_REGION_BASE), MAP_NORMAL);
	assert_int_equal(type_at(COMM_REGION_BASE + 0xfff), MAP_NORMAL);
	assert_int_equal(type_at(COMM_REGION_BASE + 0x1000), MAP_DEVICE);
	assert_int_equal(type_at(COMM_REGION_BASE - 1), MAP_DEVICE);

	/* the QEMU bench's devices, the root's RAM: Device, as big blocks */
	assert_int_equal(type_at(0x09000000), MAP_DEVICE);
	assert_int_equal(type_at(0x08000000), MAP_DEVICE);
	assert_int_equal(type_at(0x40000000), MAP_DEVICE);
	assert_int_equal(walk_to(0x40000000).level, 1);
	assert_int_equal(type_at(0x4010000000UL), MAP_DEVICE);
	assert_int_equal(type_at(512 * GIB - 1), MAP_DEVICE);
	/* the L1 table, two L2 and two L3 tables */
	assert_int_equal(tables_used, 5);

	assert_int_equal(mmu_regs.mair, 0x44ff04);
	/* T0SZ 25, WB walks, inner shareable, 4K, no TTBR1, IPS 40 bits */
	assert_int_equal(mmu_regs.tcr, 25 | 1 << 8 | 1 << 10 | 3 << 12 |
			 1 << 23 | 2UL << 32);
	assert_ptr_equal((void *)mmu_regs.ttbr0, tables[0]);
	assert_int_equal(mmu_regs.ttbr0 & 0xfff, 0);
}

/* Only what the CPU's physical addresses reach is mapped. */
static void test_small_parange(void **state)
{
	(void)state;
	fake_id_aa64mmfr0_el1 = 0;	/* 32 bits */
	mmu_init();
	assert_int_equal(type_at(4 * GIB - 1), MAP_DEVICE);
	assert_false(walk_to(4 * GIB).mapped);
	assert_int_equal(map_range(4 * GIB - 0x1000, 0x2000, MAP_NORMAL), -1);
	assert_int_equal(mmu_regs.tcr >> 32, 0);

	/* 52 bits: as 48, the most this map uses */
	setup(NULL);
	fake_id_aa64mmfr0_el1 = 6;
	mmu_init();
	assert_int_equal(mmu_regs.tcr >> 32, 5);
	assert_int_equal(type_at(512 * GIB - 1), MAP_DEVICE);
}

static void test_mmu_off(void **state)
{
	(void)state;
	cmdline_mmu = false;
	mmu_init();
	assert_int_equal(switched_on, 0);
	assert_false(mmu_enabled());
	assert_int_equal(mmu_regs.ttbr0, 0);
	assert_int_equal(map_range(0x7fa00000, 0x10000, MAP_NORMAL_NC), -1);
	assert_int_equal(tables[0][0], 0);
}

/*
 * With the MMU on, as ivshmem-demo maps the QEMU bench's shared memory:
 * pages, break-before-make, the neighbours untouched.
 */
static void test_map_range_pages(void **state)
{
	(void)state;
	mmu_init();
	assert_int_equal(map_range(0x7fa00000, 0x10000, MAP_NORMAL_NC), 0);
	assert_true(tlb_flushes > 0);
	assert_int_equal(type_at(0x7fa00000), MAP_NORMAL_NC);
	assert_int_equal(type_at(0x7fa0ffff), MAP_NORMAL_NC);
	assert_false(executable(0x7fa00000));
	assert_int_equal(walk_to(0x7fa00000).desc & DESC_SH_INNER,
			 DESC_SH_INNER);
	assert_int_equal(walk_to(0x7fa00000).desc & DESC_AF, DESC_AF);
	assert_int_equal(type_at(0x7fa10000), MAP_DEVICE);
	assert_int_equal(type_at(0x7f9fffff), MAP_DEVICE);
	assert_int_equal(type_at(0x40000000), MAP_DEVICE);
	assert_int_equal(walk_to(0x40000000).level, 2);
	/* unaligned: whole pages around it */
	assert_int_equal(map_range(0x7fb00010, 0x10, MAP_NORMAL), 0);
	assert_int_equal(type_at(0x7fb00000), MAP_NORMAL);
	assert_int_equal(type_at(0x7fb01000), MAP_DEVICE);
	/* and back */
	assert_int_equal(map_range(0x7fa00000, 0x10000, MAP_DEVICE), 0);
	assert_int_equal(type_at(0x7fa08000), MAP_DEVICE);
	/* the image is still where it was */
	assert_int_equal(type_at(0x2000), MAP_NORMAL);
}

/* Big aligned ranges take blocks; a page inside a block splits it. */
static void test_blocks_and_split(void **state)
{
	unsigned int used;

	(void)state;
	mmu_init();
	used = tables_used;
	assert_int_equal(map_range(4 * GIB, GIB, MAP_NORMAL), 0);
	assert_int_equal(walk_to(4 * GIB).level, 1);
	assert_int_equal(tables_used, used);
	assert_int_equal(map_range(6 * GIB, 4 * MIB, MAP_NORMAL), 0);
	assert_int_equal(walk_to(6 * GIB + 3 * MIB).level, 2);
	assert_int_equal(type_at(6 * GIB + 4 * MIB), MAP_DEVICE);
	assert_int_equal(tables_used, used + 1);

	/* a device page in the normal GiB: the rest stays normal */
	assert_int_equal(map_range(4 * GIB + 0x3000, 0x1000, MAP_DEVICE), 0);
	assert_int_equal(type_at(4 * GIB + 0x3000), MAP_DEVICE);
	assert_int_equal(type_at(4 * GIB + 0x2000), MAP_NORMAL);
	assert_int_equal(type_at(4 * GIB + 0x4000), MAP_NORMAL);
	assert_int_equal(type_at(4 * GIB + 2 * MIB), MAP_NORMAL);
	assert_int_equal(walk_to(4 * GIB + 2 * MIB).level, 2);
	assert_int_equal(type_at(5 * GIB - 1), MAP_NORMAL);
	assert_true(executable(4 * GIB + 0x2000));
	assert_int_equal(tables_used, used + 3);
}

/* The pool runs out: -1, and what could be mapped is. */
static void test_pool_exhausted(void **state)
{
	unsigned long addr;
	int err = 0;

	(void)state;
	mmu_init();
	for (addr = 8 * GIB; !err && addr < 32 * GIB; addr += GIB)
		err = map_range(addr, 0x1000, MAP_NORMAL);
	assert_int_equal(err, -1);
	assert_int_equal(tables_used, PT_POOL);
	assert_int_equal(type_at(8 * GIB), MAP_NORMAL);
	/* an empty or wrapping range, an unknown type */
	assert_int_equal(map_range(0, 0, MAP_NORMAL), 0);
	assert_int_equal(map_range(~0UL - 0x1000, 0x2000, MAP_NORMAL), -1);
	assert_int_equal(map_range(0, 0x1000, 3), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_default_map, setup),
		cmocka_unit_test_setup(test_small_parange, setup),
		cmocka_unit_test_setup(test_mmu_off, setup),
		cmocka_unit_test_setup(test_map_range_pages, setup),
		cmocka_unit_test_setup(test_blocks_and_split, setup),
		cmocka_unit_test_setup(test_pool_exhausted, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
