// SPDX-License-Identifier: GPL-2.0
/*
 * inmate-demo cell of linux,dummy-virt, written by "jailhouse config create"
 * with the root cell "qemu-arm64-generated".
 *
 * A bare-metal cell for gic-demo, uart-demo and ivshmem-demo: CPU 3
 * (/cpus/cpu@3, MPIDR 0x3), 1 MiB of RAM at 0x70000000 (at 0 in the cell), peer
 * 1 of IVSHMEM 00:00.0 with the root cell.
 * There is no spare UART: it prints through the hypervisor's console.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

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
		.name = "inmate-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		/* INTx of IVSHMEM 00:00.0: INTID 40 */
		.vpci_irq_base = 8,
		.cpu_reset_address = 0,
	},

	.cpus = {
		0x8,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x70000000,
			.virt_start = 0x00000000,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* IVSHMEM 00:00.0: state table */ {
			.phys_start = 0x7fb00000,
			.virt_start = 0x7fb00000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* IVSHMEM 00:00.0: read/write section */ {
			.phys_start = 0x7fb01000,
			.virt_start = 0x7fb01000,
			.size = 0x00009000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* IVSHMEM 00:00.0: output section of peer 0 */ {
			.phys_start = 0x7fb0a000,
			.virt_start = 0x7fb0a000,
			.size = 0x00002000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* IVSHMEM 00:00.0: output section of peer 1 */ {
			.phys_start = 0x7fb0c000,
			.virt_start = 0x7fb0c000,
			.size = 0x00002000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* INTID 40: IVSHMEM INTx */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0x00000100, 0x00000000, 0x00000000, 0x00000000,
			},
		},
	},

	.pci_devices = {
		/* IVSHMEM 00:00.0, peer 1 of 2: this cell */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 1,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
