// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the first CPU would start outside the cell.
 *
 * check: qemu-arm64 @
 * expect: cpu_reset_address: 0x200000: not inside any memory region of the cell
 */
#define CELL_RESET 0x200000
#include "cell.h"
