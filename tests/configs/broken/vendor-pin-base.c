// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a pin window not on a 32-pin boundary.
 *
 * check: genio-700-evk @
 * expect: vendors[0].pin_base: 16: must be 0, 32, 64, 96 or 128
 */
#define NUM_VENDORS 1
#define VENDORS { .type = JAILHOUSE_VENDOR_MTK_GPIO, .address = MT8188_GPIO, \
	.base = 16, .bitmap = { 1 } }
#include "genio-cell.h"
