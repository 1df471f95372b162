// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an ivshmem-net device with three peers.
 *
 * check: qemu-arm64 @
 * expect: pci_devices[0].shmem_peers: 3: an ivshmem-net (JAILHOUSE_SHMEM_PROTO_VETH) device links exactly 2 peers
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 142)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES IVSHMEM_DEVICE(1, 2, 1, 3, 3,			\
	JAILHOUSE_IVSHMEM_BAR_MASK_INTX, JAILHOUSE_SHMEM_PROTO_VETH)
#define NUM_EXTRA_REGIONS 5
#define EXTRA_REGIONS \
	IVSHMEM_REGIONS_3PEERS(0x7f500000, 0x1000, 0, 0x7f000, 1)
#include "cell.h"
