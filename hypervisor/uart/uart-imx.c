// SPDX-License-Identifier: GPL-2.0
/* NXP i.MX UART: transmit register UTXD, FIFO-full flag in UTS. */
#include <jailhouse/uart.h>

#define UART_UTXD		0x40
#define UART_UTS		0xb4
#define UART_UTS_TXFULL		(1 << 4)

static void imx_init(struct uart_chip *chip)
{
	(void)chip;
}

static bool imx_is_busy(struct uart_chip *chip)
{
	return *(volatile u32 *)((volatile u8 *)chip->base + UART_UTS) &
		UART_UTS_TXFULL;
}

static void imx_write_char(struct uart_chip *chip, char c)
{
	*(volatile u32 *)((volatile u8 *)chip->base + UART_UTXD) = (u8)c;
}

const struct uart_chip uart_imx = {
	.init = imx_init,
	.is_busy = imx_is_busy,
	.write_char = imx_write_char,
};
