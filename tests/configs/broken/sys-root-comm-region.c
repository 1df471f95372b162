// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a communication region in the root cell.
 *
 * check: @
 * expect: mem_regions[10].flags: 0x23: the root cell has no communication region
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS COMM_REGION
#include "system.h"
