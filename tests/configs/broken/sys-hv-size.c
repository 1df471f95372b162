// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: hypervisor memory too small.
 *
 * check: @
 * expect: hypervisor_memory.size: 0x10000: must be a multiple of 4 KiB and at least 1 MiB
 */
#define HV_SIZE 0x10000
#include "system.h"
