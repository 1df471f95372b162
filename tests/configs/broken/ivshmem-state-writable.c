// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a writable IVSHMEM state table.
 *
 * check: qemu-arm64 @
 * expect: mem_regions[3].flags: 0x83: IVSHMEM state table must be present and read-only
 */
#define CELL_VPCI_SPI QEMU_IVSHMEM_VPCI_SPI
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 140)
#define NUM_PCI_DEVICES 1
#define PCI_DEVICES QEMU_IVSHMEM_DEVICE(1, 3)
#define NUM_EXTRA_REGIONS 5
#define EXTRA_REGIONS { .phys_start = QEMU_IVSHMEM, .virt_start = QEMU_IVSHMEM, \
	.size = 0x1000, .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
	JAILHOUSE_MEM_ROOTSHARED }, \
	{ .phys_start = QEMU_IVSHMEM + 0x1000, \
	.virt_start = QEMU_IVSHMEM + 0x1000, .size = 0x9000, \
	.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
	JAILHOUSE_MEM_ROOTSHARED }, \
	QEMU_IVSHMEM_OUTPUT(0, 1), QEMU_IVSHMEM_OUTPUT(1, 1), \
	QEMU_IVSHMEM_OUTPUT(2, 1)
#include "cell.h"
