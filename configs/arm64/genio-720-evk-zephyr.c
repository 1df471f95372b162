// SPDX-License-Identifier: GPL-2.0
/*
 * Zephyr cell of the MediaTek Genio 720 EVK, as in the Genio 720 article
 * (seed 000): one Cortex-A55 (CPU 5), 48 MiB at 0x45000000 loaded at
 * CONFIG_INMATE_BASE, UART1 shared with the root cell, GPIO 33/34 (UART1
 * TX/RX) and the 40-pin header's GPIO 38 and 40 with their EINTs.
 *
 * Differences from the article, following the SoC (genio-mt8391.h):
 * - The EINT entry names eint0 at 0x11ce0000, not MT8188's 0x1000b000.
 *   Which eint instance and line serve pads 38 and 40 is not in the facts
 *   we have; lines 38 and 40 of eint0 stand for them until it is.
 * - The EINT interrupt is INTID 271 (SPI 239), shared by all five
 *   instances; it stays with the root cell and the hypervisor injects the
 *   EINTs of the cell's lines, so it is not listed here.  The article's
 *   "SPI 446" and "SPI 267" are not interrupts of this SoC.
 * - The cell owns UART1's interrupt, INTID 430.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8391.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_vendor vendors[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "zephyr",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_vendors = ARRAY_SIZE(config.vendors),
		.cpu_reset_address = CONFIG_INMATE_BASE,
		.console = MT8391_UART_CONSOLE(MT8391_UART1),
	},

	.cpus = {
		1 << 5,
	},

	.mem_regions = {
		MT8391_UART1_REGION,
		/* RAM, 48 MiB */ {
			.phys_start = G720_CELL_RAM,
			.virt_start = CONFIG_INMATE_BASE,
			.size = G720_CELL_RAM_SIZE,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: UART1 */ {
			.address = MT8391_GICD,
			.pin_base = 416,
			.pin_bitmap = {
				1 << (MT8391_UART1_INTID - 416),
			},
		},
	},

	.vendors = {
		/* GPIO 33, 34 (UART1 TX, RX), 38, 40 */ {
			.type = JAILHOUSE_VENDOR_MTK_GPIO,
			.mtk_gpio.address = MT8391_GPIO,
			.mtk_gpio.pin_base = 32,
			.mtk_gpio.pin_bitmap = {
				1 << (33 - 32) | 1 << (34 - 32) |
				1 << (38 - 32) | 1 << (40 - 32),
			},
		},
		/* EINT 38, 40 (article: bitmap 0x140 at pin_base 32) */ {
			.type = JAILHOUSE_VENDOR_MTK_EINT,
			.mtk_eint.address = MT8391_EINT0,
			.mtk_eint.pin_base = 32,
			.mtk_eint.pin_bitmap = {
				1 << (38 - 32) | 1 << (40 - 32),
			},
		},
	},
};
