// SPDX-License-Identifier: GPL-2.0
/*
 * MediaTek GPIO/EINT mediation (hypervisor/soc/mediatek) on the host,
 * against a register model: the real GPIO (0x10005000) and EINT
 * (0x1000b000) layouts, their pages mapped at those addresses in this
 * process.  The root cell owns every pin at first; cell A takes GPIO 33,
 * 34 and EINT 38; cell B tries to take GPIO 34 too.
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

#define GPIO		0x10005000UL
#define EINT		0x1000b000UL

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;

struct test_config {
	struct jailhouse_cell_desc desc;
	struct jailhouse_vendor vendors[4];
} __attribute__((packed));

static struct test_config root_config, config_a, config_b, config_c;
static struct cell cell_a, cell_b, cell_c;
static struct per_cpu cpu_root, cpu_a;
static struct mmio_region regions_root[8], regions_a[8], regions_b[8];

static u32 *reg(u64 block, unsigned int offset)
{
	return (u32 *)(block + offset);
}

static struct jailhouse_vendor pins(u32 type, u64 address, u32 base,
				    u32 w0, u32 w1, u32 w2, u32 w3)
{
	struct jailhouse_vendor v = { .type = type };

	v.address = address;
	v.base = base;
	v.bitmap[0] = w0;
	v.bitmap[1] = w1;
	v.bitmap[2] = w2;
	v.bitmap[3] = w3;
	return v;
}

static void make_config(struct test_config *c, const char *name,
			unsigned int num)
{
	strcpy(c->desc.name, name);
	c->desc.num_vendors = num;
}

static int setup(void **state)
{
	(void)state;
	if (mmap((void *)GPIO, 0x1000, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) !=
	    (void *)GPIO ||
	    mmap((void *)EINT, 0x1000, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) !=
	    (void *)EINT)
		return -1;
	make_config(&root_config, "root", 3);
	root_config.vendors[0] = pins(JAILHOUSE_VENDOR_MTK_GPIO, GPIO, 0,
				      ~0U, ~0U, ~0U, ~0U);
	root_config.vendors[1] = pins(JAILHOUSE_VENDOR_MTK_GPIO, GPIO, 128,
				      ~0U, 0x3fffff, 0, 0);
	root_config.vendors[2] = pins(JAILHOUSE_VENDOR_MTK_EINT, EINT, 0,
				      ~0U, ~0U, ~0U, ~0U);
	make_config(&config_a, "a", 2);
	config_a.vendors[0] = pins(JAILHOUSE_VENDOR_MTK_GPIO, GPIO, 32,
				   (1 << 1) | (1 << 2), 0, 0, 0);
	config_a.vendors[1] = pins(JAILHOUSE_VENDOR_MTK_EINT, EINT, 32,
				   1 << 6, 0, 0, 0);
	make_config(&config_b, "b", 1);
	config_b.vendors[0] = pins(JAILHOUSE_VENDOR_MTK_GPIO, GPIO, 32,
				   (1 << 2) | (1 << 8), 0, 0, 0);
	make_config(&config_c, "c", 1);
	config_c.vendors[0] = pins(JAILHOUSE_VENDOR_MTK_GPIO, 0x12345000, 0,
				   1, 0, 0, 0);
	root_cell.config = &root_config.desc;
	cell_a.config = &config_a.desc;
	cell_b.config = &config_b.desc;
	cell_c.config = &config_c.desc;
	cpu_root.cell = &root_cell;
	cpu_a.cell = &cell_a;
	root_cell.mmio = (struct mmio_table){
		.regions = regions_root, .capacity = 8,
	};
	cell_a.mmio = (struct mmio_table){
		.regions = regions_a, .capacity = 8,
	};
	cell_b.mmio = (struct mmio_table){
		.regions = regions_b, .capacity = 8,
	};
	return mtk_cell_init(&root_cell);
}

static u64 access(struct per_cpu *cpu, u64 address, unsigned int size,
		  bool is_write, u64 value, bool *denied)
{
	struct mmio_access mmio = {
		.address = address, .size = size, .is_write = is_write,
		.value = value,
	};
	enum mmio_result result = mmio_dispatch(cpu, &mmio);

	assert_int_not_equal(result, MMIO_NOT_MINE);
	if (denied)
		*denied = result == MMIO_VIOLATION;
	else
		assert_int_equal(result, MMIO_HANDLED);
	return mmio.value;
}

static void test_root_owns_all(void **state)
{
	(void)state;
	assert_ptr_equal(mtk_pin_owner(GPIO, 0), &root_cell);
	assert_ptr_equal(mtk_pin_owner(GPIO, 181), &root_cell);
	assert_null(mtk_pin_owner(GPIO, 182));		/* not in its config */
	assert_ptr_equal(mtk_pin_owner(EINT, 38), &root_cell);
}

/* A cell takes its pins from the root; its EINT line is masked. */
static void test_create_takes_pins(void **state)
{
	(void)state;
	*reg(EINT, 0xc4) = 0;
	assert_int_equal(mtk_cell_init(&cell_a), 0);
	assert_ptr_equal(mtk_pin_owner(GPIO, 33), &cell_a);
	assert_ptr_equal(mtk_pin_owner(GPIO, 34), &cell_a);
	assert_ptr_equal(mtk_pin_owner(GPIO, 35), &root_cell);
	assert_ptr_equal(mtk_pin_owner(EINT, 38), &cell_a);
	assert_int_equal(*reg(EINT, 0xc4), 1 << 6);	/* MASK_SET1 */
}

/*
 * The shared EINT line (INTID 267): the cell gets it virtually, and it
 * belongs to the owner of the first pending, unmasked line.
 */
static void test_shared_eint_line(void **state)
{
	(void)state;
	assert_true(cell_a.arch.virq_allowed[267 / 32] & (1U << (267 % 32)));
	assert_int_equal(root_cell.arch.virq_allowed[267 / 32], 0);
	memset(reg(EINT, 0), 0, 0x100);
	assert_null(mtk_eint_target(267));
	*reg(EINT, 0x004) = 1 << 6;			/* STA1: EINT 38 */
	assert_ptr_equal(mtk_eint_target(267), &cell_a);
	*reg(EINT, 0x084) = 1 << 6;			/* masked */
	assert_null(mtk_eint_target(267));
	*reg(EINT, 0x000) = 1 << 1;			/* EINT 1: root's */
	assert_ptr_equal(mtk_eint_target(267), &root_cell);
	assert_null(mtk_eint_target(271));		/* another line */
	memset(reg(EINT, 0), 0, 0x100);
}

/* Two cells never own one pin; the refused cell takes nothing. */
static void test_double_claim_refused(void **state)
{
	(void)state;
	assert_int_equal(mtk_cell_init(&cell_b), -EBUSY);
	assert_non_null(strstr(last_log, "pin 34"));
	assert_non_null(strstr(last_log, "cell 'a''s"));
	assert_ptr_equal(mtk_pin_owner(GPIO, 40), &root_cell);
	assert_int_equal(mtk_cell_init(&cell_c), -EINVAL);
	assert_non_null(strstr(last_log, "0x12345000"));
}

/* RW: read-modify-write of the own bits; foreign ones dropped, logged
 * once per cell and register. */
static void test_rw_register(void **state)
{
	unsigned int logs;

	(void)state;
	*reg(GPIO, 0x110) = 0xffff0001;			/* DOUT1: 32-63 */
	logs = num_logs;
	access(&cpu_a, GPIO + 0x110, 4, true, 0x00000007, NULL);
	assert_int_equal(*reg(GPIO, 0x110), 0xffff0007);
	assert_int_equal(num_logs, logs + 1);		/* bit 0 is root's */
	assert_non_null(strstr(last_log, "DOUT1"));
	access(&cpu_a, GPIO + 0x110, 4, true, 0x00000001, NULL);
	assert_int_equal(*reg(GPIO, 0x110), 0xffff0001);  /* 33, 34 off */
	assert_int_equal(num_logs, logs + 1);		/* once */
	/* reads: own bits only */
	*reg(GPIO, 0x110) = 0xffffffff;
	assert_int_equal(access(&cpu_a, GPIO + 0x110, 4, false, 0, NULL),
			 0x6);
	/* the root cell no longer reaches pins 33 and 34 */
	access(&cpu_root, GPIO + 0x110, 4, true, 0, NULL);
	assert_int_equal(*reg(GPIO, 0x110), 0x6);
	assert_int_equal(access(&cpu_root, GPIO + 0x110, 4, false, 0, NULL),
			 0x0);
}

/* SET/CLR: written with the foreign bits removed; read as 0. */
static void test_set_clr(void **state)
{
	(void)state;
	*reg(GPIO, 0x114) = 0;
	access(&cpu_a, GPIO + 0x114, 4, true, 0xffffffff, NULL);
	assert_int_equal(*reg(GPIO, 0x114), 0x6);
	*reg(GPIO, 0x118) = 0;
	access(&cpu_a, GPIO + 0x118, 4, true, 0x1, NULL);
	assert_int_equal(*reg(GPIO, 0x118), 0);		/* nothing left */
	assert_int_equal(access(&cpu_a, GPIO + 0x114, 4, false, 0, NULL), 0);
	/* EINT ACK of its own line only */
	*reg(EINT, 0x44) = 0;
	access(&cpu_a, EINT + 0x44, 4, true, 0xffffffff, NULL);
	assert_int_equal(*reg(EINT, 0x44), 1 << 6);
}

/* Mode nibbles belong to their pin; MOD needs every field. */
static void test_mode_fields(void **state)
{
	(void)state;
	*reg(GPIO, 0x340) = 0x12345678;			/* MODE4: pins 32-39 */
	access(&cpu_a, GPIO + 0x340, 4, true, 0xaaaaaaaa, NULL);
	assert_int_equal(*reg(GPIO, 0x340), 0x12345aa8);
	assert_int_equal(access(&cpu_a, GPIO + 0x340, 4, false, 0, NULL),
			 0x00000aa0);
	*reg(GPIO, 0x34c) = 0;
	access(&cpu_a, GPIO + 0x34c, 4, true, 0x00000110, NULL);
	assert_int_equal(*reg(GPIO, 0x34c), 0);
	/* the root cell owns all of MODE5 (pins 40-47): MOD goes through */
	access(&cpu_root, GPIO + 0x35c, 4, true, 0x11111111, NULL);
	assert_int_equal(*reg(GPIO, 0x35c), 0x11111111);
}

/* Registers the layout does not describe: the root cell's. */
static void test_undescribed(void **state)
{
	(void)state;
	*reg(GPIO, 0x600) = 0x55;			/* MISC */
	assert_int_equal(access(&cpu_root, GPIO + 0x600, 4, false, 0, NULL),
			 0x55);
	access(&cpu_root, GPIO + 0x600, 4, true, 0x66, NULL);
	assert_int_equal(*reg(GPIO, 0x600), 0x66);
	assert_int_equal(access(&cpu_a, GPIO + 0x600, 4, false, 0, NULL), 0);
	access(&cpu_a, GPIO + 0x600, 4, true, 0x77, NULL);
	assert_int_equal(*reg(GPIO, 0x600), 0x66);
	/* read-only DIN: writes change nothing */
	*reg(GPIO, 0x210) = 0x1234;
	access(&cpu_a, GPIO + 0x210, 4, true, 0xffffffff, NULL);
	assert_int_equal(*reg(GPIO, 0x210), 0x1234);
}

static void test_bad_access(void **state)
{
	bool denied;

	(void)state;
	access(&cpu_a, GPIO + 0x112, 2, true, 1, &denied);
	assert_true(denied);
	access(&cpu_a, GPIO + 0x110, 8, false, 0, &denied);
	assert_true(denied);
}

/*
 * Refused before the mediation touches the block: a misaligned or
 * wrongly sized write of the cell's own DOUT pins changes nothing, and
 * is not taken for a write of foreign pins either.
 */
static void test_bad_access_touches_nothing(void **state)
{
	unsigned int logs;
	bool denied;

	(void)state;
	*reg(GPIO, 0x110) = 0;
	logs = num_logs;
	access(&cpu_a, GPIO + 0x111, 4, true, 0xffffffff, &denied);
	assert_true(denied);
	access(&cpu_a, GPIO + 0x110, 1, true, 0x06, &denied);
	assert_true(denied);
	access(&cpu_a, GPIO + 0x110, 2, true, 0x06, &denied);
	assert_true(denied);
	assert_int_equal(*reg(GPIO, 0x110), 0);
	assert_int_equal(num_logs, logs + 3);	/* the refusals, no more */
	assert_non_null(strstr(last_log, "takes aligned accesses of 4 bytes "
			       "only"));
	/* the same write, aligned and 32-bit, reaches the own pins */
	access(&cpu_a, GPIO + 0x110, 4, true, 0x06, &denied);
	assert_false(denied);
	assert_int_equal(*reg(GPIO, 0x110), 0x06);
	*reg(GPIO, 0x110) = 0;
}

/* Every block in use is a region of every cell, 4 KiB, 32-bit. */
static void test_block_regions(void **state)
{
	(void)state;
	assert_int_equal(root_cell.mmio.count, 2);
	assert_int_equal(regions_root[0].start, GPIO);
	assert_int_equal(regions_root[0].size, 0x1000);
	assert_int_equal(regions_root[0].widths, MMIO_W32);
	assert_int_equal(regions_root[1].start, EINT);
	assert_int_equal(cell_a.mmio.count, 2);
}

/* Destroyed: the pins go back to the root cell, EINT 38 masked again. */
static void test_destroy_returns_pins(void **state)
{
	(void)state;
	*reg(EINT, 0xc4) = 0;
	mtk_cell_exit(&cell_a);
	assert_ptr_equal(mtk_pin_owner(GPIO, 33), &root_cell);
	assert_ptr_equal(mtk_pin_owner(EINT, 38), &root_cell);
	assert_int_equal(*reg(EINT, 0xc4), 1 << 6);
	/* and B can have 34 now */
	assert_int_equal(mtk_cell_init(&cell_b), 0);
	assert_ptr_equal(mtk_pin_owner(GPIO, 34), &cell_b);
	assert_ptr_equal(mtk_pin_owner(GPIO, 40), &cell_b);
	mtk_cell_exit(&cell_b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_owns_all),
		cmocka_unit_test(test_create_takes_pins),
		cmocka_unit_test(test_shared_eint_line),
		cmocka_unit_test(test_double_claim_refused),
		cmocka_unit_test(test_rw_register),
		cmocka_unit_test(test_set_clr),
		cmocka_unit_test(test_mode_fields),
		cmocka_unit_test(test_undescribed),
		cmocka_unit_test(test_bad_access),
		cmocka_unit_test(test_bad_access_touches_nothing),
		cmocka_unit_test(test_block_regions),
		cmocka_unit_test(test_destroy_returns_pins),
	};

	return cmocka_run_group_tests_name("mtk", tests, setup, NULL);
}
