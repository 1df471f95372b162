// SPDX-License-Identifier: GPL-2.0
/* ARM PL011 (QEMU virt): 32-bit registers, the set-up left as it is. */
#include <jailhouse/uart.h>

#define PL011_DR		0x00
#define PL011_FR		0x18
#define PL011_FR_BUSY		(1 << 3)
#define PL011_FR_TXFF		(1 << 5)

static void pl011_init(struct uart_chip *chip)
{
	(void)chip;
}

static bool pl011_is_busy(struct uart_chip *chip)
{
	return *(volatile u32 *)((volatile u8 *)chip->base + PL011_FR) &
		PL011_FR_TXFF;
}

static void pl011_write_char(struct uart_chip *chip, char c)
{
	*(volatile u32 *)((volatile u8 *)chip->base + PL011_DR) = (u8)c;
}

const struct uart_chip uart_pl011 = {
	.init = pl011_init,
	.is_busy = pl011_is_busy,
	.write_char = pl011_write_char,
};
