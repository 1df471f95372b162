// SPDX-License-Identifier: GPL-2.0
/* CPU 1, inmate-demo RAM, pins 4-7 of the bench's GPIO test block. */
#include "mediatek.h"

#define CELL_NAME	"gpio-demo"
#define CELL_CPUS	(1 << 1)
#define CELL_RAM	QEMU_INMATE_RAM
#define CELL_VENDOR	MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, 0x7fb00000, 0, 4, 7)
#include "qemu-test-cell.h"
