// SPDX-License-Identifier: GPL-2.0
/*
 * printk (hypervisor/printk.c) to a PL011 in host memory and the log
 * ring: a UART that never gets ready (a cell switched off a UART it
 * shares with the root) costs a bounded number of polls, the log ring
 * stays complete, and the UART gets output again once it is ready.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/hypervisor.h>

#define PL011_FR_TXFF	(1 << 5)
#define RELAX_LIMIT	10000000UL	/* "forever" */

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
u8 console_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static struct jailhouse_system sys;
static u32 pl011[0x40];
static unsigned long relax_calls;

/* Each poll of a busy UART relaxes once; a wait without end fails. */
void fake_cpu_relax(void)
{
	if (++relax_calls >= RELAX_LIMIT)
		fail_msg("printk waited for the UART %lu times", relax_calls);
}

static struct jailhouse_virt_console *ring(void)
{
	return (struct jailhouse_virt_console *)console_page;
}

static int setup(void **state)
{
	(void)state;
	sys.debug_console = (struct jailhouse_console){
		.address = (u64)pl011,
		.size = sizeof(pl011),
		.type = JAILHOUSE_CON_TYPE_PL011,
		.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4,
	};
	system_config = &sys;
	console_init();
	return 0;
}

/* The ring's text from @from on. */
static const char *ring_text(unsigned int from)
{
	static char text[256];
	unsigned int n, len = ring()->tail - from;

	assert_true(len < sizeof(text));
	for (n = 0; n < len; n++)
		text[n] = ring()->content[(from + n) %
					  JAILHOUSE_CONSOLE_RING_SIZE];
	text[len] = 0;
	return text;
}

static void test_ready_uart(void **state)
{
	unsigned int tail = ring()->tail;

	(void)state;
	relax_calls = 0;
	pl011[0] = 0;
	printk("hello %d\n", 7);
	assert_string_equal(ring_text(tail), "hello 7\n");
	assert_int_equal(pl011[0], '\n');	/* the last character sent */
	assert_int_equal(relax_calls, 0);
}

/*
 * A UART whose transmit FIFO stays full: the first message waits a
 * bounded time, the next ones poll once each; the ring has every line;
 * when the UART is ready again, the next message goes out.
 */
static void test_stuck_uart(void **state)
{
	unsigned int tail = ring()->tail;
	unsigned long first;

	(void)state;
	relax_calls = 0;
	pl011[0] = 0;
	pl011[0x18 / 4] = PL011_FR_TXFF;
	printk("first line\n");
	first = relax_calls;
	assert_true(first > 1000);
	assert_true(first <= 1000000);
	printk("second line\n");
	printk("third line\n");
	assert_int_equal(relax_calls, first);	/* no further waits */
	assert_int_equal(pl011[0], 0);		/* nothing was sent */
	assert_string_equal(ring_text(tail),
			    "first line\nsecond line\nthird line\n");
	pl011[0x18 / 4] = 0;
	printk("back\n");
	assert_int_equal(pl011[0], '\n');
	assert_int_equal(relax_calls, first);
	assert_string_equal(ring_text(tail), "first line\nsecond line\n"
			    "third line\nback\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ready_uart),
		cmocka_unit_test(test_stuck_uart),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
