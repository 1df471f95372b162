// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: RAM not starting on a page.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[1].phys_start: 0x7f300800: not page-aligned (4 KiB)
 */
#define RAM_PHYS 0x7f300800
#include "cell.h"
