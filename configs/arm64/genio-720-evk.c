// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell of the MediaTek Genio 720 EVK (MT8391): see genio-mt8391.h for
 * the memory map and where it departs from the Genio 720 article.
 *
 * RAM follows /proc/iomem of the EVK: firmware-owned holes (OP-TEE, SCP,
 * BL31, APU, audio DMA) are not mapped.  The GIC, the GPIO page and the
 * five EINT pages are not mapped either: the hypervisor emulates and
 * mediates them.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8391.h"
#include "regions.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[23];
	struct jailhouse_irqchip irqchips[8];
	struct jailhouse_pci_device pci_devices[1];
	__u32 smc_ids[MTK_SIP_ROOT_NUM_SMC_IDS];
	struct jailhouse_vendor vendors[7];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = G720_HV,
			.size = G720_HV_SIZE,
		},
		.debug_console = MT8391_UART_CONSOLE(MT8391_UART0),
		.platform_info = {
			.pci_mmconfig_base = G720_VPCI_ECAM,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 3,
				.gicd_base = MT8391_GICD,
				.gicr_base = MT8391_GICR,
				.gicr_size = MT8391_GICR_SIZE,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "genio-720-evk",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_smc_ids = ARRAY_SIZE(config.smc_ids),
			.num_vendors = ARRAY_SIZE(config.vendors),
			.vpci_irq_base = G720_ROOT_VPCI_SPI,
		},
	},

	.cpus = {
		0xff,
	},

	.mem_regions = {
		/* MMIO, around the GIC, GPIO and EINT pages */
		REGION(0x00000000, MT8391_GICD, MEM_MMIO),
		REGION(MT8391_GICR + MT8391_GICR_SIZE, MT8391_GPIO, MEM_MMIO),
		REGION(MT8391_GPIO + 0x1000, MT8391_EINT0, MEM_MMIO),
		REGION(MT8391_EINT0 + 0x1000, MT8391_EINT1, MEM_MMIO),
		REGION(MT8391_EINT1 + 0x1000, MT8391_EINT2, MEM_MMIO),
		REGION(MT8391_EINT2 + 0x1000, MT8391_EINT4, MEM_MMIO),
		REGION(MT8391_EINT4 + 0x1000, MT8391_EINT3, MEM_MMIO),
		REGION(MT8391_EINT3 + 0x1000, 0x20000000, MEM_MMIO),
		/* SRAM and reserved RAM below DRAM */
		REGION(0x20000000, 0x40000000, JAILHOUSE_MEM_READ |
		       JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_DMA),
		/* DRAM, without OP-TEE 0x43200000-0x43dfffff */
		REGION(0x40000000, 0x43200000, MEM_RAM_RWX),
		REGION(0x43e00000, G720_HV, MEM_RAM_RWX),
		/* RAM lent to cells */
		REGION(GENIO_CELL_RAM, GENIO_CELL_RAM + GENIO_CELL_RAM_SIZE,
		       MEM_RAM_RWX),
		GENIO_IVSHMEM_REGIONS(0),
		/* DRAM, without SCP, BL31, APU, 0x5b000000 and audio DMA */
		REGION(G720_VPCI_ECAM + 0x200000, 0x50000000, MEM_RAM_RWX),
		REGION(0x52900000, 0x54600000, MEM_RAM_RWX),
		REGION(0x54800000, 0x55000000, MEM_RAM_RWX),
		REGION(0x56400000, 0x5b000000, MEM_RAM_RWX),
		REGION(0x5b200000, 0x60000000, MEM_RAM_RWX),
		REGION(0x60800000, 0x240000000, MEM_RAM_RWX),
	},

	.irqchips = {
		/* GIC: INTIDs 32-1019 */
		ALL_SPIS(MT8391_GICD, 32), ALL_SPIS(MT8391_GICD, 160),
		ALL_SPIS(MT8391_GICD, 288), ALL_SPIS(MT8391_GICD, 416),
		ALL_SPIS(MT8391_GICD, 544), ALL_SPIS(MT8391_GICD, 672),
		ALL_SPIS(MT8391_GICD, 800),
		{
			.address = MT8391_GICD,
			.pin_base = 928,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0x0fffffff, 0,
			},
		},
	},

	.pci_devices = {
		GENIO_IVSHMEM_DEVICE(0, 12),
	},

	.smc_ids = {
		MTK_SIP_ROOT_SMC_IDS,
	},

	.vendors = {
		MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8391_GPIO, 0, 0, 127),
		MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8391_GPIO, 128, 128,
			 MT8391_GPIO_PINS - 1),
		/* every line of the five EINT instances: 51/88/34/28/9 */
		MT8391_EINT_ALL(0),
		MT8391_EINT_ALL(1),
		MT8391_EINT_ALL(2),
		MT8391_EINT_ALL(3),
		MT8391_EINT_ALL(4),
	},
};
