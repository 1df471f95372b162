// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: RAM inside the hypervisor's memory.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[1].phys_start: 0x7fc00000: overlaps the hypervisor memory 0x7fc00000-0x7fffffff
 */
#define RAM_PHYS QEMU_HV
#include "cell.h"
