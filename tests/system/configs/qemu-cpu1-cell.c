// SPDX-License-Identifier: GPL-2.0
/* CPU 1, which the inmate-demo cell has too; RAM of its own. */
#define CELL_NAME	"cpu-thief"
#define CELL_CPUS	(1 << 1)
#define CELL_RAM	QEMU_IVSHMEM_CELL_RAM
#include "qemu-test-cell.h"
