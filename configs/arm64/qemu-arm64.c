// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell of the QEMU test bench: see qemu-arm64.h for the memory map.
 * Linux keeps every CPU and device; the RAM reserved for cells stays the
 * root cell's until a cell is created from it.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

#ifndef QEMU_ROOT_MMIO
/* Two regions: all MMIO of the machine but the virtual PCI host's */
#define QEMU_ROOT_MMIO							\
	/* MMIO: UART, RTC, fw_cfg, GPIO, virtio-mmio */		\
	REGION(0x09000000, QEMU_VPCI_ECAM, MEM_MMIO),			\
	/* MMIO: PCIe windows and low ECAM */				\
	REGION(QEMU_VPCI_END, 0x40000000, MEM_MMIO)
#endif

#ifndef QEMU_ROOT_CPUS		/* a test boots more */
#define QEMU_ROOT_CPUS		0xf
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[14];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = QEMU_HV,
			.size = QEMU_HV_SIZE,
		},
		.debug_console = QEMU_UART_CONSOLE,
		.platform_info = {
			.pci_mmconfig_base = QEMU_VPCI_ECAM,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 3,
				.gicd_base = QEMU_GICD,
				.gicr_base = QEMU_GICR,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-arm64",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.vpci_irq_base = QEMU_ROOT_VPCI_SPI,
		},
	},

	.cpus = {
		QEMU_ROOT_CPUS,
	},

	.mem_regions = {
		QEMU_ROOT_MMIO,
		/* RAM of Linux */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = QEMU_CELLS_RAM - 0x40000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM reserved for cells (no-map in the device tree) */ {
			.phys_start = QEMU_CELLS_RAM,
			.virt_start = QEMU_CELLS_RAM,
			.size = QEMU_IVSHMEM - QEMU_CELLS_RAM,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		QEMU_IVSHMEM_REGIONS(0),
		/* PCIe ECAM of QEMU's physical host bridge */ {
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		QEMU_VETH_REGIONS(0),
	},

	.irqchips = {
		/* GIC: SPIs 0-127 (INTIDs 32-159) */ {
			.address = QEMU_GICD,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(0, 4),
		QEMU_VETH_DEVICE(0, 10),
	},
};
