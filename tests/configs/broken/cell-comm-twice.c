// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: two communication regions.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[3].flags: 0x23: a second communication region
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS { .virt_start = 0x80001000, .size = 0x1000, \
	.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
	JAILHOUSE_MEM_COMM_REGION }
#include "cell.h"
