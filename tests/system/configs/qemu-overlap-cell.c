// SPDX-License-Identifier: GPL-2.0
/* CPU 2, but RAM that overlaps the inmate-demo cell's second half. */
#define CELL_NAME	"overlap"
#define CELL_CPUS	(1 << 2)
#define CELL_RAM	(QEMU_INMATE_RAM + 0x80000)
#include "qemu-test-cell.h"
