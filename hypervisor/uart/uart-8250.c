// SPDX-License-Identifier: GPL-2.0
/*
 * 8250/16550 (TI K3, MediaTek, QEMU's PCI serial): registers 1 byte apart
 * with 8-bit accesses, or 4 bytes apart with 32-bit accesses.  The divisor
 * is programmed only when the configuration gives one.
 */
#include <jailhouse/uart.h>

#define UART_THR		0
#define UART_DLL		0
#define UART_DLM		1
#define UART_LCR		3
#define UART_LSR		5
#define UART_MDR1		8
#define UART_LCR_8N1		0x03
#define UART_LCR_DLAB		0x80
#define UART_LSR_THRE		0x20

static void uart8250_init(struct uart_chip *chip)
{
	if (chip->mdr_quirk)
		uart_write(chip, UART_MDR1, 0);
	if (!chip->divider)
		return;
	uart_write(chip, UART_LCR, UART_LCR_DLAB);
	uart_write(chip, UART_DLL, chip->divider & 0xff);
	uart_write(chip, UART_DLM, (chip->divider >> 8) & 0xff);
	uart_write(chip, UART_LCR, UART_LCR_8N1);
}

static bool uart8250_is_busy(struct uart_chip *chip)
{
	return !(uart_read(chip, UART_LSR) & UART_LSR_THRE);
}

static void uart8250_write_char(struct uart_chip *chip, char c)
{
	uart_write(chip, UART_THR, (u8)c);
}

const struct uart_chip uart_8250 = {
	.init = uart8250_init,
	.is_busy = uart8250_is_busy,
	.write_char = uart8250_write_char,
};
