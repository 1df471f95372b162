// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a region that wraps around the address space.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[1].size: 0xffffffffffff0000: virt_start 0x100000 + size wraps around
 */
#define RAM_VIRT 0x100000
#define RAM_SIZE 0xffffffffffff0000
#include "cell.h"
