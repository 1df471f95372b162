// SPDX-License-Identifier: GPL-2.0
/*
 * The shipped Genio configurations (configs/arm64/genio-*.cell, built by
 * make) through the hypervisor's MediaTek mediation: each root cell's
 * vendor entries are accepted, each cell of the board can be created with
 * its pins and destroyed again.  The blocks' pages are mapped at their
 * real addresses in this process.
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

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;

static void *read_cell(const char *name)
{
	char path[512];
	static char buf[8][65536];
	static unsigned int next;
	char *data = buf[next++ % 8];
	FILE *f;
	size_t len;

	snprintf(path, sizeof(path), "%s/configs/arm64/%s.cell", JH_TOP, name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("%s missing: build the configurations (make -C configs)",
			 path);
	len = fread(data, 1, sizeof(buf[0]), f);
	fclose(f);
	assert_true(len > 0);
	return data;
}

static int setup(void **state)
{
	unsigned int n;
	void *page;

	(void)state;
	for (n = 0; n < mtk_num_blocks; n++) {
		page = mmap((void *)mtk_blocks[n].address, MTK_BLOCK_SIZE,
			    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
			    MAP_FIXED_NOREPLACE, -1, 0);
		if (page != (void *)mtk_blocks[n].address)
			return -1;
	}
	return 0;
}

/* An empty MMIO table for a cell about to be created. */
static struct mmio_table new_table(void)
{
	static struct mmio_region regions[4][16];
	static unsigned int next;

	return (struct mmio_table){
		.regions = regions[next++ % 4], .capacity = 16,
	};
}

/* @board's root cell, then each of @names created and destroyed. */
static void check_board(const char *board, const char *const *names,
			u64 block, unsigned int pin)
{
	struct jailhouse_system *sys = read_cell(board);
	struct cell cell = { 0 };
	char name[64];
	unsigned int n;

	root_cell.config = &sys->root_cell;
	root_cell.mmio = new_table();
	assert_int_equal(mtk_cell_init(&root_cell), 0);
	assert_ptr_equal(mtk_pin_owner(block, pin), &root_cell);
	for (n = 0; names[n]; n++) {
		snprintf(name, sizeof(name), "%s-%s", board, names[n]);
		cell.config = read_cell(name);
		cell.mmio = new_table();
		last_log[0] = 0;
		if (mtk_cell_init(&cell))
			fail_msg("%s refused: %s", name, last_log);
		mtk_cell_exit(&cell);
	}
	assert_ptr_equal(mtk_pin_owner(block, pin), &root_cell);
}

static const char *const genio_cells[] = {
	"zephyr", "uart-demo", "ivshmem-demo", NULL,
};

static void test_genio_700(void **state)
{
	(void)state;
	check_board("genio-700-evk", genio_cells, 0x10005000, 177);
}

static void test_genio_510(void **state)
{
	(void)state;
	check_board("genio-510-evk", genio_cells, 0x10005000, 177);
}

/*
 * The Zephyr cell of seed 000: UART1 pins 33/34, pads 38/40, and the
 * EINTs of all four in instance 1 (0x11de0000), lines 11, 12, 16, 18.
 */
static void test_genio_720(void **state)
{
	static const unsigned int lines[] = { 11, 12, 16, 18 };
	struct cell zephyr = { 0 };
	unsigned int n;

	(void)state;
	check_board("genio-720-evk", genio_cells, 0x10005000, 181);
	assert_ptr_equal(mtk_pin_owner(0x11de0000, 87), &root_cell);
	assert_ptr_equal(mtk_pin_owner(0x11f00000, 8), &root_cell);
	assert_null(mtk_pin_owner(0x11f00000, 9));	/* 9 lines */
	zephyr.config = read_cell("genio-720-evk-zephyr");
	zephyr.mmio = new_table();
	assert_int_equal(mtk_cell_init(&zephyr), 0);
	assert_ptr_equal(mtk_pin_owner(0x10005000, 33), &zephyr);
	assert_ptr_equal(mtk_pin_owner(0x10005000, 34), &zephyr);
	for (n = 0; n < 4; n++)
		assert_ptr_equal(mtk_pin_owner(0x11de0000, lines[n]), &zephyr);
	assert_ptr_equal(mtk_pin_owner(0x11ce0000, 38), &root_cell);
	mtk_cell_exit(&zephyr);
	assert_ptr_equal(mtk_pin_owner(0x11de0000, 16), &root_cell);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_genio_700),
		cmocka_unit_test(test_genio_510),
		cmocka_unit_test(test_genio_720),
	};

	return cmocka_run_group_tests_name("mtk-genio", tests, setup, NULL);
}
