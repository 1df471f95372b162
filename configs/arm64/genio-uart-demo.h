/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uart-demo and gic-demo cell of the Genio EVKs, included after the SoC
 * header: one Cortex-A55, the first MiB of the cell RAM, UART1 (shared
 * with the root cell) and its pins.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* a SoC header may add the pads' EINTs (GENIO_UART_DEMO_EINTS) */
#ifdef GENIO_UART_DEMO_EINTS
#define GENIO_UART_DEMO_VENDORS		2
#else
#define GENIO_UART_DEMO_VENDORS		1
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_vendor vendors[GENIO_UART_DEMO_VENDORS];
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
		.console = GENIO_UART1_CONSOLE,
	},

	.cpus = {
		1 << GENIO_CELL_CPU,
	},

	.mem_regions = {
		GENIO_UART1_REGION,
		/* RAM */ {
			.phys_start = GENIO_CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.vendors = {
		MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, GENIO_GPIO, 32, 33, 34),
#ifdef GENIO_UART_DEMO_EINTS
		GENIO_UART_DEMO_EINTS,
#endif
	},
};
