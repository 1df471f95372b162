// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the file lost its last 32 bytes.
 *
 * check: @
 * expect: size: 884: file truncated: the counts in the descriptor need 916 bytes
 * mutate: truncate 32
 */
#include "system.h"
