/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bare-metal IVSHMEM peer of the QEMU bench's device 00:00.0, for a
 * configuration that defines before including this file:
 *   IVSHMEM_CELL_NAME, IVSHMEM_CELL_CPU, IVSHMEM_CELL_RAM (1 MiB),
 *   IVSHMEM_CELL_PEER (its peer id) and IVSHMEM_CELL_VPCI_SPI
 *   (its vpci_irq_base: INTx = INTID 32 + that).
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[8];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = IVSHMEM_CELL_NAME,
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = IVSHMEM_CELL_VPCI_SPI,
		.console = QEMU_UART_CONSOLE,
	},

	.cpus = {
		1 << IVSHMEM_CELL_CPU,
	},

	.mem_regions = {
		QEMU_IVSHMEM_REGIONS(IVSHMEM_CELL_PEER),
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = IVSHMEM_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: the INTx of 00:00.0 */
		ONE_SPI(QEMU_GICD, 32 + IVSHMEM_CELL_VPCI_SPI),
	},

	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(IVSHMEM_CELL_PEER, 0),
	},
};
