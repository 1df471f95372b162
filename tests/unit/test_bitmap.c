// SPDX-License-Identifier: GPL-2.0
/* Unit tests of the configuration bitmaps (hypervisor/bitmap.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/bitmap.h>

/* Bit n of a cpu set is bit n % 8 of byte n / 8, whatever the host. */
static void test_byte_order(void **state)
{
	u8 set[2] = { 0 };

	(void)state;
	bitmap8_set(set, 0);
	bitmap8_set(set, 9);
	assert_int_equal(set[0], 0x01);
	assert_int_equal(set[1], 0x02);
	assert_true(bitmap8_test(set, 9));
	assert_false(bitmap8_test(set, 8));
	bitmap8_clear(set, 9);
	assert_int_equal(set[1], 0x00);
}

static void test_word_order(void **state)
{
	u32 pins[4] = { 0 };

	(void)state;
	bitmap32_set(pins, 33);
	assert_int_equal(pins[1], 0x2);
	assert_true(bitmap32_test(pins, 33));
	assert_false(bitmap32_test(pins, 1));
	bitmap32_set(pins, 127);
	assert_int_equal(pins[3], 0x80000000u);
	bitmap32_clear(pins, 127);
	assert_int_equal(pins[3], 0);
}

static void test_next_and_iteration(void **state)
{
	/* CPUs 1, 3, 8 and 13 */
	const u8 set[2] = { 0x0a, 0x21 };
	unsigned int nr, seen[8], count = 0;

	(void)state;
	assert_int_equal(bitmap8_next(set, 16, 0), 1);
	assert_int_equal(bitmap8_next(set, 16, 2), 3);
	assert_int_equal(bitmap8_next(set, 16, 4), 8);
	assert_int_equal(bitmap8_next(set, 16, 14), 16);
	for_each_bit8(nr, set, 16)
		seen[count++] = nr;
	assert_int_equal(count, 4);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[3], 13);
	assert_int_equal(bitmap8_weight(set, 16), 4);
}

/* A size that ends inside a byte hides the bits beyond it. */
static void test_size_limits(void **state)
{
	const u8 set[1] = { 0xf0 };

	(void)state;
	assert_int_equal(bitmap8_next(set, 4, 0), 4);
	assert_int_equal(bitmap8_next(set, 6, 0), 4);
	assert_int_equal(bitmap8_weight(set, 6), 2);
	assert_int_equal(bitmap8_weight(set, 0), 0);
}

static void test_subset(void **state)
{
	const u8 root[1] = { 0x0f };
	const u8 cell[1] = { 0x06 };
	const u8 foreign[1] = { 0x12 };
	/* a longer set whose extra bytes are empty is still a subset */
	const u8 cell_long[8] = { 0x06 };
	const u8 cell_far[8] = { 0x06, 0, 0, 0, 0, 0, 0, 0x80 };

	(void)state;
	assert_true(bitmap8_subset(cell, 1, root, 1));
	assert_false(bitmap8_subset(foreign, 1, root, 1));
	assert_true(bitmap8_subset(cell_long, 8, root, 1));
	assert_false(bitmap8_subset(cell_far, 8, root, 1));
	assert_true(bitmap8_subset(root, 0, cell, 1));
}

static void test_intersects(void **state)
{
	const u8 a[2] = { 0x01, 0x80 };
	const u8 b[2] = { 0x02, 0x80 };
	const u8 c[1] = { 0x02 };

	(void)state;
	assert_true(bitmap8_intersects(a, 2, b, 2));
	assert_false(bitmap8_intersects(a, 2, c, 1));
	assert_false(bitmap8_intersects(a, 1, b, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_byte_order),
		cmocka_unit_test(test_word_order),
		cmocka_unit_test(test_next_and_iteration),
		cmocka_unit_test(test_size_limits),
		cmocka_unit_test(test_subset),
		cmocka_unit_test(test_intersects),
	};

	return cmocka_run_group_tests_name("bitmap", tests, NULL, NULL);
}
