/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bare-metal cell for a system test on the QEMU bench, which defines
 * before including this file:
 *   CELL_NAME, CELL_CPUS (bit mask), CELL_RAM (physical, 1 MiB),
 *   and, if the cell gets SPIs, CELL_SPI (one INTID; CELL_SPI_MORE adds
 *   the bits of others of the same 32); CELL_FLAGS adds
 *   cell flags; CELL_VENDOR one pin-block entry.
 * It prints on the PL011 it shares with the root cell.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

#ifndef CELL_FLAGS
#define CELL_FLAGS		0
#endif

#ifdef CELL_SPI
#define CELL_NUM_IRQCHIPS	1
#else
#define CELL_NUM_IRQCHIPS	0
#endif

#ifdef CELL_VENDOR
#define CELL_NUM_VENDORS	1
#else
#define CELL_NUM_VENDORS	0
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[CELL_NUM_IRQCHIPS];
	struct jailhouse_vendor vendors[CELL_NUM_VENDORS];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = CELL_NAME,
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED | CELL_FLAGS,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = CELL_NUM_IRQCHIPS,
		.num_vendors = CELL_NUM_VENDORS,
		.cpu_reset_address = 0,
		.console = QEMU_UART_CONSOLE,
	},

	.cpus = {
		CELL_CPUS,
	},

	.mem_regions = {
		QEMU_UART_REGION,
		/* RAM */ {
			.phys_start = CELL_RAM,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

#ifdef CELL_SPI
#ifndef CELL_SPI_MORE
#define CELL_SPI_MORE		0	/* bits of more SPIs of its 32 */
#endif
	.irqchips = { {
		.address = QEMU_GICD,
		.pin_base = CELL_SPI & ~31,
		.pin_bitmap = { (1u << (CELL_SPI & 31)) | CELL_SPI_MORE },
	} },
#endif

#ifdef CELL_VENDOR
	.vendors = {
		CELL_VENDOR,
	},
#endif
};
