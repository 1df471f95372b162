// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration checker (common/config-check.c) with the SoC tables
 * it is linked with (hypervisor/soc/mediatek/mtk-tables.c, no test
 * tables): shipped Genio configurations (the .cell files of configs/arm64, built by
 * make), some changed in memory, are refused as the hypervisor would
 * refuse them, with messages that say what to use instead.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>
#include <jailhouse/limits.h>
#include <jailhouse/mtk-tables.h>

#define MT8188_EINT	0x1000b000

static char messages[16384];

static void collect(struct config_checker *chk, enum config_severity sev,
		    const char *file, const char *field, const char *value,
		    const char *text)
{
	size_t len = strlen(messages);

	(void)chk;
	snprintf(messages + len, sizeof(messages) - len, "%s: %s: %s: %s: %s\n",
		 sev == CONFIG_ERROR ? "ERROR" : "WARN", file, field, value,
		 text);
}

static struct config_file read_cell(const char *name)
{
	static char buf[40][65536];
	static unsigned int next;
	char *data = buf[next++ % 40], path[512];
	struct config_file file = { .name = name, .data = data };
	FILE *f;

	snprintf(path, sizeof(path), "%s/configs/arm64/%s.cell", JH_TOP, name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("%s missing: build the configurations (make -C configs)",
			 path);
	file.size = fread(data, 1, sizeof(buf[0]), f);
	fclose(f);
	assert_true(file.size > 0);
	return file;
}

static struct jailhouse_vendor *vendor(const struct config_file *cell,
				       unsigned int n)
{
	const struct jailhouse_cell_desc *desc = cell->data;

	assert_true(n < desc->num_vendors);
	return (struct jailhouse_vendor *)&jailhouse_cell_vendors(desc)[n];
}

static unsigned int check(const char *system, struct config_file *cells,
			  unsigned int num)
{
	struct config_checker chk = { .report = collect };
	struct config_file sys = read_cell(system);

	messages[0] = '\0';
	return config_check(&chk, &sys, cells, num);
}

/* The Genio 720's Zephyr cell as shipped: the baseline of the others. */
static void test_720_zephyr_accepted(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");

	(void)state;
	assert_int_equal(check("genio-720-evk", &cell, 1), 0);
	assert_string_equal(messages, "");
}

/* Seed 000's EINT entry on the Genio 720: the MT8188 block is refused. */
static void test_720_mt8188_eint_refused(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");
	static const char *const wanted[] = {
		"ERROR: genio-720-evk-zephyr: vendors[1].address: 0x1000b000: ",
		"the EINT (MT8188 family)", "MT8391 (Genio 720)",
		"0x11ce0000, 0x11de0000, 0x11e60000, 0x1c01e000 and "
		"0x11f00000", "all on one line, INTID 271",
		"see Documentation/board-genio.md, section \"EINT on the "
		"Genio 720 (MT8391)\"",
	};
	unsigned int n;

	(void)state;
	vendor(&cell, 1)->address = MT8188_EINT;
	assert_int_equal(check("genio-720-evk", &cell, 1), 1);
	for (n = 0; n < ARRAY_SIZE(wanted); n++)
		if (!strstr(messages, wanted[n]))
			fail_msg("no \"%s\" in:\n%s", wanted[n], messages);
	assert_null(strstr(messages, "not a pin of the root cell"));
}

/* The same block is right on the Genio 700 (MT8390, MT8188 family). */
static void test_700_mt8188_eint_accepted(void **state)
{
	struct config_file cell = read_cell("genio-700-evk-zephyr");

	(void)state;
	assert_int_equal(vendor(&cell, 1)->address, MT8188_EINT);
	assert_int_equal(check("genio-700-evk", &cell, 1), 0);
}

/* A root cell naming blocks of two SoCs is refused on its own. */
static void test_root_of_two_socs_refused(void **state)
{
	struct config_file sys = read_cell("genio-720-evk");
	const struct jailhouse_system *config = sys.data;
	struct jailhouse_vendor *v = (struct jailhouse_vendor *)
		jailhouse_cell_vendors(&config->root_cell);
	struct config_checker chk = { .report = collect };
	unsigned int n;

	(void)state;
	for (n = 0; n < config->root_cell.num_vendors; n++)
		if (v[n].type == JAILHOUSE_VENDOR_MTK_EINT)
			break;
	assert_true(n + 1 < config->root_cell.num_vendors);
	v[n + 1].address = MT8188_EINT;
	messages[0] = '\0';
	assert_true(config_check(&chk, &sys, NULL, 0) >= 1);
	assert_non_null(strstr(messages, ": 0x1000b000: the EINT (MT8188 "
			       "family), but the system's other blocks are "
			       "the MT8391 (Genio 720)'s"));
}

/* The shipped Genio 720 cells: no error, no warning. */
static void test_720_cells_accepted(void **state)
{
	static const char *const names[] = {
		"genio-720-evk-uart-demo", "genio-720-evk-ivshmem-demo",
	};
	struct config_file cell;
	unsigned int n;

	(void)state;
	for (n = 0; n < 2; n++) {
		cell = read_cell(names[n]);
		assert_int_equal(check("genio-720-evk", &cell, 1), 0);
		assert_string_equal(messages, "");
	}
}

/* An EINT without a pad (182-209) in a cell: refused, with its number. */
static void test_720_eint_without_pad_refused(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");
	struct jailhouse_vendor *v = vendor(&cell, 1);

	(void)state;
	v->address = 0x1c01e000;		/* instance 3 */
	v->bitmap[0] = 1 << 12;			/* EINT 194, the PMIC's */
	assert_int_equal(check("genio-720-evk", &cell, 1), 1);
	assert_non_null(strstr(messages, "vendors[1]: EINT 194 (instance 3, "
			       "index 12): has no pad: EINTs 182-209 are the "
			       "SoC's internal lines (the PMIC's is EINT 194) "
			       "and stay with the root cell"));
}

/* An EINT whose pad the cell does not take: refused. */
static void test_720_eint_without_gpio_refused(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");

	(void)state;
	vendor(&cell, 1)->bitmap[0] |= 1 << 13;	/* EINT 35, UART2 TX */
	assert_int_equal(check("genio-720-evk", &cell, 1), 1);
	assert_non_null(strstr(messages, "vendors[1]: EINT 35 (instance 1, "
			       "index 13): is the EINT of pad GPIO 35, which "
			       "the cell does not take; add GPIO 35 to its "
			       "GPIO entry (the pad's owner sets its mode)"));
}

/* A line past an instance's 51: refused as the hypervisor does. */
static void test_720_line_past_instance_refused(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");
	struct jailhouse_vendor *v = vendor(&cell, 1);

	(void)state;
	v->address = 0x11ce0000;		/* instance 0: lines 0-50 */
	v->bitmap[0] = 0;
	v->bitmap[1] = 1 << (51 - 32);
	/* and not a pin of the root cell either */
	assert_int_equal(check("genio-720-evk", &cell, 1), 2);
	assert_non_null(strstr(messages, "vendors[1]: EINT pin 51: the EINT "
			       "instance 0 (MT8391 eint0, 51 lines) at "
			       "0x11ce0000 has 51 pins (0-50)"));
}

/* GPIO 76, the EVK's CAN interrupt: a warning for a cell taking it. */
static void test_720_can_pad_warned(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");

	(void)state;
	vendor(&cell, 0)->bitmap[1] |= 1 << (76 - 64);
	assert_int_equal(check("genio-720-evk", &cell, 1), 0);
	assert_non_null(strstr(messages, "vendors[0]: GPIO 76: on the Genio "
			       "720 EVK the CAN controller's (MCP2518FD) "
			       "interrupt, level-low EINT 76 (instance 1, "
			       "index 37)"));
}

/* A block no table has: refused as the hypervisor refuses it. */
static void test_unknown_block_refused(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");

	(void)state;
	vendor(&cell, 1)->address = 0x12345000;
	assert_int_equal(check("genio-720-evk", &cell, 1), 1);
	assert_non_null(strstr(messages, "vendors[1].address: 0x12345000: no "
			       "MediaTek EINT block the hypervisor knows"));
}

/* The QEMU bench's test blocks are not in the production table. */
static void test_test_block_refused(void **state)
{
	struct config_file cell = read_cell("genio-720-evk-zephyr");

	(void)state;
	assert_null(mtk_find_block(JAILHOUSE_VENDOR_MTK_GPIO, 0x7fb00000));
	assert_null(mtk_find_block(JAILHOUSE_VENDOR_MTK_EINT, 0x7fb01000));
	vendor(&cell, 0)->address = 0x7fb00000;
	/* and the EINTs of pads 33, 34, 38 and 40 lose their pads */
	assert_int_equal(check("genio-720-evk", &cell, 1), 5);
	assert_non_null(strstr(messages, "vendors[0].address: 0x7fb00000: no "
			       "MediaTek GPIO block the hypervisor knows"));
}

/* A pin past the block's pins, as the hypervisor's check_pin says. */
static void test_pin_past_block_refused(void **state)
{
	struct config_file cell = read_cell("genio-700-evk-zephyr");
	struct jailhouse_vendor *v = vendor(&cell, 0);

	(void)state;
	v->base = 128;
	memset(v->bitmap, 0, sizeof(v->bitmap));
	v->bitmap[1] = 1U << 28;			/* pin 188 */
	assert_true(check("genio-700-evk", &cell, 1) >= 1);
	assert_non_null(strstr(messages, "vendors[0]: GPIO pin 188: the GPIO "
			       "(MT8188 family: pins 0-177; MT8391: 0-181) at "
			       "0x10005000 has 182 pins (0-181)"));
}

/* As many cells as the hypervisor runs, and its limit named past it. */
static void test_cell_limit(void **state)
{
	struct config_file cells[JAILHOUSE_MAX_CELLS];
	unsigned int n;

	(void)state;
	for (n = 0; n < JAILHOUSE_MAX_CELLS; n++)
		cells[n] = read_cell("genio-720-evk-zephyr");
	check("genio-720-evk", cells, JAILHOUSE_MAX_CELLS - 1);
	assert_null(strstr(messages, "JAILHOUSE_MAX_CELLS"));
	check("genio-720-evk", cells, JAILHOUSE_MAX_CELLS);
	assert_non_null(strstr(messages, "cells: 32: the hypervisor runs at "
			       "most 31 cells besides the root cell "
			       "(JAILHOUSE_MAX_CELLS 32, root included)"));
}

/* A cell's device marked as doing DMA, on a board without an IOMMU. */
static void test_dma_without_iommu_warned(void **state)
{
	struct config_file cell = read_cell("qemu-arm64-inmate-demo");
	const struct jailhouse_cell_desc *desc = cell.data;
	struct jailhouse_memory *mem = (struct jailhouse_memory *)
		jailhouse_cell_mem_regions(desc);
	unsigned int n;

	(void)state;
	assert_int_equal(check("qemu-arm64", &cell, 1), 0);
	assert_null(strstr(messages, "DMA"));
	for (n = 0; n < desc->num_memory_regions; n++)
		if (mem[n].flags & JAILHOUSE_MEM_IO)
			break;
	assert_true(n < desc->num_memory_regions);
	mem[n].flags |= JAILHOUSE_MEM_DMA;
	assert_int_equal(check("qemu-arm64", &cell, 1), 0);
	assert_non_null(strstr(messages, "WARN: qemu-arm64-inmate-demo: "
			       "mem_regions[0]: (a device that may do DMA): "
			       "the system configuration has no IOMMU: this "
			       "device's DMA reaches all memory"));
}

/* The root cell's memory must be mapped 1:1. */
static void test_root_not_identity_refused(void **state)
{
	struct config_file sys = read_cell("qemu-arm64");
	const struct jailhouse_system *config = sys.data;
	struct jailhouse_memory *mem = (struct jailhouse_memory *)
		jailhouse_cell_mem_regions(&config->root_cell);
	struct config_checker chk = { .report = collect };

	(void)state;
	mem[1].virt_start += 0x200000;
	messages[0] = '\0';
	assert_true(config_check(&chk, &sys, NULL, 0) >= 1);
	assert_non_null(strstr(messages, "mem_regions[1].virt_start: "));
	assert_non_null(strstr(messages, "the root cell's memory is mapped "
			       "1:1: set virt_start to phys_start"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_720_zephyr_accepted),
		cmocka_unit_test(test_720_mt8188_eint_refused),
		cmocka_unit_test(test_700_mt8188_eint_accepted),
		cmocka_unit_test(test_root_of_two_socs_refused),
		cmocka_unit_test(test_720_cells_accepted),
		cmocka_unit_test(test_720_eint_without_pad_refused),
		cmocka_unit_test(test_720_eint_without_gpio_refused),
		cmocka_unit_test(test_720_line_past_instance_refused),
		cmocka_unit_test(test_720_can_pad_warned),
		cmocka_unit_test(test_unknown_block_refused),
		cmocka_unit_test(test_test_block_refused),
		cmocka_unit_test(test_pin_past_block_refused),
		cmocka_unit_test(test_cell_limit),
		cmocka_unit_test(test_dma_without_iommu_warned),
		cmocka_unit_test(test_root_not_identity_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
