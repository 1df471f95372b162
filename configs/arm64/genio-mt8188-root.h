/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Root cell of the MT8188-family Genio EVKs.  The including file defines
 *   GENIO_NAME      the cell name
 *   GENIO_CPUS      the CPU mask (Linux CPU numbers)
 *   GENIO_DRAM_END  the end of DRAM
 *
 * The GIC, the GPIO page and the EINT page are left out of the memory
 * regions: the hypervisor emulates the GIC and mediates GPIO and EINT per
 * pin.  The root cell owns every pin and every SPI until a cell takes some.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8188.h"
#include "regions.h"


struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[7];
	struct jailhouse_pci_device pci_devices[1];
	__u32 smc_ids[MTK_SIP_ROOT_NUM_SMC_IDS];
	struct jailhouse_vendor vendors[4];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = GENIO_HV,
			.size = GENIO_HV_SIZE,
		},
		.debug_console = MT8188_UART_CONSOLE(MT8188_UART0),
		.platform_info = {
			.pci_mmconfig_base = GENIO_VPCI_ECAM,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 3,
				.gicd_base = MT8188_GICD,
				.gicr_base = MT8188_GICR,
				.gicr_size = MT8188_GICR_SIZE,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = GENIO_NAME,
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_smc_ids = ARRAY_SIZE(config.smc_ids),
			.num_vendors = ARRAY_SIZE(config.vendors),
			.vpci_irq_base = GENIO_ROOT_VPCI_SPI,
		},
	},

	.cpus = {
		GENIO_CPUS,
	},

	.mem_regions = {
		/* MMIO below the GIC */
		REGION(0x00000000, MT8188_GICD, MEM_MMIO),
		/* MMIO from the GIC's end to the GPIO page */
		REGION(MT8188_GICR + MT8188_GICR_SIZE, MT8188_GPIO, MEM_MMIO),
		/* MMIO between the GPIO and the EINT page */
		REGION(MT8188_GPIO + 0x1000, MT8188_EINT, MEM_MMIO),
		/* MMIO from the EINT page on */
		REGION(MT8188_EINT + 0x1000, 0x20000000, MEM_MMIO),
		/* SRAM and reserved RAM below DRAM, as MediaTek's BSP */
		REGION(0x20000000, 0x40000000, JAILHOUSE_MEM_READ |
		       JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_DMA),
		/* DRAM up to the hypervisor: Linux, OP-TEE, SCP, BL31... */
		REGION(0x40000000, GENIO_HV, MEM_RAM_RWX),
		/* RAM lent to cells */
		REGION(GENIO_CELL_RAM, GENIO_CELL_RAM + GENIO_CELL_RAM_SIZE,
		       MEM_RAM_RWX),
		GENIO_IVSHMEM_REGIONS(0),
		/* DRAM above the IVSHMEM window */
		REGION(GENIO_IVSHMEM + 0x100000, GENIO_DRAM_END, MEM_RAM_RWX),
	},

	.irqchips = {
		/* GIC: INTIDs 32-927 */
		ALL_SPIS(MT8188_GICD, 32), ALL_SPIS(MT8188_GICD, 160),
		ALL_SPIS(MT8188_GICD, 288), ALL_SPIS(MT8188_GICD, 416),
		ALL_SPIS(MT8188_GICD, 544), ALL_SPIS(MT8188_GICD, 672),
		ALL_SPIS(MT8188_GICD, 800),
	},

	.pci_devices = {
		GENIO_IVSHMEM_DEVICE(0, 7),
	},

	.smc_ids = {
		MTK_SIP_ROOT_SMC_IDS,
	},

	.vendors = {
		MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8188_GPIO, 0, 0, 127),
		MTK_PINS(JAILHOUSE_VENDOR_MTK_GPIO, MT8188_GPIO, 128, 128,
			 MT8188_GPIO_PINS - 1),
		MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, MT8188_EINT, 0, 0, 127),
		MTK_PINS(JAILHOUSE_VENDOR_MTK_EINT, MT8188_EINT, 128, 128,
			 MT8188_EINT_LINES - 1),
	},
};
