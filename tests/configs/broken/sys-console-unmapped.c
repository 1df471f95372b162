// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the debug UART is not in the root cell's regions.
 *
 * check: @
 * expect: debug_console.address: 0x1000000: the debug UART is outside the root cell's memory regions
 */
#define DEBUG_CONSOLE { .address = 0x01000000, .size = 0x1000, \
	.type = JAILHOUSE_CON_TYPE_PL011, \
	.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4 }
#include "system.h"
