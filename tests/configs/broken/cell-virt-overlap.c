// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: two regions at the same guest address.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[3].virt_start: 0x0: overlaps mem_regions[1] (0x0, size 0x100000) in the cell's address space
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS { .phys_start = 0x7f400000, .virt_start = 0, \
	.size = 0x1000, .flags = MEM_LOADABLE }
#include "cell.h"
