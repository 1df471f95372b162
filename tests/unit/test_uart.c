// SPDX-License-Identifier: GPL-2.0
/*
 * The console UART drivers (hypervisor/uart) against register blocks in
 * host memory: which register each writes, at which distance and width.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/uart.h>
#include <jailhouse/cell-config.h>

static union {
	u8 bytes[0x100];
	u32 words[0x40];
} regs;

static struct uart_chip chip_for(const struct uart_chip *driver,
				 unsigned int reg_dist)
{
	struct uart_chip chip = *driver;

	memset(&regs, 0, sizeof(regs));
	chip.base = &regs;
	chip.reg_dist = reg_dist;
	return chip;
}

static void test_8250_regdist_1(void **state)
{
	struct uart_chip chip = chip_for(&uart_8250, 1);

	(void)state;
	regs.bytes[5] = 0x00;			/* LSR: THR not empty */
	assert_true(chip.is_busy(&chip));
	regs.bytes[5] = 0x20;
	assert_false(chip.is_busy(&chip));
	chip.write_char(&chip, 'J');
	assert_int_equal(regs.bytes[0], 'J');
	/* an 8-bit write: the bytes after THR are untouched */
	assert_int_equal(regs.bytes[1] | regs.bytes[2] | regs.bytes[3], 0);
}

static void test_8250_regdist_4_divider(void **state)
{
	struct uart_chip chip = chip_for(&uart_8250, 4);

	(void)state;
	chip.divider = 0x1b;
	chip.mdr_quirk = true;
	regs.words[8] = 0xff;			/* MDR1 */
	chip.init(&chip);
	assert_int_equal(regs.words[8], 0);	/* MDR1 cleared: UART mode */
	assert_int_equal(regs.words[0], 0x1b);	/* DLL (DLAB was set) */
	assert_int_equal(regs.words[1], 0x00);	/* DLM */
	assert_int_equal(regs.words[3], 0x03);	/* LCR: 8N1, DLAB off */
	regs.words[5] = 0x20;
	assert_false(chip.is_busy(&chip));
	chip.write_char(&chip, 'H');
	assert_int_equal(regs.words[0], 'H');
}

static void test_8250_keeps_setup_without_divider(void **state)
{
	struct uart_chip chip = chip_for(&uart_8250, 4);

	(void)state;
	regs.words[3] = 0x1b;			/* whatever Linux set */
	chip.init(&chip);
	assert_int_equal(regs.words[3], 0x1b);
}

static void test_pl011(void **state)
{
	struct uart_chip chip = chip_for(&uart_pl011, 4);

	(void)state;
	regs.words[0x18 / 4] = 1 << 5;		/* FR: TX FIFO full */
	assert_true(chip.is_busy(&chip));
	regs.words[0x18 / 4] = 0;
	assert_false(chip.is_busy(&chip));
	chip.write_char(&chip, 'x');
	assert_int_equal(regs.words[0], 'x');
}

static void test_imx(void **state)
{
	struct uart_chip chip = chip_for(&uart_imx, 4);

	(void)state;
	regs.words[0xb4 / 4] = 1 << 4;		/* UTS: TX FIFO full */
	assert_true(chip.is_busy(&chip));
	regs.words[0xb4 / 4] = 0;
	chip.write_char(&chip, 'y');
	assert_int_equal(regs.words[0x40 / 4], 'y');
}

static void test_driver_choice(void **state)
{
	(void)state;
	assert_ptr_equal(uart_driver(JAILHOUSE_CON_TYPE_PL011), &uart_pl011);
	assert_ptr_equal(uart_driver(JAILHOUSE_CON_TYPE_8250), &uart_8250);
	assert_ptr_equal(uart_driver(JAILHOUSE_CON_TYPE_IMX), &uart_imx);
	assert_null(uart_driver(JAILHOUSE_CON_TYPE_NONE));
	assert_null(uart_driver(JAILHOUSE_CON_TYPE_SCIF));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_8250_regdist_1),
		cmocka_unit_test(test_8250_regdist_4_divider),
		cmocka_unit_test(test_8250_keeps_setup_without_divider),
		cmocka_unit_test(test_pl011),
		cmocka_unit_test(test_imx),
		cmocka_unit_test(test_driver_choice),
	};

	return cmocka_run_group_tests_name("uart", tests, NULL, NULL);
}
