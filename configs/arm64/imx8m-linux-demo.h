/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A second Linux on an i.MX8M EVK: CPUs 2-3, both IVSHMEM devices (demo
 * peer 2, net peer 1), the root cell's UART for earlycon and a UART of its
 * own.  The including file defines IMX_CELL_NAME, IMX_LOADER,
 * IMX_LINUX_RAM, IMX_LINUX_RAM_SIZE, IMX_IVSHMEM, IMX_VPCI_DOMAIN,
 * IMX_VPCI_SPI (INTx INTIDs 32 + IMX_VPCI_SPI + slot), IMX_EARLY_UART,
 * IMX_DEVICES (its own devices, IMX_NUM_DEVICES regions) and IMX_IRQS
 * (the irqchip entry of their interrupts).
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "imx8m.h"

_Static_assert(((32 + IMX_VPCI_SPI) & 31) <= 28,
	       "the four INTx INTIDs must sit in one pin_bitmap word");

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[13 + IMX_NUM_DEVICES];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = IMX_CELL_NAME,
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = IMX_VPCI_SPI,
		.console = IMX8M_UART_CONSOLE(IMX_EARLY_UART),
	},

	.cpus = {
		0xc,
	},

	.mem_regions = {
		IMX8M_IVSHMEM_REGIONS(IMX_IVSHMEM, 2),
		JAILHOUSE_SHMEM_NET_REGIONS(IMX_IVSHMEM + 0x100000, 1),
		IMX8M_SHARED_UART(IMX_EARLY_UART),
		IMX_DEVICES,
		/* loader RAM */ {
			.phys_start = IMX_LOADER,
			.virt_start = 0,
			.size = 0x10000,
			.flags = MEM_LOADABLE,
		},
		/* RAM of Linux */ {
			.phys_start = IMX_LINUX_RAM,
			.virt_start = IMX_LINUX_RAM,
			.size = IMX_LINUX_RAM_SIZE,
			.flags = MEM_RAM_RWX | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		IMX_IRQS,
		/*
		 * GIC: INTA-D of its PCI host, which its device tree maps to
		 * SPIs IMX_VPCI_SPI + 0..3 (00:00.0 raises INTA, 00:01.0
		 * INTB); the four must not cross a 32-INTID word
		 */ {
			.address = IMX8M_GICD,
			.pin_base = (32 + IMX_VPCI_SPI) & ~31,
			.pin_bitmap = {
				0xfu << ((32 + IMX_VPCI_SPI) & 31),
			},
		},
	},

	.pci_devices = {
		IMX8M_IVSHMEM_DEVICE(IMX_VPCI_DOMAIN, 0, 2, 3, 0,
				     JAILHOUSE_SHMEM_PROTO_UNDEFINED),
		IMX8M_IVSHMEM_DEVICE(IMX_VPCI_DOMAIN, 1, 1, 2, 5,
				     JAILHOUSE_SHMEM_PROTO_VETH),
	},
};
