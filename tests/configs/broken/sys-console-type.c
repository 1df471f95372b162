// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an unknown console type.
 *
 * check: @
 * expect: debug_console.type: 42: unknown console type
 */
#define DEBUG_CONSOLE { .address = QEMU_UART, .size = 0x1000, \
	.type = 42, .flags = JAILHOUSE_CON_ACCESS_MMIO }
#include "system.h"
