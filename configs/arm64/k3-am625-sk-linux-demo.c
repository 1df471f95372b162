// SPDX-License-Identifier: GPL-2.0
/*
 * A second Linux on the TI AM62x SK (seed 001): CPUs 1-3, the 512 MiB of
 * cell RAM (the last 64 KiB hold the linux-loader), MAIN_UART1 with its
 * interrupt, the secure-proxy thread of host A53_3 for TI-SCI, and both
 * IVSHMEM devices (demo peer 2, net peer 1).  Device tree:
 * dts/inmate-k3-am625-sk.dts; load addresses as in the SDK:
 *
 *   jailhouse cell load k3-am625-sk-linux-demo linux-loader.bin -a 0 \
 *     -s "kernel=0xe0200000 dtb=0xe0000000" -a 0x1000 \
 *     Image -a 0xe0200000 inmate-k3-am625-sk.dtb -a 0xe0000000
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "k3-am625-sk.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[16];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "k3-am625-sk-linux-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = AM625_LINUX_VPCI_SPI,
		.console = AM625_UART1_CONSOLE,
	},

	.cpus = {
		0xe,
	},

	.mem_regions = {
		AM625_IVSHMEM_REGIONS(2),
		JAILHOUSE_SHMEM_NET_REGIONS(AM625_IVSHMEM_NET, 1),
		AM625_UART1_REGION,
		/* secure proxy of host A53_3: target data, RT, SCFG */
		REGION(0x4d00e000, 0x4d011000, MEM_MMIO),
		REGION(0x4a60e000, 0x4a611000, MEM_MMIO),
		REGION(0x4a40e000, 0x4a411000, MEM_MMIO),
		/* loader RAM, the last 64 KiB of the cell RAM */ {
			.phys_start = 0xffff0000,
			.virt_start = 0,
			.size = 0x10000,
			.flags = MEM_LOADABLE,
		},
		/* RAM of Linux */ {
			.phys_start = AM625_CELL_RAM,
			.virt_start = AM625_CELL_RAM,
			.size = 0x1fff0000,
			.flags = MEM_RAM_RWX | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: secure proxy rx_014 (INTID 67) */
		ONE_SPI(AM625_GICD, 67),
		/*
		 * GIC: INTA-D of its PCI host (189-192; 00:00.0 raises 189,
		 * 00:01.0 190), MAIN_UART1 (211)
		 */ {
			.address = AM625_GICD,
			.pin_base = 160,
			.pin_bitmap = {
				7u << (189 - 160),	/* 189-191 */
				1u << (192 - 192) | 1u << (211 - 192),
			},
		},
	},

	.pci_devices = {
		AM625_IVSHMEM_DEVICE(0, 2, 3, 0,
				     JAILHOUSE_SHMEM_PROTO_UNDEFINED),
		AM625_IVSHMEM_DEVICE(1, 1, 2, 5, JAILHOUSE_SHMEM_PROTO_VETH),
	},
};
