// SPDX-License-Identifier: GPL-2.0
/* CPU 1, inmate-demo RAM, EINT lines 4-7 of the bench's EINT test block. */
#include "mediatek.h"

#define CELL_NAME	"eint-demo"
#define CELL_CPUS	(1 << 1)
#define CELL_RAM	QEMU_INMATE_RAM
#define CELL_VENDOR	MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, 0x7fb01000, 0, 4, 7)
#include "qemu-test-cell.h"
