// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the root cell's peer ID.
 *
 * check: qemu-arm64 @
 * expect: pci_devices[0].shmem_dev_id: 0: cell 'qemu-arm64' (configs/arm64/qemu-arm64.cell) has the same peer ID on device 00:00.0
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 140)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES QEMU_IVSHMEM_DEVICE(0, 3)
#define NUM_EXTRA_REGIONS 5
#define EXTRA_REGIONS QEMU_IVSHMEM_REGIONS(0)
#include "cell.h"
