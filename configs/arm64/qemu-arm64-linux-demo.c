// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU bench: a second Linux on CPUs 2 and 3 with 128 MiB, started through
 * the linux-loader at 0 (jailhouse cell linux).  It prints through the PL011
 * earlycon it shares with the root cell; the UART's interrupt stays with
 * the root cell, whose console needs it.  Peer 2 of the IVSHMEM demo
 * device (slot 0, INTx INTID 32 + 120 + 0 = 152) and peer 1 of the
 * ivshmem-net link to the root cell (slot 1, INTB: INTID 153).  Device tree:
 * dts/inmate-qemu-arm64.dts, whose PCI host maps INTA-D to SPIs 120-123:
 * the cell owns all four lines (INTIDs 152-155), so that every interrupt
 * its device tree names is its own.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[13];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "qemu-arm64-linux-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = QEMU_LINUX_VPCI_SPI,
		.console = QEMU_UART_CONSOLE,
	},

	.cpus = {
		(1 << 2) | (1 << 3),
	},

	.mem_regions = {
		QEMU_IVSHMEM_REGIONS(2),
		QEMU_UART_REGION,
		/* loader RAM */ {
			.phys_start = QEMU_LINUX_LOADER,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* RAM of Linux */ {
			.phys_start = QEMU_LINUX_RAM,
			.virt_start = QEMU_LINUX_RAM,
			.size = QEMU_LINUX_RAM_SIZE,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
		QEMU_VETH_REGIONS(1),
	},

	.irqchips = {
		/*
		 * GIC: INTIDs 152-155, INTA-D of its PCI host (00:00.0
		 * raises INTA)
		 */ {
			.address = QEMU_GICD,
			.pin_base = 128,
			.pin_bitmap = {
				0xfu << (152 - 128),
			},
		},
	},

	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(2, 0),
		QEMU_VETH_DEVICE(1, 9),
	},
};
