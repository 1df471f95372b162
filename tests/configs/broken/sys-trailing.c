// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: bytes after the last array.
 *
 * check: @
 * expect: size: 924: 8 bytes more than the counts in the descriptor describe (916)
 * mutate: append 8
 */
#include "system.h"
