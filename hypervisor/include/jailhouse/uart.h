/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UART drivers for consoles: the hypervisor's debug console and, from the
 * inmate library, the cells' consoles.  They only send.
 */
#ifndef _JAILHOUSE_UART_H
#define _JAILHOUSE_UART_H

#include <jailhouse/types.h>

struct uart_chip {
	volatile void *base;
	unsigned int reg_dist;		/* 1: 8-bit registers, 4: 32-bit */
	u32 divider;			/* 0: keep the set-up */
	bool mdr_quirk;
	void (*init)(struct uart_chip *chip);
	bool (*is_busy)(struct uart_chip *chip);
	void (*write_char)(struct uart_chip *chip, char c);
};

extern const struct uart_chip uart_pl011;
extern const struct uart_chip uart_8250;
extern const struct uart_chip uart_imx;

/* Driver for console @type (JAILHOUSE_CON_TYPE_*), or NULL. */
const struct uart_chip *uart_driver(unsigned int type);

static inline u32 uart_read(struct uart_chip *chip, unsigned int reg)
{
	volatile u8 *addr = (volatile u8 *)chip->base + reg * chip->reg_dist;

	return chip->reg_dist == 4 ? *(volatile u32 *)addr : *addr;
}

static inline void uart_write(struct uart_chip *chip, unsigned int reg,
			      u32 value)
{
	volatile u8 *addr = (volatile u8 *)chip->base + reg * chip->reg_dist;

	if (chip->reg_dist == 4)
		*(volatile u32 *)addr = value;
	else
		*addr = (u8)value;
}

#endif /* !_JAILHOUSE_UART_H */
