// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a GPIO pin the SoC (the root cell) does not have.
 *
 * check: genio-700-evk @
 * expect: vendors[0]: GPIO pin 178: block 0x10005000: not a pin of the root cell
 */
#define NUM_VENDORS 1
#define VENDORS MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8188_GPIO, 128, 178, 178)
#include "genio-cell.h"
