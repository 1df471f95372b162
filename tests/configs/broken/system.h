/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A correct QEMU-bench system configuration (as configs/arm64/qemu-arm64.c
 * in substance) that a broken test configuration changes in one place by
 * defining some of the macros below first.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

#ifndef SYS_SIGNATURE
#define SYS_SIGNATURE	JAILHOUSE_SYSTEM_SIGNATURE
#endif
#ifndef SYS_ARCH
#define SYS_ARCH	JAILHOUSE_ARM64
#endif
#ifndef SYS_REVISION
#define SYS_REVISION	JAILHOUSE_CONFIG_REVISION
#endif
#ifndef HV_PHYS
#define HV_PHYS		QEMU_HV
#endif
#ifndef HV_SIZE
#define HV_SIZE		QEMU_HV_SIZE
#endif
#ifndef DEBUG_CONSOLE
#define DEBUG_CONSOLE	QEMU_UART_CONSOLE
#endif
#ifndef GIC_VERSION
#define GIC_VERSION	3
#endif
#ifndef GICD_BASE
#define GICD_BASE	QEMU_GICD
#endif
#ifndef MAINTENANCE_IRQ
#define MAINTENANCE_IRQ	25
#endif
#ifndef ECAM_BASE
#define ECAM_BASE	QEMU_VPCI_ECAM
#endif
#ifndef LINUX_RAM_FLAGS
#define LINUX_RAM_FLAGS	MEM_RAM_RWX
#endif
#ifndef NUM_EXTRA_REGIONS
#define NUM_EXTRA_REGIONS 0
#define EXTRA_REGIONS
#endif
#ifndef IRQCHIP
#define IRQCHIP		ALL_SPIS(QEMU_GICD, 32)
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[10 + NUM_EXTRA_REGIONS];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = SYS_SIGNATURE,
		.revision = SYS_REVISION,
		.architecture = SYS_ARCH,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = HV_PHYS,
			.size = HV_SIZE,
		},
		.debug_console = DEBUG_CONSOLE,
		.platform_info = {
			.pci_mmconfig_base = ECAM_BASE,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = GIC_VERSION,
				.gicd_base = GICD_BASE,
				.gicr_base = QEMU_GICR,
				.maintenance_irq = MAINTENANCE_IRQ,
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
		0xf,
	},

	.mem_regions = {
		REGION(0x09000000, QEMU_VPCI_ECAM, MEM_MMIO),
		REGION(QEMU_VPCI_END, 0x40000000, MEM_MMIO),
		REGION(0x40000000, QEMU_CELLS_RAM, LINUX_RAM_FLAGS),
		REGION(QEMU_CELLS_RAM, QEMU_IVSHMEM, MEM_RAM_RWX),
		QEMU_IVSHMEM_REGIONS(0),
		REGION(0x4010000000, 0x4020000000, MEM_MMIO),
		EXTRA_REGIONS
	},

	.irqchips = {
		IRQCHIP,
	},

	.pci_devices = {
		QEMU_IVSHMEM_DEVICE(0, 4),
	},
};
