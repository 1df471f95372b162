// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a cell without a name.
 *
 * check: qemu-arm64 @
 * expect: name: "": the cell has no name
 */
#define CELL_NAME ""
#include "cell.h"
