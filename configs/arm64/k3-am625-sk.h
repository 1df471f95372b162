/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TI AM62x SK (k3-am625-sk): 4x Cortex-A53, 2 GiB DRAM at 0x80000000,
 * GICv3 (GIC-500).  The device tree reserves, no-map (patches/linux,
 * patch 3):
 *
 *   0xdfa00000    2 MiB  IVSHMEM: demo 00:00.0 (3 peers), net 00:01.0
 *   0xdfc00000    4 MiB  hypervisor
 *   0xe0000000  512 MiB  RAM lent to cells
 *
 * Facts from shared/reference/boards.md §4 and the TI SDK (seed 001).
 */
#ifndef _K3_AM625_SK_H
#define _K3_AM625_SK_H

#include "regions.h"

#define AM625_GICD		0x01800000
#define AM625_GICR		0x01880000
#define AM625_UART0		0x02800000	/* root and hypervisor */
#define AM625_UART1		0x02810000	/* cells */
#define AM625_UART1_INTID	(179 + 32)
#define AM625_VPCI_ECAM		0x76000000
#define AM625_IVSHMEM		0xdfa00000
#define AM625_IVSHMEM_NET	0xdfb00000
#define AM625_HV		0xdfc00000
#define AM625_CELL_RAM		0xe0000000

#define AM625_ROOT_VPCI_SPI	148	/* INTIDs 180, 181 */
#define AM625_LINUX_VPCI_SPI	157	/* INTA-D: INTIDs 189-192 */

/* MAIN_UART1, 48 MHz: divider 0x1b is about 115200 baud */
#define AM625_UART1_CONSOLE {						\
		.address = AM625_UART1,					\
		.size = 0x1000,						\
		.type = JAILHOUSE_CON_TYPE_8250,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
		.divider = 0x1b,					\
	}

/* the cells own MAIN_UART1: the root cell's Linux must leave it alone */
#define AM625_UART1_REGION REGION(AM625_UART1, AM625_UART1 + 0x10000, \
				  MEM_MMIO)

/* IVSHMEM demo device 00:00.0: 64 KiB state, R/W and output sections */
#define AM625_IVSHMEM_REGIONS(id) \
	IVSHMEM_REGIONS_3PEERS(AM625_IVSHMEM, 0x10000, 0x10000, 0x10000, id)

#define AM625_IVSHMEM_DEVICE(slot, id, peers, first_region, proto)	\
	IVSHMEM_DEVICE(1, slot, id, peers, first_region,		\
		       JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K, proto)

#endif /* !_K3_AM625_SK_H */
