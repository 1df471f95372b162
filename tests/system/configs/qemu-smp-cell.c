// SPDX-License-Identifier: GPL-2.0
/* Two CPUs, 2 and 3, and SPI INTID 40, for the SMP and ownership tests. */
#define CELL_NAME	"smp-demo"
#define CELL_CPUS	(1 << 2) | (1 << 3)
#define CELL_RAM	QEMU_IVSHMEM_CELL_RAM
#define CELL_SPI	40
#include "qemu-test-cell.h"
