// SPDX-License-Identifier: GPL-2.0
/*
 * The SoC tables with the test object linked in (SOC_TEST_TABLES=yes):
 * the QEMU bench's blocks are found by the one lookup, after the
 * production ones, and take state slots of their own that no production
 * block can take (mediatek.c indexes its state by mtk_block_index()).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/mtk-tables.h>

static void test_found_after_production(void **state)
{
	const struct mtk_block_desc *gpio, *eint;

	(void)state;
	gpio = mtk_find_block(JAILHOUSE_VENDOR_MTK_GPIO, 0x7fb00000);
	eint = mtk_find_block(JAILHOUSE_VENDOR_MTK_EINT, 0x7fb01000);
	assert_non_null(gpio);
	assert_non_null(eint);
	assert_string_equal(gpio->what, "GPIO test block (QEMU bench)");
	assert_int_equal(eint->irq, 100);
	assert_ptr_equal(gpio->layout, &mtk_gpio_layout);
	assert_ptr_equal(eint->layout, &mtk_eint_layout);
	assert_ptr_equal(mtk_block(mtk_num_blocks), gpio);
	assert_ptr_equal(mtk_block(mtk_num_blocks + 1), eint);
	assert_null(mtk_block(mtk_num_blocks + 2));
	/* a type must match as well as the address */
	assert_null(mtk_find_block(JAILHOUSE_VENDOR_MTK_EINT, 0x7fb00000));
	assert_non_null(mtk_find_soc(MTK_SOC_TEST));
}

static void test_state_slots(void **state)
{
	bool used[MTK_MAX_BLOCKS] = { false };
	const struct mtk_block_desc *desc;
	unsigned int n, slot;

	(void)state;
	for (n = 0; (desc = mtk_block(n)); n++) {
		slot = mtk_block_index(desc);
		assert_true(slot < MTK_MAX_BLOCKS);
		assert_false(used[slot]);
		used[slot] = true;
		if (n < mtk_num_blocks)
			assert_int_equal(slot, n);
		else
			assert_int_equal(slot, MTK_MAX_BLOCKS -
					 MTK_MAX_TEST_BLOCKS +
					 (n - mtk_num_blocks));
	}
	assert_int_equal(n, mtk_num_blocks + 2);
	assert_true(mtk_num_blocks <= MTK_MAX_BLOCKS - MTK_MAX_TEST_BLOCKS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_found_after_production),
		cmocka_unit_test(test_state_slots),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
