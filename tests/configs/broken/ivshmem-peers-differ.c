// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a different peer count than the other peers.
 *
 * check: qemu-arm64 @
 * expect: pci_devices[0].shmem_peers: 2: cell 'qemu-arm64' (configs/arm64/qemu-arm64.cell) has 3 peers on the same device 00:00.0
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 140)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES { .type = JAILHOUSE_PCI_TYPE_IVSHMEM, .domain = 1, \
	.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX, .shmem_regions_start = 3, \
	.shmem_dev_id = 1, .shmem_peers = 2 }
#define NUM_EXTRA_REGIONS 5
#define EXTRA_REGIONS { .phys_start = QEMU_IVSHMEM, .virt_start = QEMU_IVSHMEM, \
	.size = 0x1000, .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED }, \
	{ .phys_start = QEMU_IVSHMEM + 0x1000, \
	.virt_start = QEMU_IVSHMEM + 0x1000, .size = 0x9000, \
	.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
	JAILHOUSE_MEM_ROOTSHARED }, \
	QEMU_IVSHMEM_OUTPUT(0, 1), QEMU_IVSHMEM_OUTPUT(1, 1), \
	{ .phys_start = 0x7f400000, .virt_start = 0x7f400000, .size = 0x1000, \
	.flags = JAILHOUSE_MEM_READ }
#include "cell.h"
