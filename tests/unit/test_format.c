// SPDX-License-Identifier: GPL-2.0
/*
 * The freestanding vsnprintf (hypervisor/format.c) against the C library:
 * every case below must produce the same text and return value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

/* Build the core's implementation under other names, beside libc's. */
#define vsnprintf jh_vsnprintf
#define snprintf jh_snprintf
#include "../../hypervisor/format.c"
#undef vsnprintf
#undef snprintf

#define SAME(fmt, ...)							\
	do {								\
		char mine[128], libc[128];				\
		int n1 = jh_snprintf(mine, sizeof(mine), fmt, __VA_ARGS__); \
		int n2 = snprintf(libc, sizeof(libc), fmt, __VA_ARGS__); \
		assert_string_equal(mine, libc);			\
		assert_int_equal(n1, n2);				\
	} while (0)

static void test_integers(void **state)
{
	(void)state;
	SAME("%d %i %u", -42, 7, 4000000000u);
	SAME("%x %X %08x", 0xbeefu, 0xbeefu, 0x1234u);
	SAME("%lx %llx", 0xfffffffffffUL, 0x8000000000000000ULL);
	SAME("%lld %ld", -9223372036854775807LL - 1, -1L);
	SAME("%zu %hhu %hd", (size_t)12345, 300, 70000);
	SAME("[%5d] [%-5d] [%05d]", 42, 42, -42);
	SAME("[%*d] [%-*u]", 6, 1, 4, 2u);
	SAME("%d", 0);
}

static void test_strings_and_chars(void **state)
{
	(void)state;
	SAME("%s and %c", "cell", 'x');
	SAME("[%10s] [%-10s]", "abc", "abc");
	SAME("[%.3s] [%.*s]", "abcdef", 2, "xyz");
	SAME("%s", "");
	SAME("100%% %s", "done");
}

static void test_pointer(void **state)
{
	char mine[32];

	(void)state;
	jh_snprintf(mine, sizeof(mine), "%p", (void *)0x7fc00000UL);
	assert_string_equal(mine, "0x7fc00000");
}

/* A short buffer truncates but still terminates; the length is whole. */
static void test_truncation(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'X', sizeof(buf));
	assert_int_equal(jh_snprintf(buf, 5, "%s-%d", "abcdef", 12), 9);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], 'X');
	assert_int_equal(jh_snprintf(NULL, 0, "%u", 123456u), 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_strings_and_chars),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_truncation),
	};

	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
