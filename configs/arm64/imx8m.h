/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NXP i.MX8M Mini and Quad EVKs: 4x Cortex-A53, GICv3, i.MX UARTs.
 * Facts from shared/reference/boards.md §5 and NXP's guide (seed 003).
 */
#ifndef _IMX8M_H
#define _IMX8M_H

#include "regions.h"

#define IMX8M_GICD		0x38800000
#define IMX8M_GICR		0x38880000
#define IMX8M_UART1		0x30860000
#define IMX8M_UART2		0x30890000
#define IMX8M_UART4		0x30a60000
#define IMX8M_UART2_INTID	(27 + 32)
#define IMX8M_UART4_INTID	(29 + 32)

#define IMX8M_UART_CONSOLE(base) {					\
		.address = base,					\
		.size = 0x1000,						\
		.type = JAILHOUSE_CON_TYPE_IMX,				\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
	}

/* a UART the root cell keeps using: the cell only prints to it */
#define IMX8M_SHARED_UART(base) {					\
		.phys_start = base,					\
		.virt_start = base,					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,	\
	}

/*
 * The IVSHMEM demo device 00:00.0 at @base (3 peers): 4 KiB state table,
 * 36 KiB read/write section, 8 KiB per peer; the net device 00:01.0 sits
 * 1 MiB above it.
 */
#define IMX8M_IVSHMEM_REGIONS(base, id) \
	IVSHMEM_REGIONS_3PEERS(base, 0x1000, 0x9000, 0x2000, id)

#define IMX8M_IVSHMEM_DEVICE(dom, slot, id, peers, first_region, proto) \
	IVSHMEM_DEVICE(dom, slot, id, peers, first_region,		\
		       JAILHOUSE_IVSHMEM_BAR_MASK_INTX, proto)

#endif /* !_IMX8M_H */
