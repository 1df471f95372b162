// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a PSCI call in the SMC allow-list.
 *
 * check: qemu-arm64 @
 * expect: smc_ids[0]: 0xc4000003: an Arm standard service (PSCI) call: the hypervisor handles these itself
 */
#define NUM_SMC_IDS 1
#define SMC_IDS 0xc4000003
#include "cell.h"
