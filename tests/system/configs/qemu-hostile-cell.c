// SPDX-License-Identifier: GPL-2.0
/*
 * The hostile cell of the hostile suite (# smp: 6): CPUs 2 and 3, SPI
 * INTID 40, peer 1 of the IVSHMEM demo device 00:00.0 (INTx INTID 140),
 * the ivshmem-demo's RAM with its last 4 KiB shared with the root cell
 * for the results, and the shared PL011.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[9];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "hostile",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = QEMU_IVSHMEM_VPCI_SPI,
		.console = QEMU_UART_CONSOLE,
	},
	.cpus = {
		(1 << 2) | (1 << 3),
	},
	.mem_regions = {
		QEMU_IVSHMEM_REGIONS(1),
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = QEMU_IVSHMEM_CELL_RAM,
			.virt_start = 0,
			.size = 0x000ff000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* results, read by the root cell */ {
			.phys_start = QEMU_IVSHMEM_CELL_RAM + 0x000ff000,
			.virt_start = 0x000ff000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		COMM_REGION,
	},
	.irqchips = {
		ONE_SPI(QEMU_GICD, 40),
		ONE_SPI(QEMU_GICD, 32 + QEMU_IVSHMEM_VPCI_SPI),
	},
	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(1, 0),
	},
};
