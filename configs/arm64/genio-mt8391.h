/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MediaTek MT8391 (an MT8189-class SoC): Genio 720 EVK, 6x Cortex-A55
 * (MPIDR 0x000-0x500) and 2x Cortex-A78 (0x600, 0x700), 8 GiB DRAM.
 *
 * Memory (seed 000, the Genio 720 article, and Documentation/
 * board-genio.md); the device tree must reserve, no-map,
 * 0x44000000-0x482fffff:
 *
 *   0x44000000  16 MiB  hypervisor
 *   0x45000000  48 MiB  RAM lent to cells (the Zephyr cell takes all)
 *   0x48000000   1 MiB  IVSHMEM
 *   0x48100000   2 MiB  virtual PCI host: ECAM, then the BAR window
 *
 * Where the article and the SoC facts disagree, the SoC facts win
 * (shared/reference/boards.md §8, §12):
 * - EINT is not one block at 0x1000b000 (that is MT8188's) but five
 *   instances, eint0-eint4, with one GIC line for all: SPI 239 = INTID 271
 *   (not SPI 267).  The EINT pages are left out of the root cell's map so
 *   that the hypervisor can mediate them; their size of 4 KiB and their
 *   256 lines each are assumptions: the facts give neither.
 * - UART1 is at 0x11002000 with INTID 430 (SPI 398).  The article's
 *   "SPI 446 (GPIO interrupt)" matches no interrupt of the SoC.
 * - The article's "IVC region at physical 0x80000000" is the comm region,
 *   which is at guest address 0x80000000 in every cell.
 */
#ifndef _GENIO_MT8391_H
#define _GENIO_MT8391_H

#include "mediatek.h"
#include "regions.h"

#define MT8391_GICD		0x0c000000
#define MT8391_GICR		0x0c040000
#define MT8391_GICR_SIZE	0x00200000
#define MT8391_UART0		0x11001000	/* debug console */
#define MT8391_UART1		0x11002000	/* cells' console */
#define MT8391_UART1_INTID	(398 + 32)
#define MT8391_UART_SIZE	0x1000
#define MT8391_GPIO		0x10005000	/* 182 pins, mediated */
#define MT8391_GPIO_PINS	182
#define MT8391_EINT0		0x11ce0000
#define MT8391_EINT1		0x11de0000
#define MT8391_EINT2		0x11e60000
#define MT8391_EINT3		0x1c01e000
#define MT8391_EINT4		0x11f00000
#define MT8391_EINT_INTID	(239 + 32)

#define G720_HV			0x44000000
#define G720_HV_SIZE		0x01000000
#define GENIO_CELL_RAM		0x45000000
#define GENIO_CELL_RAM_SIZE	0x03000000
#define G720_IVSHMEM		0x48000000
/* below 4 GiB: the IVSHMEM register BARs after it are 32-bit */
#define G720_VPCI_ECAM		0x48100000

#define G720_ROOT_VPCI_SPI	580	/* INTID 612 */
#define GENIO_CELL_VPCI_SPI	576	/* INTID 608 */

/* what the cell templates (genio-*.h) use */
#define GENIO_GICD		MT8391_GICD
#define GENIO_GPIO		MT8391_GPIO
#define GENIO_CELL_CPU		5	/* a Cortex-A55 */
#define GENIO_ZEPHYR_RAM_SIZE	GENIO_CELL_RAM_SIZE
#define GENIO_ZEPHYR_EINT	MT8391_EINT0
#define GENIO_UART1_REGION	MT8391_UART1_REGION
#define GENIO_UART1_INTID	MT8391_UART1_INTID
#define GENIO_UART1_CONSOLE	MT8391_UART_CONSOLE(MT8391_UART1)

#define MT8391_UART1_REGION {						\
		.phys_start = MT8391_UART1,				\
		.virt_start = MT8391_UART1,				\
		.size = MT8391_UART_SIZE,				\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32 |	\
			JAILHOUSE_MEM_ROOTSHARED,			\
	}

#define MT8391_UART_CONSOLE(base) {					\
		.address = base,					\
		.size = MT8391_UART_SIZE,				\
		.type = JAILHOUSE_CON_TYPE_8250,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
		.divider = 0x2a,					\
	}

/* IVSHMEM device 00:00.0, 3 peers: state, 36 KiB R/W, 8 KiB per peer */
#define GENIO_IVSHMEM_NUM_REGIONS	5
#define GENIO_IVSHMEM_REGIONS(id) \
	IVSHMEM_REGIONS_3PEERS(G720_IVSHMEM, 0x1000, 0x9000, 0x2000, id)

#define GENIO_IVSHMEM_DEVICE(id, first_region)				\
	IVSHMEM_DEVICE(1, 0, id, 3, first_region,			\
		       JAILHOUSE_IVSHMEM_BAR_MASK_INTX,			\
		       JAILHOUSE_SHMEM_PROTO_UNDEFINED)

#endif /* !_GENIO_MT8391_H */
