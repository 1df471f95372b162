/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A QEMU-bench root cell for a system test, which defines before
 * including this file:
 *   ROOT_NAME, ROOT_REGIONS and ROOT_NUM_REGIONS,
 *   and, where they differ from the bench, HV_PHYS, HV_SIZE and
 *   DEBUG_CONSOLE; ROOT_VENDORS and ROOT_NUM_VENDORS for pin blocks.
 * It has the bench's CPUs, GIC and SPIs, and no PCI.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

#ifndef HV_PHYS
#define HV_PHYS		QEMU_HV
#endif
#ifndef HV_SIZE
#define HV_SIZE		QEMU_HV_SIZE
#endif
#ifndef DEBUG_CONSOLE
#define DEBUG_CONSOLE	QEMU_UART_CONSOLE
#endif

#ifndef ROOT_NUM_VENDORS
#define ROOT_NUM_VENDORS	0
#define ROOT_VENDORS
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[ROOT_NUM_REGIONS];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_vendor vendors[ROOT_NUM_VENDORS];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = HV_PHYS,
			.size = HV_SIZE,
		},
		.debug_console = DEBUG_CONSOLE,
		.platform_info.arm = {
			.gic_version = 3,
			.gicd_base = QEMU_GICD,
			.gicr_base = QEMU_GICR,
			.maintenance_irq = 25,
		},
		.root_cell = {
			.name = ROOT_NAME,
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_vendors = ROOT_NUM_VENDORS,
		},
	},
	.cpus = { 0xf },
	.mem_regions = {
		ROOT_REGIONS
	},
	.irqchips = {
		ALL_SPIS(QEMU_GICD, 32),
	},
	.vendors = {
		ROOT_VENDORS
	},
};
