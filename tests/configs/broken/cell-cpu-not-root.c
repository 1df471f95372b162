// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a CPU the machine (the root cell) does not have.
 *
 * check: qemu-arm64 @
 * expect: cpus: CPU 5: not a CPU of the root cell
 */
#define CELL_CPUS (1 << 5)
#include "cell.h"
