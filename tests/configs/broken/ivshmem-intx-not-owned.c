// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the INTx of the IVSHMEM device not owned.
 *
 * check: qemu-arm64 @
 * expect: vpci_irq_base: 108: the INTx of IVSHMEM device 00:00.0 is INTID 140 (32 + vpci_irq_base + slot % 4), which the cell does not own
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES QEMU_IVSHMEM_DEVICE(1, 3)
#define NUM_EXTRA_REGIONS 5
#define EXTRA_REGIONS QEMU_IVSHMEM_REGIONS(1)
#include "cell.h"
