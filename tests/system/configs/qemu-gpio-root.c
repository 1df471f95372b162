// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with the bench's GPIO and EINT test blocks: reserved
 * RAM pages at 0x7fb00000 and 0x7fb01000 that the hypervisor mediates
 * with the MediaTek GPIO and EINT layouts (the EINT block's line is
 * INTID 100).  The pages are not mapped: every access traps.  The root
 * cell owns GPIO 0-191 and EINT 0-255.
 */
#include "mediatek.h"

#define QEMU_GPIO_TEST		0x7fb00000
#define ROOT_NAME		"qemu-gpio-root"
#define ROOT_NUM_REGIONS	7
#define ROOT_REGIONS							\
	QEMU_UART_REGION,						\
	REGION(QEMU_UART + 0x1000, QEMU_VPCI_ECAM, MEM_MMIO),		\
	REGION(QEMU_VPCI_END, 0x40000000, MEM_MMIO),			\
	REGION(0x40000000, QEMU_CELLS_RAM, MEM_RAM_RWX),		\
	REGION(QEMU_CELLS_RAM, QEMU_GPIO_TEST, MEM_RAM_RWX),		\
	REGION(QEMU_GPIO_TEST + 0x2000, QEMU_HV, MEM_RAM_RWX),		\
	REGION(0x4010000000, 0x4020000000, MEM_MMIO),
#define QEMU_EINT_TEST		0x7fb01000
#define ROOT_NUM_VENDORS	4
#define ROOT_VENDORS							\
	MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, QEMU_GPIO_TEST, 0, 0, 127),	\
	MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, QEMU_GPIO_TEST, 128, 128, 191), \
	MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, QEMU_EINT_TEST, 0, 0, 127),	\
	MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, QEMU_EINT_TEST, 128, 128, 255),

#include "qemu-test-root.h"
