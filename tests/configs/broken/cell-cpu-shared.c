// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the CPU of another cell.
 *
 * check: qemu-arm64 qemu-arm64-inmate-demo @
 * expect: cpus: CPU 1: also assigned to cell 'inmate-demo'
 */
#define CELL_CPUS (1 << 1)
#include "cell.h"
