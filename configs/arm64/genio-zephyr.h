/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zephyr cell of the Genio EVKs, included after the SoC header
 * (genio-mt8188.h or genio-mt8391.h): one Cortex-A55, the RAM reserved for
 * cells loaded at CONFIG_INMATE_BASE, UART1 shared with the root cell,
 * and the pins of the 40-pin header: GPIO 33/34 (UART1 TX/RX), GPIO 38
 * and 40 with their EINTs (GENIO_ZEPHYR_EINTS: which lines of which EINT
 * block these are depends on the SoC).
 *
 * The EINT controller has one GIC line for all EINTs.  It stays with the
 * root cell: the hypervisor takes the interrupt, looks which cell owns the
 * pending EINT and injects it there, so the cell does not list that line.
 * It owns UART1's own interrupt.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

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
		.console = GENIO_UART1_CONSOLE,
	},

	.cpus = {
		1 << GENIO_CELL_CPU,
	},

	.mem_regions = {
		GENIO_UART1_REGION,
		/* RAM */ {
			.phys_start = GENIO_CELL_RAM,
			.virt_start = CONFIG_INMATE_BASE,
			.size = GENIO_ZEPHYR_RAM_SIZE,
			.flags = MEM_LOADABLE,
		},
		COMM_REGION,
	},

	.irqchips = {
		/* GIC: UART1 */
		ONE_SPI(GENIO_GICD, GENIO_UART1_INTID),
	},

	.vendors = {
		/* GPIO 33, 34 (UART1 TX, RX), 38, 40 */ {
			.type = JAILHOUSE_VENDOR_MTK_GPIO,
			.mtk_gpio.address = GENIO_GPIO,
			.mtk_gpio.pin_base = 32,
			.mtk_gpio.pin_bitmap = {
				1 << (33 - 32) | 1 << (34 - 32) |
				1 << (38 - 32) | 1 << (40 - 32),
			},
		},
		/* the pads' EINTs, as the SoC numbers them */
		GENIO_ZEPHYR_EINTS,
	},
};
