// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with its hypervisor memory at 0x6fc00000, which the
 * bench's device tree does not reserve: Linux has it as System RAM.  The
 * configuration itself is consistent (the root cell's RAM stops below),
 * so only the driver can see what is wrong.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x6fc00000,
			.size = 0x400000,
		},
		.debug_console = QEMU_UART_CONSOLE,
		.platform_info.arm = {
			.gic_version = 3,
			.gicd_base = QEMU_GICD,
			.gicr_base = QEMU_GICR,
			.maintenance_irq = 25,
		},
		.root_cell = {
			.name = "qemu-hv-in-ram",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},
	.cpus = { 0xf },
	.mem_regions = {
		REGION(0x09000000, 0x40000000, MEM_MMIO),
		REGION(0x40000000, 0x6fc00000, MEM_RAM_RWX),
		REGION(0x4010000000, 0x4020000000, MEM_MMIO),
	},
	.irqchips = {
		ALL_SPIS(QEMU_GICD, 32),
	},
};
