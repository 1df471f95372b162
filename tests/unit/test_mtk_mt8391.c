// SPDX-License-Identifier: GPL-2.0
/*
 * The MT8391's (Genio 720) five EINT instances, mediated on the host
 * against a register model: each instance's page mapped at its real
 * address in this process.  The tables (global EINT -> instance, index;
 * extents) against the facts of shared/reference/mt8189-gpio-eint.md and
 * the configurations' compile-time macros; masks and acks of a cell that
 * owns one line in every instance; the shared line, INTID 271.
 *
 * The root cell lists every line (MT8391_EINT_ALL); cell A takes EINT
 * 108 (0/44), 38 (1/16), 95 (2/15), 177 (4/6), and 194 (3/12, no pad:
 * the checker refuses that, the mediation does not know pads).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>

#include "log.h"

#include <jailhouse/gic.h>
#include <jailhouse/mtk.h>
#include "genio-mt8391.h"

#define LINE		271

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;

struct test_config {
	struct jailhouse_cell_desc desc;
	struct jailhouse_vendor vendors[5];
} __attribute__((packed));

static const u64 base[5] = {
	0x11ce0000, 0x11de0000, 0x11e60000, 0x1c01e000, 0x11f00000,
};
static const unsigned int lines[5] = { 51, 88, 34, 28, 9 };
/* cell A's line in each instance: EINT 108, 38, 95, 194, 177 */
static const unsigned int a_idx[5] = { 44, 16, 15, 12, 6 };

static struct test_config root_config = {
	.desc = { .name = "root", .num_vendors = 5 },
	.vendors = {
		MT8391_EINT_ALL(0), MT8391_EINT_ALL(1), MT8391_EINT_ALL(2),
		MT8391_EINT_ALL(3), MT8391_EINT_ALL(4),
	},
};
static struct test_config config_a = {
	.desc = { .name = "a", .num_vendors = 5 },
	.vendors = {
		MT8391_EINTS(108), MT8391_EINTS(38), MT8391_EINTS(95),
		MT8391_EINTS(194), MT8391_EINTS(177),
	},
};
static struct cell cell_a;
static struct per_cpu cpu_root, cpu_a;
static struct mmio_region regions_root[8], regions_a[8];

static u32 *reg(unsigned int inst, unsigned int offset)
{
	return (u32 *)(base[inst] + offset);
}

static void clear_model(void)
{
	unsigned int n;

	for (n = 0; n < 5; n++)
		memset(reg(n, 0), 0, 0x1000);
}

static int setup(void **state)
{
	unsigned int n;

	(void)state;
	for (n = 0; n < 5; n++)
		if (mmap((void *)base[n], 0x1000, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			 -1, 0) != (void *)base[n])
			return -1;
	root_cell.config = &root_config.desc;
	cell_a.config = &config_a.desc;
	cpu_root.cell = &root_cell;
	cpu_a.cell = &cell_a;
	root_cell.mmio = (struct mmio_table){
		.regions = regions_root, .capacity = 8,
	};
	cell_a.mmio = (struct mmio_table){
		.regions = regions_a, .capacity = 8,
	};
	if (mtk_cell_init(&root_cell))
		return -1;
	return mtk_cell_init(&cell_a);
}

static u32 access(struct per_cpu *cpu, u64 address, bool is_write,
		  u32 value)
{
	struct mmio_access mmio = {
		.address = address, .size = 4, .is_write = is_write,
		.value = value,
	};

	assert_int_equal(mmio_dispatch(cpu, &mmio), MMIO_HANDLED);
	return mmio.value;
}

static void write_reg(struct per_cpu *cpu, unsigned int inst,
		      unsigned int offset, u32 value)
{
	access(cpu, base[inst] + offset, true, value);
}

static u32 read_reg(struct per_cpu *cpu, unsigned int inst,
		    unsigned int offset)
{
	return access(cpu, base[inst] + offset, false, 0);
}

/* Every EINT 0-209 is one line of one instance, and back; as the macros. */
static void test_table_round_trip(void **state)
{
	unsigned int eint, idx, inst, seen[5][96] = { { 0 } }, total = 0;
	const struct mtk_block_desc *desc;

	(void)state;
	for (eint = 0; eint < 210; eint++) {
		desc = mtk_mt8391_eint(eint, &idx);
		assert_non_null(desc);
		inst = desc->eint_instance - 1;
		assert_int_equal(desc->address, base[inst]);
		assert_true(idx < lines[inst]);
		assert_int_equal(mtk_eint_global(desc, idx), eint);
		assert_int_equal(MT8391_EINT_INST(eint), inst);
		assert_int_equal(MT8391_EINT_IDX(eint), idx);
		seen[inst][idx]++;
	}
	for (inst = 0; inst < 5; inst++)
		for (idx = 0; idx < 96; idx++) {
			assert_int_equal(seen[inst][idx], idx < lines[inst]);
			total += seen[inst][idx];
		}
	assert_int_equal(total, 210);
	assert_null(mtk_mt8391_eint(210, &idx));
	assert_int_equal(MT8391_EINT_INST(210), -1);
	desc = mtk_mt8391_eint(0, &idx);
	assert_int_equal(mtk_eint_global(desc, lines[0]), -1);
}

/* The facts' own examples (mt8189-gpio-eint.md §1.3, §3). */
static void test_table_facts(void **state)
{
	static const unsigned int facts[][3] = {
		{ 33, 1, 11 }, { 34, 1, 12 }, { 76, 1, 37 }, { 110, 0, 46 },
		{ 136, 1, 62 }, { 177, 4, 6 }, { 194, 3, 12 }, { 112, 0, 48 },
		{ 167, 2, 31 }, { 173, 1, 87 }, { 181, 2, 33 }, { 159, 4, 0 },
	};
	const struct mtk_block_desc *desc;
	unsigned int n, idx;

	(void)state;
	for (n = 0; n < sizeof(facts) / sizeof(facts[0]); n++) {
		desc = mtk_mt8391_eint(facts[n][0], &idx);
		assert_int_equal(desc->eint_instance - 1, facts[n][1]);
		assert_int_equal(idx, facts[n][2]);
	}
}

/* Words per group 2/3/2/1/1; debounce to 0x530/0x554/0x520/0x518/0x508. */
static void test_extents(void **state)
{
	static const unsigned int words[5] = { 2, 3, 2, 1, 1 };
	static const unsigned int dbnc_last[5] = {
		0x530, 0x554, 0x520, 0x518, 0x508,
	};
	const struct mtk_layout *l = &mtk_mt8391_eint_layout;
	const struct mtk_block_desc *desc;
	unsigned int inst, g;

	(void)state;
	for (inst = 0; inst < 5; inst++) {
		desc = mtk_find_block(JAILHOUSE_VENDOR_MTK_EINT, base[inst]);
		assert_non_null(desc);
		assert_int_equal(desc->pins, lines[inst]);
		assert_int_equal(desc->irq, LINE);
		for (g = 0; g < l->num_groups; g++)
			assert_int_equal(mtk_group_regs(desc, &l->groups[g]),
					 l->groups[g].width == 1 ? words[inst] :
					 (dbnc_last[inst] - 0x500) / 4 + 1);
	}
}

/* A cell's MASK_SET and ACK of every word reach its one bit, nothing else. */
static void test_mask_ack_own_bit(void **state)
{
	static const unsigned int offsets[] = { 0x040, 0x0c0, 0x100, 0x340 };
	unsigned int inst, n, w, words;
	u32 expect;

	(void)state;
	for (inst = 0; inst < 5; inst++) {
		words = (lines[inst] + 31) / 32;
		for (n = 0; n < 4; n++)
			for (w = 0; w < words; w++) {
				clear_model();
				write_reg(&cpu_a, inst, offsets[n] + 4 * w,
					  ~0U);
				expect = a_idx[inst] / 32 == w ?
					1U << (a_idx[inst] % 32) : 0;
				assert_int_equal(*reg(inst, offsets[n] + 4 * w),
						 expect);
			}
	}
}

/* The root cell's whole-word writes: every line, bits past the last dropped. */
static void test_root_word_writes(void **state)
{
	unsigned int logs;

	(void)state;
	clear_model();
	log_clear();
	logs = num_logs;
	write_reg(&cpu_root, 0, 0x0c4, ~0U);		/* lines 32-50 */
	assert_int_equal(*reg(0, 0x0c4), 0x7ffff & ~(1U << (44 - 32)));
	write_reg(&cpu_root, 4, 0x0c0, ~0U);		/* lines 0-8 */
	assert_int_equal(*reg(4, 0x0c0), 0x1ff & ~(1U << 6));
	/* cell A's lines are dropped and logged, the missing ones silently */
	assert_int_equal(num_logs - logs, 2);
	assert_true(log_contains("bits 0x00001000 dropped"));
	assert_true(log_contains("bits 0x00000040 dropped"));
}

/* Past an instance's words: the root cell's accesses pass, a cell's not. */
static void test_beyond_extent(void **state)
{
	(void)state;
	clear_model();
	write_reg(&cpu_a, 0, 0x0c8, ~0U);		/* MASK_SET word 2 */
	assert_int_equal(*reg(0, 0x0c8), 0);
	write_reg(&cpu_a, 4, 0x60c, ~0U);		/* DBNC_SET 3 */
	assert_int_equal(*reg(4, 0x60c), 0);
	*reg(3, 0x004) = 0x1234;			/* STA word 1 */
	assert_int_equal(read_reg(&cpu_a, 3, 0x004), 0);
	assert_int_equal(read_reg(&cpu_root, 3, 0x004), 0x1234);
	write_reg(&cpu_root, 0, 0x0c8, 0xabcd);
	assert_int_equal(*reg(0, 0x0c8), 0xabcd);
	write_reg(&cpu_root, 4, 0x60c, 0x55);
	assert_int_equal(*reg(4, 0x60c), 0x55);
	/* instance 1 has a third word, and debounce register 21 */
	write_reg(&cpu_root, 1, 0x0c8, ~0U);
	assert_int_equal(*reg(1, 0x0c8), 0xffffff);	/* lines 64-87 */
	write_reg(&cpu_a, 1, 0x654, ~0U);		/* beyond cell A's */
	assert_int_equal(*reg(1, 0x654), 0);
	write_reg(&cpu_a, 1, 0x610, ~0U);		/* lines 16-19 */
	assert_int_equal(*reg(1, 0x610), 0xff);
	clear_model();
}

/* The shared line goes to the owner of the pending line, in any instance. */
static void test_shared_line_routed(void **state)
{
	unsigned int inst;

	(void)state;
	for (inst = 0; inst < 5; inst++) {
		clear_model();
		assert_null(mtk_eint_target(LINE));
		*reg(inst, 4 * (a_idx[inst] / 32)) = 1U << (a_idx[inst] % 32);
		assert_ptr_equal(mtk_eint_target(LINE), &cell_a);
		/* held: masked in the block, to the cell still unmasked */
		assert_int_equal(*reg(inst, 0x0c0 + 4 * (a_idx[inst] / 32)),
				 1U << (a_idx[inst] % 32));
		assert_int_equal(read_reg(&cpu_a, inst,
					  0x080 + 4 * (a_idx[inst] / 32)), 0);
		assert_null(mtk_eint_target(LINE));
		/* the ack releases it: unmasked again */
		write_reg(&cpu_a, inst, 0x040 + 4 * (a_idx[inst] / 32), ~0U);
		assert_int_equal(*reg(inst, 0x100 + 4 * (a_idx[inst] / 32)),
				 1U << (a_idx[inst] % 32));
		assert_ptr_equal(mtk_eint_target(LINE), &cell_a);
		write_reg(&cpu_a, inst, 0x100 + 4 * (a_idx[inst] / 32), ~0U);
	}
	clear_model();
	*reg(2, 0x000) = 1U << 0;			/* EINT 25: root's */
	assert_ptr_equal(mtk_eint_target(LINE), &root_cell);
	assert_null(mtk_eint_target(267));		/* another line */
	clear_model();
}

/*
 * Issue 14, item 4: a cell that never acks its line cannot keep the
 * shared line for itself.  Its line is held (masked in the block, so the
 * level drops), and the root cell's lines are served first.
 */
static void test_cell_cannot_block_root(void **state)
{
	(void)state;
	clear_model();
	*reg(0, 0x004) = 1U << (44 - 32);		/* cell A's EINT 108 */
	assert_ptr_equal(mtk_eint_target(LINE), &cell_a);
	assert_int_equal(*reg(0, 0x0c4), 1U << (44 - 32));
	*reg(1, 0x000) = 1U << 0;			/* root's EINT 12 */
	assert_ptr_equal(mtk_eint_target(LINE), &root_cell);
	/* a second pending line of the cell: the root cell still first */
	*reg(1, 0x000) |= 1U << 16;			/* cell A's EINT 38 */
	assert_ptr_equal(mtk_eint_target(LINE), &root_cell);
	*reg(1, 0x000) = 1U << 16;
	assert_ptr_equal(mtk_eint_target(LINE), &cell_a);
	clear_model();
}

/* A held line the cell masks stays masked after its ack. */
static void test_held_masked_by_cell(void **state)
{
	(void)state;
	clear_model();
	*reg(4, 0x000) = 1U << 6;			/* EINT 177 */
	assert_ptr_equal(mtk_eint_target(LINE), &cell_a);
	write_reg(&cpu_a, 4, 0x0c0, 1U << 6);		/* MASK_SET */
	assert_int_equal(read_reg(&cpu_a, 4, 0x080), 1U << 6);
	*reg(4, 0x100) = 0;
	write_reg(&cpu_a, 4, 0x040, 1U << 6);		/* ACK */
	assert_int_equal(*reg(4, 0x100), 0);		/* not unmasked */
	write_reg(&cpu_a, 4, 0x100, 1U << 6);		/* MASK_CLR */
	assert_int_equal(*reg(4, 0x100), 1U << 6);
	clear_model();
}

/* Destroy: the lines go back to the root cell, masked, nothing held. */
static void test_destroy(void **state)
{
	unsigned int inst;

	(void)state;
	clear_model();
	*reg(3, 0x000) = 1U << 12;
	assert_ptr_equal(mtk_eint_target(LINE), &cell_a);
	mtk_cell_exit(&cell_a);
	for (inst = 0; inst < 5; inst++) {
		assert_ptr_equal(mtk_pin_owner(base[inst], a_idx[inst]),
				 &root_cell);
		assert_int_equal(*reg(inst, 0x0c0 + 4 * (a_idx[inst] / 32)),
				 1U << (a_idx[inst] % 32));
	}
	assert_ptr_equal(mtk_eint_target(LINE), &root_cell);
	clear_model();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_round_trip),
		cmocka_unit_test(test_table_facts),
		cmocka_unit_test(test_extents),
		cmocka_unit_test(test_mask_ack_own_bit),
		cmocka_unit_test(test_root_word_writes),
		cmocka_unit_test(test_beyond_extent),
		cmocka_unit_test(test_shared_line_routed),
		cmocka_unit_test(test_cell_cannot_block_root),
		cmocka_unit_test(test_held_masked_by_cell),
		cmocka_unit_test(test_destroy),
	};

	return cmocka_run_group_tests_name("mtk-mt8391", tests, setup, NULL);
}
