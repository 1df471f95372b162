// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a communication region of two pages.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[2].size: 0x2000: the communication region is one page (0x1000)
 */
#define CELL_COMM_REGION { .virt_start = 0x80000000, .size = 0x2000, \
	.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
	JAILHOUSE_MEM_COMM_REGION }
#include "cell.h"
