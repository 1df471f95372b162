// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an ivshmem-net device whose output sections cannot
 * hold its rings and 4 minimum-size frames (a 0x700-byte header for 32
 * descriptors, then 4 * 68 bytes: 0x810 at least).  The page rule refuses
 * it: no region smaller than a page, and a page is large enough.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[5].size: 0x800: not a multiple of the page size (4 KiB)
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 142)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES IVSHMEM_DEVICE(1, 2, 1, 2, 3,			\
	JAILHOUSE_IVSHMEM_BAR_MASK_INTX, JAILHOUSE_SHMEM_PROTO_VETH)
#define NUM_EXTRA_REGIONS 4
#define EXTRA_REGIONS IVSHMEM_REGIONS_2PEERS(0x7f500000, 0x1000, 0, 0x800, 1)
#include "cell.h"
