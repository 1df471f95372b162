// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the peer of the root cell's ivshmem-net device
 * (00:01.0) with no protocol (a UIO device, as for ivshmem-demo).
 *
 * check: qemu-arm64 @
 * expect: pci_devices[0].shmem_protocol: 0x0: cell 'qemu-arm64' (configs/arm64/qemu-arm64.cell) speaks protocol 0x0001 on the same device 00:01.0; all peers must agree
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 141)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES IVSHMEM_DEVICE(1, 1, 1, 2, 3,			\
	JAILHOUSE_IVSHMEM_BAR_MASK_INTX, JAILHOUSE_SHMEM_PROTO_UNDEFINED)
#define NUM_EXTRA_REGIONS 4
#define EXTRA_REGIONS QEMU_VETH_REGIONS(1)
#include "cell.h"
