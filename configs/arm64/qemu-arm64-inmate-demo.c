// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU bench: a bare-metal cell on CPU 1 for gic-demo and uart-demo.  It
 * prints to the PL011 it shares with the root cell.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

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
		.cpu_reset_address = 0,
		.console = QEMU_UART_CONSOLE,
	},

	.cpus = {
		1 << 1,
	},

	.mem_regions = {
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = QEMU_INMATE_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},
};
