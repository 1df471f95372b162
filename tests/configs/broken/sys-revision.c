// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an older configuration revision.
 *
 * check: @
 * expect: revision: 13: configuration revision 13, expected 15
 */
#define SYS_REVISION 13
#include "system.h"
