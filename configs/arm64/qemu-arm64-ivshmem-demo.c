// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU bench: the bare-metal ivshmem-demo on CPU 2, peer 1 of the IVSHMEM
 * demo device 00:00.0 (the root cell is peer 0, linux-demo peer 2).  Its
 * INTx is INTID 32 + 108 + 0 = 140.
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
		.name = "ivshmem-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = QEMU_IVSHMEM_VPCI_SPI,
		.console = QEMU_UART_CONSOLE,
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		QEMU_IVSHMEM_REGIONS(1),
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = QEMU_IVSHMEM_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: INTID 140, the INTx of 00:00.0 */ {
			.address = QEMU_GICD,
			.pin_base = 128,
			.pin_bitmap = {
				1 << (140 - 128),
			},
		},
	},

	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(1, 0),
	},
};
