// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the root cell maps the window after the ECAM where
 * the virtual PCI host puts its IVSHMEM register BARs.
 *
 * check: @
 * expect: mem_regions[10].virt_start: 0xc100000: maps the virtual PCI host's BAR window 0xc100000-0xc101fff (after the ECAM window), where the root cell's IVSHMEM registers go; leave it out
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS REGION(QEMU_VPCI_ECAM + 0x100000, \
			     QEMU_VPCI_ECAM + 0x200000, MEM_MMIO)
#include "system.h"
