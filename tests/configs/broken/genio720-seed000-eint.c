// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a Genio 720 Zephyr cell written from seed 000's
 * literal values, whose EINT entry names 0x1000b000, the EINT block of
 * the MT8188 family (Genio 700/510).  The MT8391 of the Genio 720 has
 * five EINT instances instead; the root cell's blocks say it is one.
 * (The seed's "SPI 446" and "SPI 267" are left out: no line of this SoC.)
 *
 * check: genio-720-evk @
 * expect: vendors[1].address: 0x1000b000: the EINT (MT8188 family), but the system's other blocks are the MT8391 (Genio 720)'s, whose EINT instances are 0x11ce0000, 0x11de0000, 0x11e60000, 0x1c01e000 and 0x11f00000, all on one line, INTID 271; see Documentation/board-genio.md, section "EINT on the Genio 720 (MT8391)"
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
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
		.num_vendors = ARRAY_SIZE(config.vendors),
		.cpu_reset_address = 0,	/* CONFIG_INMATE_BASE */
	},

	.cpus = {
		1 << 5,
	},

	.mem_regions = {
		/* UART1 shared with root cell (inmate console) */ {
			.phys_start = 0x11002000,
			.virt_start = 0x11002000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED |
				JAILHOUSE_MEM_IO_32,
		},
		/* inmate memory region (48MB) */ {
			.phys_start = 0x45000000,
			.virt_start = 0,	/* CONFIG_INMATE_BASE */
			.size = 0x03000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* IVC communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.vendors = {
		/* GPIO pin mux for UART1 TX/RX (pins 33 & 34) */ {
			.type = JAILHOUSE_VENDOR_MTK_GPIO,
			.mtk_gpio.address = 0x10005000,
			.mtk_gpio.pin_base = 32,
			.mtk_gpio.pin_bitmap = { 0x00000006, 0, 0, 0 },
		},
		/* EINT routing for UART interrupt */ {
			.type = JAILHOUSE_VENDOR_MTK_EINT,
			.mtk_eint.address = 0x1000b000,
			.mtk_eint.pin_base = 32,
			.mtk_eint.pin_bitmap = { 0x00000140, 0, 0, 0 },
		},
	},
};
