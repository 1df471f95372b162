// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a "sub-page" I/O region of 2 MiB and 256 bytes from
 * the root's UART on (start and size not page-aligned): the hypervisor
 * maps a sub-page region's pages for itself, 16 at most.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[3].size: 0x200100: the sub-page I/O region 0x9000000-0x92000ff touches 513 pages, more than the 16 (64 KiB) the hypervisor maps to trap it: make it whole pages (mapped into the cell), or only the registers the cell needs
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS { .phys_start = QEMU_UART, \
	.virt_start = 0x30000000, .size = 0x200100, \
	.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO | \
		JAILHOUSE_MEM_ROOTSHARED }
#include "cell.h"
