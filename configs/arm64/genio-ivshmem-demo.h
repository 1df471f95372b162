/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem-demo cell of the Genio EVKs, included after the SoC header: one
 * Cortex-A55, peer 1 of the IVSHMEM device 00:00.0 (the root cell is peer
 * 0), its INTx at INTID 32 + GENIO_CELL_VPCI_SPI.  It prints through the
 * hypervisor's virtual console: the inmate UART driver can spin on the
 * MediaTek UART (boards.md §6).
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[GENIO_IVSHMEM_NUM_REGIONS + 2];
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
		1 << GENIO_CELL_CPU,
	},

	.mem_regions = {
		GENIO_IVSHMEM_REGIONS(1),
		/* RAM */ {
			.phys_start = GENIO_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: the INTx of 00:00.0 */
		ONE_SPI(GENIO_GICD, 32 + GENIO_CELL_VPCI_SPI),
	},

	.pci_devices = {
		GENIO_IVSHMEM_DEVICE(1, 0),
	},
};
