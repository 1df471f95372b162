// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the root cell maps the emulated PCI config space.
 *
 * check: @
 * expect: mem_regions[2].phys_start: 0x70000000: maps the virtual PCI host's config space at 0x7fb00000
 */
#define CELLS_RAM_END 0x7fc00000
#include "system.h"
