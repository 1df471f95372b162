// SPDX-License-Identifier: GPL-2.0
/* CPU 1 with the inmate-demo RAM, never asked: PASSIVE_COMMREG. */
#define CELL_NAME	"passive"
#define CELL_CPUS	(1 << 1)
#define CELL_RAM	QEMU_INMATE_RAM
#define CELL_FLAGS	JAILHOUSE_CELL_PASSIVE_COMMREG
#include "qemu-test-cell.h"
