// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the name of another cell.
 *
 * check: qemu-arm64 qemu-arm64-inmate-demo @
 * expect: name: inmate-demo: the cell in configs/arm64/qemu-arm64-inmate-demo.cell has the same name; cell names must be unique
 */
#define CELL_NAME "inmate-demo"
#include "cell.h"
