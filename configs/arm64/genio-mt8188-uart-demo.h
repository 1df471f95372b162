/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uart-demo and gic-demo cell of the MT8188-family Genio EVKs: CPU 3, the
 * first MiB of the cell RAM, UART1 (shared with the root cell) and its
 * pins.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8188.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_vendor vendors[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "uart-demo",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_vendors = ARRAY_SIZE(config.vendors),
		.console = MT8188_UART_CONSOLE(MT8188_UART1),
	},

	.cpus = {
		1 << 3,
	},

	.mem_regions = {
		MT8188_UART1_REGION,
		/* RAM */ {
			.phys_start = GENIO_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.vendors = {
		MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8188_GPIO, 32, 33, 34),
	},
};
