// SPDX-License-Identifier: GPL-2.0
/*
 * The witness of the hostile suite on CPU 4 (# smp: 6): the inmate-demo's
 * RAM, its last 4 KiB shared with the root cell for the heartbeat.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "witness",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = QEMU_UART_CONSOLE,
	},
	.cpus = {
		1 << 4,
	},
	.mem_regions = {
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = QEMU_INMATE_RAM,
			.virt_start = 0,
			.size = 0x000ff000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* heartbeat, read by the root cell */ {
			.phys_start = QEMU_INMATE_RAM + 0x000ff000,
			.virt_start = 0x000ff000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		COMM_REGION,
	},
};
