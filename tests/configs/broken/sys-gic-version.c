// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: GICv2.
 *
 * check: @
 * expect: platform_info.arm.gic_version: 2: only GICv3 is supported
 */
#define GIC_VERSION 2
#include "system.h"
