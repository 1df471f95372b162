// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: RAM size not a multiple of the page size.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[1].size: 0x100100: not a multiple of the page size
 */
#define RAM_SIZE 0x100100
#include "cell.h"
