// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a yielding call in the SMC allow-list.
 *
 * check: qemu-arm64 @
 * expect: smc_ids[0]: 0x2000517: a yielding call (bit 31 clear)
 */
#define NUM_SMC_IDS 1
#define SMC_IDS 0x02000517
#include "cell.h"
