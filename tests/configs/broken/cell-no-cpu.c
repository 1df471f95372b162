// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an empty CPU set.
 *
 * check: qemu-arm64 @
 * expect: cpus: 0: the cell has no CPU
 */
#define CELL_CPUS 0
#include "cell.h"
