/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A correct Genio 700 EVK cell with vendor (pin) entries, which a broken
 * test configuration changes by defining VENDORS / NUM_VENDORS, and
 * optionally EXTRA_REGIONS / NUM_EXTRA_REGIONS, before including this
 * file.  Unchanged (with no vendors) it passes with genio-700-evk.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8188.h"

#ifndef NUM_EXTRA_REGIONS
#define NUM_EXTRA_REGIONS 0
#define EXTRA_REGIONS
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3 + NUM_EXTRA_REGIONS];
	struct jailhouse_vendor vendors[NUM_VENDORS];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "broken-test",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_vendors = NUM_VENDORS,
		.cpu_reset_address = GENIO_CELL_RAM + 0x400000,
		.console = MT8188_UART_CONSOLE(MT8188_UART1),
	},

	.cpus = {
		1 << 7,
	},

	.mem_regions = {
		MT8188_UART1_REGION,
		REGION(GENIO_CELL_RAM + 0x400000, GENIO_CELL_RAM + 0x500000,
		       MEM_LOADABLE),
		COMM_REGION,
		EXTRA_REGIONS
	},

	.vendors = { VENDORS },
};
