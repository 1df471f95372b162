// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the debug UART lacks JAILHOUSE_CON_ACCESS_MMIO.
 *
 * check: @
 * expect: debug_console.flags: 0x2: arm64 UARTs are memory-mapped
 */
#define DEBUG_CONSOLE { .address = QEMU_UART, .size = 0x1000, \
	.type = JAILHOUSE_CON_TYPE_PL011, \
	.flags = JAILHOUSE_CON_REGDIST_4 }
#include "system.h"
