// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an undefined memory flag.
 *
 * check: @
 * expect: mem_regions[2].flags: 0x40f: unknown bits 0x400
 */
#define LINUX_RAM_FLAGS (MEM_RAM_RWX | 0x400)
#include "system.h"
