// SPDX-License-Identifier: GPL-2.0
#include <jailhouse/uart.h>
#include <jailhouse/cell-config.h>

const struct uart_chip *uart_driver(unsigned int type)
{
	switch (type) {
	case JAILHOUSE_CON_TYPE_PL011:
		return &uart_pl011;
	case JAILHOUSE_CON_TYPE_8250:
		return &uart_8250;
	case JAILHOUSE_CON_TYPE_IMX:
		return &uart_imx;
	default:
		return NULL;
	}
}
