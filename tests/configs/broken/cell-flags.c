// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an undefined cell flag.
 *
 * check: qemu-arm64 @
 * expect: flags: 0x40000010: unknown bits 0x10
 */
#define CELL_FLAGS (JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED | 0x10)
#include "cell.h"
