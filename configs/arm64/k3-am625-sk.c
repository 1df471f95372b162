// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell of the TI AM62x SK: see k3-am625-sk.h.  Unlike upstream, the
 * root cell does not map 0x018a0000-0x018fffff: those are the GIC
 * redistributor frames of CPUs 1-3, which the hypervisor emulates.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "k3-am625-sk.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[30];
	struct jailhouse_irqchip irqchips[5];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = AM625_HV,
			.size = 0x400000,
		},
		.debug_console = {
			.address = AM625_UART0,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.pci_mmconfig_base = AM625_VPCI_ECAM,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 3,
				.gicd_base = AM625_GICD,
				.gicr_base = AM625_GICR,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "k3-am625-sk",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.vpci_irq_base = AM625_ROOT_VPCI_SPI,
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		AM625_IVSHMEM_REGIONS(0),
		JAILHOUSE_SHMEM_NET_REGIONS(AM625_IVSHMEM_NET, 0),
		/* GIC ITS and friends, up to the redistributors */
		REGION(0x01810000, AM625_GICR, MEM_MMIO),
		/* RAM of Linux */
		REGION(0x80000000, AM625_IVSHMEM, MEM_RAM_RWX),
		/* RAM lent to cells */
		REGION(AM625_CELL_RAM, 0x100000000, MEM_RAM_RWX),
		/* ctrl MMR */
		REGION(0x000f0000, 0x00120000, MEM_MMIO),
		/* GPIO */
		REGION(0x00600000, 0x00602000, MEM_MMIO),
		/* TimeSync router */
		REGION(0x00a40000, 0x00a41000, MEM_MMIO),
		/* first peripheral window, below the GIC */
		REGION(0x01000000, AM625_GICD, MEM_MMIO),
		/* first peripheral window, above the GIC (MAIN_UARTs...) */
		REGION(0x01900000, 0x02b29000, MEM_MMIO),
		/* MCU domain */
		REGION(0x04000000, 0x05ff2000, MEM_MMIO),
		/* CPSW */
		REGION(0x08000000, 0x08200000, MEM_MMIO),
		/* second peripheral window */
		REGION(0x0e000000, 0x0fd00000, MEM_MMIO),
		/* GPU */
		REGION(0x0fd00000, 0x0fd20000, MEM_MMIO),
		/* third peripheral window */
		REGION(0x20000000, 0x2a008000, MEM_MMIO),
		/* first wake-up domain */
		REGION(0x2b000000, 0x2b301000, MEM_MMIO),
		/* PRUSS-M */
		REGION(0x30040000, 0x300c0000, MEM_MMIO),
		/* DSS */
		REGION(0x30200000, 0x30210000, MEM_MMIO),
		/* USB */
		REGION(0x31000000, 0x31050000, MEM_MMIO),
		REGION(0x31100000, 0x31150000, MEM_MMIO),
		/* second wake-up domain */
		REGION(0x43000000, 0x43020000, MEM_MMIO),
		/* DMSS */
		REGION(0x48000000, 0x4e400000, MEM_MMIO),
		/* OCSRAM */
		REGION(0x70000000, 0x70010000, MEM_MMIO),
	},

	.irqchips = {
		/* GIC: INTIDs 32-671 */
		ALL_SPIS(AM625_GICD, 32), ALL_SPIS(AM625_GICD, 160),
		ALL_SPIS(AM625_GICD, 288), ALL_SPIS(AM625_GICD, 416),
		ALL_SPIS(AM625_GICD, 544),
	},

	.pci_devices = {
		AM625_IVSHMEM_DEVICE(0, 0, 3, 0,
				     JAILHOUSE_SHMEM_PROTO_UNDEFINED),
		AM625_IVSHMEM_DEVICE(1, 0, 2, 5, JAILHOUSE_SHMEM_PROTO_VETH),
	},
};
