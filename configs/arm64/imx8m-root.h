/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Root cell of the i.MX8M EVKs.  The including file defines IMX_NAME,
 * IMX_DEBUG_UART, IMX_HV, IMX_VPCI_ECAM, IMX_VPCI_DOMAIN, IMX_IVSHMEM and
 * IMX_RAM_REGIONS (RAM around them, 5 regions), IMX_NUM_RAM_REGIONS.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "imx8m.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[10 + IMX_NUM_RAM_REGIONS];
	struct jailhouse_irqchip irqchips[3];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = IMX_HV,
			.size = 0x400000,
		},
		.debug_console = IMX8M_UART_CONSOLE(IMX_DEBUG_UART),
		.platform_info = {
			.pci_mmconfig_base = IMX_VPCI_ECAM,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = IMX_VPCI_DOMAIN,
			.arm = {
				.gic_version = 3,
				.gicd_base = IMX8M_GICD,
				.gicr_base = IMX8M_GICR,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = IMX_NAME,
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.vpci_irq_base = 51,	/* INTIDs 83, 84 */
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		IMX8M_IVSHMEM_REGIONS(IMX_IVSHMEM, 0),
		JAILHOUSE_SHMEM_NET_REGIONS(IMX_IVSHMEM + 0x100000, 0),
		/* every device below the GIC */
		REGION(0x00000000, IMX8M_GICD, MEM_MMIO),
		IMX_RAM_REGIONS,
	},

	.irqchips = {
		/* GIC: INTIDs 32-415 */
		ALL_SPIS(IMX8M_GICD, 32), ALL_SPIS(IMX8M_GICD, 160),
		ALL_SPIS(IMX8M_GICD, 288),
	},

	.pci_devices = {
		IMX8M_IVSHMEM_DEVICE(IMX_VPCI_DOMAIN, 0, 0, 3, 0,
				     JAILHOUSE_SHMEM_PROTO_UNDEFINED),
		IMX8M_IVSHMEM_DEVICE(IMX_VPCI_DOMAIN, 1, 0, 2, 5,
				     JAILHOUSE_SHMEM_PROTO_VETH),
	},
};
