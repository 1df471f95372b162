// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the root cell maps the GIC distributor.
 *
 * check: @
 * expect: mem_regions[10].phys_start: 0x8000000: maps the GIC distributor at 0x8000000
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS REGION(0x08000000, 0x08010000, MEM_MMIO)
#include "system.h"
