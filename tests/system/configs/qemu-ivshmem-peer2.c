// SPDX-License-Identifier: GPL-2.0
/*
 * A second bare-metal IVSHMEM peer on the QEMU bench: peer 2 of device
 * 00:00.0 (the slot of linux-demo) on CPU 3, RAM at the linux-demo
 * loader's 1 MiB.  Its INTx is INTID 32 + 120 + 0 = 152.
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
		.name = "ivshmem-peer2",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = QEMU_LINUX_VPCI_SPI,
		.console = QEMU_UART_CONSOLE,
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		QEMU_IVSHMEM_REGIONS(2),
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = QEMU_LINUX_LOADER,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		ONE_SPI(QEMU_GICD, 32 + QEMU_LINUX_VPCI_SPI),
	},

	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(2, 0),
	},
};
