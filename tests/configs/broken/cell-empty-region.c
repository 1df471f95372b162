// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a region of size 0.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[3].size: 0x0: empty region; remove it
 */
#define NUM_EXTRA_REGIONS 1
#define EXTRA_REGIONS { 0 }
#include "cell.h"
