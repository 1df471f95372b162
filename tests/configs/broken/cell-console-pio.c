// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a cell console without JAILHOUSE_CON_ACCESS_MMIO.
 *
 * check: qemu-arm64 @
 * expect: console.flags: 0x2: arm64 UARTs are memory-mapped
 */
#define CELL_CONSOLE { .address = QEMU_UART, .size = 0x1000, \
	.type = JAILHOUSE_CON_TYPE_PL011, .flags = JAILHOUSE_CON_REGDIST_4 }
#include "cell.h"
