// SPDX-License-Identifier: GPL-2.0
/* CPU 1 and SPIs 40 and 41: the cell of an RTOS-style GIC init. */
#define CELL_NAME	"two-spis"
#define CELL_CPUS	(1 << 1)
#define CELL_RAM	QEMU_IVSHMEM_CELL_RAM
#define CELL_SPI	40
#define CELL_SPI_MORE	(1u << (41 & 31))
#include "qemu-test-cell.h"
