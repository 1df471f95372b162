// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the system file does not start with "JHSYS".
 *
 * check: @
 * expect: signature: JHSYX: not a system configuration
 */
#define SYS_SIGNATURE "JHSYX"
#include "system.h"
