// SPDX-License-Identifier: GPL-2.0
/*
 * MTK_PINS (configs/arm64/mediatek.h), which the Genio root cells use to
 * list every pin of a block: the bits it sets are exactly the pins asked
 * for, in every 32-pin word of the 128-pin window.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "mediatek.h"

static const struct jailhouse_vendor gpio_high =
	MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, 0x10005000, 128, 128, 177);
static const struct jailhouse_vendor eint_high =
	MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, 0x1000b000, 128, 128, 224);
static const struct jailhouse_vendor uart_pins =
	MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, 0x10005000, 32, 33, 34);
static const struct jailhouse_vendor straddling =
	MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, 0x10005000, 0, 30, 65);

static void test_ranges(void **state)
{
	(void)state;
	assert_int_equal(gpio_high.base, 128);
	assert_int_equal(gpio_high.address, 0x10005000);
	assert_int_equal(gpio_high.bitmap[0], 0xffffffff);
	assert_int_equal(gpio_high.bitmap[1], 0x0003ffff);	/* 160-177 */
	assert_int_equal(gpio_high.bitmap[2], 0);
	assert_int_equal(eint_high.bitmap[3], 0x1);		/* 224 */
	assert_int_equal(eint_high.type, JAILHOUSE_VENDOR_MTK_EINT);
	assert_int_equal(uart_pins.bitmap[0], 0x6);
	assert_int_equal(uart_pins.bitmap[1], 0);
	assert_int_equal(straddling.bitmap[0], 0xc0000000);	/* 30, 31 */
	assert_int_equal(straddling.bitmap[1], 0xffffffff);	/* 32-63 */
	assert_int_equal(straddling.bitmap[2], 0x3);		/* 64, 65 */
	assert_int_equal(straddling.bitmap[3], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges),
	};

	return cmocka_run_group_tests_name("mtk_pins", tests, NULL, NULL);
}
