// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the root cell maps the redistributors.
 *
 * check: @
 * expect: mem_regions[10].phys_start: 0x80a0000: maps the GIC redistributors 0x80a0000-0x811ffff
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS REGION(0x080a0000, 0x080c0000, MEM_MMIO)
#include "system.h"
