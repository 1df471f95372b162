// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the root cell maps the emulated PCI config space.
 *
 * check: @
 * expect: mem_regions[10].phys_start: 0xc000000: maps the virtual PCI host's config space at 0xc000000
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS REGION(QEMU_VPCI_ECAM, QEMU_VPCI_ECAM + 0x100000, MEM_MMIO)
#include "system.h"
