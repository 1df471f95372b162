/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bare-metal demo cell (gic-demo, uart-demo) of the i.MX8M EVKs: CPU 3,
 * 1 MiB at IMX_CELL_RAM, printing to the UART IMX_UART that it shares with
 * the root cell.  The including file defines IMX_CELL_NAME, IMX_CELL_RAM
 * and IMX_UART.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "imx8m.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = IMX_CELL_NAME,
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = IMX8M_UART_CONSOLE(IMX_UART),
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		IMX8M_SHARED_UART(IMX_UART),
		/* RAM */ {
			.phys_start = IMX_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = MEM_LOADABLE,
		},
		COMM_REGION,
	},
};
