// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: RAM that another cell owns.
 *
 * check: qemu-arm64 qemu-arm64-inmate-demo @
 * expect: mem_regions[1].phys_start: 0x7f000000: overlaps mem_regions[1] of cell 'inmate-demo'
 */
#define RAM_PHYS QEMU_INMATE_RAM
#include "cell.h"
