// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a pin of the uart-demo cell.
 *
 * check: genio-700-evk genio-700-evk-uart-demo @
 * expect: vendors[0]: GPIO pin 33: block 0x10005000: also claimed by cell 'uart-demo'
 */
#define NUM_VENDORS 1
#define VENDORS MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8188_GPIO, 32, 33, 33)
#include "genio-cell.h"
