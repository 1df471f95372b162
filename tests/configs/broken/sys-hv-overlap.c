// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the hypervisor memory lies in the root cell's Linux RAM.
 *
 * check: @
 * expect: mem_regions[2].phys_start: 0x40000000: overlaps the hypervisor memory 0x60000000-0x603fffff
 */
#define HV_PHYS 0x60000000
#include "system.h"
