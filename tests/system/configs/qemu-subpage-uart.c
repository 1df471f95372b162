// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with the PL011 as a sub-page region: only its first
 * 0x100 bytes, which hold every register Linux uses at run time.  The
 * region is not mapped; each access traps and is checked and carried out
 * by the hypervisor.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[6];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = QEMU_HV,
			.size = QEMU_HV_SIZE,
		},
		.debug_console = {
			.address = QEMU_UART,
			.size = 0x100,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info.arm = {
			.gic_version = 3,
			.gicd_base = QEMU_GICD,
			.gicr_base = QEMU_GICR,
			.maintenance_irq = 25,
		},
		.root_cell = {
			.name = "qemu-subpage-uart",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},
	.cpus = { 0xf },
	.mem_regions = {
		/* PL011 registers 0x00-0xff, trapped */ {
			.phys_start = QEMU_UART,
			.virt_start = QEMU_UART,
			.size = 0x100,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_16 |
				JAILHOUSE_MEM_IO_32,
		},
		REGION(QEMU_UART + 0x1000, QEMU_VPCI_ECAM, MEM_MMIO),
		REGION(QEMU_VPCI_END, 0x40000000, MEM_MMIO),
		REGION(0x40000000, QEMU_CELLS_RAM, MEM_RAM_RWX),
		REGION(QEMU_CELLS_RAM, QEMU_HV, MEM_RAM_RWX),
		REGION(0x4010000000, 0x4020000000, MEM_MMIO),
	},
	.irqchips = {
		ALL_SPIS(QEMU_GICD, 32),
	},
};
