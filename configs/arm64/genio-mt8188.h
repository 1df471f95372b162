/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MediaTek MT8188 family: MT8390 (Genio 700 EVK) and MT8370 (Genio 510
 * EVK), with the memory layout of MediaTek's BSP (Linux 6.6), whose device
 * tree reserves (patches/linux, patch 3):
 *
 *   0x6ac00000   4 MiB  hypervisor
 *   0x6b000000   8 MiB  RAM lent to cells
 *   0x6b800000   2 MiB  virtual PCI host, ECAM (emulated)
 *   0x6ba00000   1 MiB  IVSHMEM
 *
 * Facts from shared/reference/boards.md §7, §9, §10.
 */
#ifndef _GENIO_MT8188_H
#define _GENIO_MT8188_H

#include "mediatek.h"
#include "regions.h"

#define MT8188_GICD		0x0c000000
#define MT8188_GICR		0x0c040000
#define MT8188_GICR_SIZE	0x00200000	/* 16 frames, gaps on MT8370 */
#define MT8188_UART0		0x11001100	/* debug console */
#define MT8188_UART1		0x11001200	/* cells' console */
#define MT8188_UART1_INTID	(142 + 32)
#define MT8188_UART_SIZE	0x100
#define MT8188_GPIO		0x10005000	/* 178 pins, mediated */
#define MT8188_GPIO_PINS	178
#define MT8188_EINT		0x1000b000	/* 225 lines, mediated */
#define MT8188_EINT_LINES	225
#define MT8188_EINT_INTID	(235 + 32)	/* one line for all EINTs */

#define GENIO_HV		0x6ac00000
#define GENIO_HV_SIZE		0x00400000
#define GENIO_CELL_RAM		0x6b000000
#define GENIO_CELL_RAM_SIZE	0x00800000
#define GENIO_VPCI_ECAM		0x6b800000
#define GENIO_IVSHMEM		0x6ba00000

#define GENIO_ROOT_VPCI_SPI	72	/* INTID 104 */
#define GENIO_CELL_VPCI_SPI	74	/* INTID 106 */

/* what the cell templates (genio-*.h) use */
#define GENIO_GICD		MT8188_GICD
#define GENIO_GPIO		MT8188_GPIO
#define GENIO_CELL_CPU		3	/* a Cortex-A55 */
#define GENIO_ZEPHYR_RAM_SIZE	GENIO_CELL_RAM_SIZE
/* EINT n is line n of the one block: EINT 38 and 40 */
#define GENIO_ZEPHYR_EINTS {						\
		.type = JAILHOUSE_VENDOR_MTK_EINT,			\
		.mtk_eint.address = MT8188_EINT,			\
		.mtk_eint.pin_base = 32,				\
		.mtk_eint.pin_bitmap = {				\
			1 << (38 - 32) | 1 << (40 - 32),		\
		},							\
	}
#define GENIO_UART1_REGION	MT8188_UART1_REGION
#define GENIO_UART1_INTID	MT8188_UART1_INTID
#define GENIO_UART1_CONSOLE	MT8188_UART_CONSOLE(MT8188_UART1)

#define MT8188_UART1_REGION {						\
		.phys_start = MT8188_UART1,				\
		.virt_start = MT8188_UART1,				\
		.size = MT8188_UART_SIZE,				\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32 |	\
			JAILHOUSE_MEM_ROOTSHARED,			\
	}

/* 8250-compatible, 32-bit registers 4 bytes apart; 0x2a: 38400 baud */
#define MT8188_UART_CONSOLE(base) {					\
		.address = base,					\
		.size = MT8188_UART_SIZE,				\
		.type = JAILHOUSE_CON_TYPE_8250,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
		.divider = 0x2a,					\
	}

/*
 * IVSHMEM device 00:00.0 between the root cell (peer 0) and one cell
 * (peer 1): state table, 768 KiB read/write section, 16 KiB per peer.
 */
#define GENIO_IVSHMEM_NUM_REGIONS	4
#define GENIO_IVSHMEM_REGIONS(id) \
	IVSHMEM_REGIONS_2PEERS(GENIO_IVSHMEM, 0x1000, 0xc0000, 0x4000, id)

#define GENIO_IVSHMEM_DEVICE(id, first_region)				\
	IVSHMEM_DEVICE(1, 0, id, 2, first_region,			\
		       JAILHOUSE_IVSHMEM_BAR_MASK_INTX,			\
		       JAILHOUSE_SHMEM_PROTO_UNDEFINED)

#endif /* !_GENIO_MT8188_H */
