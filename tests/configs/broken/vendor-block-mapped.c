// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the mediated GPIO block mapped directly.
 *
 * check: genio-700-evk @
 * expect: mem_regions[3].phys_start: 0x10005000: maps the GPIO block 0x10005000 that vendors[0] mediates per pin
 */
#define NUM_VENDORS 1
#define VENDORS MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8188_GPIO, 32, 38, 38)
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS REGION(MT8188_GPIO, MT8188_GPIO + 0x1000, MEM_MMIO)
#include "genio-cell.h"
