/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bare-metal ivshmem-demo of the i.MX8M EVKs: CPU 3, peer 1 of the
 * IVSHMEM demo device 00:00.0 (3 peers; the root cell is peer 0).  The
 * including file defines IMX_CELL_RAM, IMX_UART, IMX_IVSHMEM,
 * IMX_VPCI_DOMAIN and IMX_VPCI_SPI; the INTx is INTID 32 + IMX_VPCI_SPI.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "imx8m.h"

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
		.vpci_irq_base = IMX_VPCI_SPI,
		.console = IMX8M_UART_CONSOLE(IMX_UART),
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		IMX8M_IVSHMEM_REGIONS(IMX_IVSHMEM, 1),
		IMX8M_SHARED_UART(IMX_UART),
		/* RAM */ {
			.phys_start = IMX_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		ONE_SPI(IMX8M_GICD, 32 + IMX_VPCI_SPI),
	},

	.pci_devices = {
		IMX8M_IVSHMEM_DEVICE(IMX_VPCI_DOMAIN, 0, 1, 3, 0,
				     JAILHOUSE_SHMEM_PROTO_UNDEFINED),
	},
};
