// SPDX-License-Identifier: GPL-2.0
/*
 * inmate-demo cell of the TI AM62x SK, for gic-demo and uart-demo (seed
 * 001): CPU 2, 1 MiB of the cell RAM, MAIN_UART1 as its own console.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "k3-am625-sk.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "inmate-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = AM625_UART1_CONSOLE,
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		AM625_UART1_REGION,
		/* RAM */ {
			.phys_start = AM625_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = MEM_LOADABLE,
		},
		COMM_REGION,
	},
};
