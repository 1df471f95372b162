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
 *   (not SPI 267).  The EINT pages (4 KiB each) are left out of the root
 *   cell's map so that the hypervisor can mediate them.  The instances
 *   have 51, 88, 34, 28 and 9 lines, numbered per instance: EINT n (the
 *   EINT of GPIO n for n = 0-181) is line idx of one instance
 *   (shared/reference/mt8189-gpio-eint.md §1.3).  Name EINTs by their
 *   numbers with MT8391_EINTS() below; the bitmaps are computed here.
 * - UART1 is at 0x11002000 with INTID 430 (SPI 398).  The article's
 *   "SPI 446 (GPIO interrupt)" matches no interrupt of the SoC.
 * - The article's "IVC region at physical 0x80000000" is the comm region,
 *   which is at guest address 0x80000000 in every cell.
 */
#ifndef _GENIO_MT8391_H
#define _GENIO_MT8391_H

#include "mediatek.h"
#include "regions.h"
/* the EINT table, shared with the hypervisor (no types in it) */
#include "../../hypervisor/include/jailhouse/mtk-mt8391.h"

#define MT8391_GICD		0x0c000000
#define MT8391_GICR		0x0c040000
#define MT8391_GICR_SIZE	0x00200000
#define MT8391_UART0		0x11001000	/* debug console */
#define MT8391_UART1		0x11002000	/* cells' console */
#define MT8391_UART1_INTID	(398 + 32)
#define MT8391_UART_SIZE	0x1000
#define MT8391_GPIO		0x10005000	/* 182 pins, mediated */
#define MT8391_GPIO_PINS	182
#define MT8391_EINT0		MT8391_EINT_BASE_0
#define MT8391_EINT1		MT8391_EINT_BASE_1
#define MT8391_EINT2		MT8391_EINT_BASE_2
#define MT8391_EINT3		MT8391_EINT_BASE_3
#define MT8391_EINT4		MT8391_EINT_BASE_4
#define MT8391_EINT_INTID	(239 + 32)

/* The page of EINT instance @i (0-4). */
#define MT8391_EINT_ADDR(i)						\
	((i) == 0 ? MT8391_EINT0 : (i) == 1 ? MT8391_EINT1 :		\
	 (i) == 2 ? MT8391_EINT2 : (i) == 3 ? MT8391_EINT3 :		\
	 (i) == 4 ? MT8391_EINT4 : 0)

/*
 * A vendor entry for up to 8 EINTs of one instance, named by their
 * global numbers: MT8391_EINTS(38, 40) is instance 1 (0x11de0000), lines
 * 16 and 18.  The instance is the first number's; the compiler refuses a
 * number outside 0-209 ("EINT_outside_0_209"), numbers of two instances
 * ("EINTs_of_two_instances_in_one_entry": write one entry per instance)
 * and more than 8 ("more_than_8_EINTs_in_one_entry").  MT8391_PAD_EINTS()
 * takes GPIO numbers, the EINTs of pads 0-181, and also refuses an EINT
 * without a pad ("GPIO_without_EINT_pads_are_0_181").
 */
#define MT8391_EINTS(...)						\
	_MT8391_ENTRY(209, __VA_ARGS__, -1, -1, -1, -1, -1, -1, -1, -1, -1)
#define MT8391_PAD_EINTS(...)						\
	_MT8391_ENTRY(MT8391_EINT_PADS - 1, __VA_ARGS__,		\
		      -1, -1, -1, -1, -1, -1, -1, -1, -1)

#define _MT8391_REFUSE(cond, why)					\
	(0 * sizeof(struct { int why : (cond) ? -1 : 1; }))
#define _MT8391_CHECK(max, i, n)					\
	(_MT8391_REFUSE((n) != -1 && ((n) < 0 || (n) > 209),		\
			EINT_outside_0_209) +				\
	 _MT8391_REFUSE((n) > (max) && (n) <= 209,			\
			GPIO_without_EINT_pads_are_0_181) +		\
	 _MT8391_REFUSE((n) >= 0 && (n) <= 209 &&			\
			MT8391_EINT_INST(n) != (i),			\
			EINTs_of_two_instances_in_one_entry))
/* bit of EINT @n in word @w of instance @i's entry (n = -1: none) */
#define _MT8391_BIT(max, i, w, n)					\
	(((n) >= 0 && MT8391_EINT_IDX(n) / 32 == (w) ?			\
	  1u << (MT8391_EINT_IDX(n) % 32) : 0u) +			\
	 _MT8391_CHECK(max, i, n))
#define _MT8391_WORD(max, i, w, a, b, c, d, e, f, g, h)		\
	(_MT8391_BIT(max, i, w, a) | _MT8391_BIT(max, i, w, b) |	\
	 _MT8391_BIT(max, i, w, c) | _MT8391_BIT(max, i, w, d) |	\
	 _MT8391_BIT(max, i, w, e) | _MT8391_BIT(max, i, w, f) |	\
	 _MT8391_BIT(max, i, w, g) | _MT8391_BIT(max, i, w, h))
#define _MT8391_ENTRY(max, a, b, c, d, e, f, g, h, more, ...) {		\
		.type = JAILHOUSE_VENDOR_MTK_EINT,			\
		.address = MT8391_EINT_ADDR(MT8391_EINT_INST(a)) +	\
			_MT8391_REFUSE((more) != -1,			\
				       more_than_8_EINTs_in_one_entry),	\
		.base = 0,						\
		.bitmap = {						\
			_MT8391_WORD(max, MT8391_EINT_INST(a), 0,	\
				     a, b, c, d, e, f, g, h),		\
			_MT8391_WORD(max, MT8391_EINT_INST(a), 1,	\
				     a, b, c, d, e, f, g, h),		\
			_MT8391_WORD(max, MT8391_EINT_INST(a), 2,	\
				     a, b, c, d, e, f, g, h),		\
			0,						\
		},							\
	}

/* all lines of instance @i: what the root cell lists */
#define MT8391_EINT_ALL(i)						\
	MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, MT8391_EINT##i, 0, 0,	\
		 MT8391_EINT_LINES_##i - 1)

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
/* UART1 TX/RX (GPIO 33/34: instance 1, lines 11/12), GPIO 38 and 40 */
#define GENIO_ZEPHYR_EINTS	MT8391_PAD_EINTS(33, 34, 38, 40)
/* UART1 TX/RX */
#define GENIO_UART_DEMO_EINTS	MT8391_PAD_EINTS(33, 34)
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
