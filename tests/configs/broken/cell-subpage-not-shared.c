// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: 256 bytes of the root's UART page without
 * ROOTSHARED (the hypervisor would take the whole page from the root).
 *
 * check: qemu-arm64 @
 * expect: mem_regions[3].flags: 0x13: a sub-page region (0x9000100, size 0x100) stays in the root cell, which keeps the rest of its page: add JAILHOUSE_MEM_ROOTSHARED, or make the region whole pages
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS { .phys_start = QEMU_UART + 0x100, \
	.virt_start = 0x09100100, .size = 0x100, \
	.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO }
#include "cell.h"
