// SPDX-License-Identifier: GPL-2.0
/*
 * A cell whose RAM (1 MiB at 0x50000000) is memory the root cell has,
 * but which Linux uses as System RAM: nobody reserved it.
 */
#define CELL_NAME	"in-linux-ram"
#define CELL_CPUS	(1 << 1)
#define CELL_RAM	0x50000000
#include "qemu-test-cell.h"
