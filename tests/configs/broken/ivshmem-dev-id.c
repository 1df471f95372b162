// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a peer ID past shmem_peers.
 *
 * check: qemu-arm64 @
 * expect: pci_devices[0].shmem_dev_id: 3: peer IDs go from 0 to shmem_peers - 1 (2)
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 140)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES QEMU_IVSHMEM_DEVICE(3, 3)
#define NUM_EXTRA_REGIONS 5
#define EXTRA_REGIONS QEMU_IVSHMEM_REGIONS(1)
#include "cell.h"
