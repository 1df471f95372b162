// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo cell of the MediaTek Genio 720 EVK: CPU 5, peer 1 of the
 * 3-peer IVSHMEM device 00:00.0 (the root cell is peer 0).  Its INTx is
 * INTID 32 + 576 + 0 = 608.  It prints through the hypervisor's virtual
 * console.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8391.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[7];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "ivshmem-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = G720_CELL_VPCI_SPI,
	},

	.cpus = {
		1 << 5,
	},

	.mem_regions = {
		G720_IVSHMEM_REGIONS(1),
		/* RAM */ {
			.phys_start = G720_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: INTID 608, the INTx of 00:00.0 */ {
			.address = MT8391_GICD,
			.pin_base = 608,
			.pin_bitmap = {
				1 << 0,
			},
		},
	},

	.pci_devices = {
		G720_IVSHMEM_DEVICE(1, 0),
	},
};
