/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem-demo cell of the MT8188-family Genio EVKs: CPU 3, peer 1 of the
 * IVSHMEM device 00:00.0 shared with the root cell.  Its INTx is INTID
 * 32 + 74 + 0 = 106.  It prints through the hypervisor's virtual console:
 * the inmate UART driver can spin on the MediaTek UART (boards.md §6).
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8188.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[6];
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
		.vpci_irq_base = GENIO_CELL_VPCI_SPI,
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		GENIO_IVSHMEM_REGIONS(1),
		/* RAM */ {
			.phys_start = GENIO_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: INTID 106, the INTx of 00:00.0 */ {
			.address = MT8188_GICD,
			.pin_base = 96,
			.pin_bitmap = {
				1 << (32 + GENIO_CELL_VPCI_SPI - 96),
			},
		},
	},

	.pci_devices = {
		GENIO_IVSHMEM_DEVICE(1, 0),
	},
};
