// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: RAM the root cell does not have.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[1].phys_start: 0x90000000: 0x90000000-0x900fffff is not memory of the root cell
 */
#define RAM_PHYS 0x90000000
#include "cell.h"
