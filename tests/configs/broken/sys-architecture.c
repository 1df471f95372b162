// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: built for x86.
 *
 * check: @
 * expect: architecture: 0: built for x86 (0), not arm64
 */
#define SYS_ARCH JAILHOUSE_X86
#include "system.h"
