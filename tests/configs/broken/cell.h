/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A correct QEMU-bench cell that a broken test configuration changes in
 * one place: it defines some of the macros below before including this
 * file.  Unchanged, it passes "jailhouse config check" with qemu-arm64.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "qemu-arm64.h"

#ifndef CELL_NAME
#define CELL_NAME	"broken-test"
#endif
#ifndef CELL_FLAGS
#define CELL_FLAGS	JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED
#endif
#ifndef CELL_CPUS
#define CELL_CPUS	(1 << 3)
#endif
#ifndef CELL_RESET
#define CELL_RESET	0
#endif
#ifndef CELL_CONSOLE
#define CELL_CONSOLE	QEMU_UART_CONSOLE
#endif
#ifndef CELL_MSG_TIMEOUT
#define CELL_MSG_TIMEOUT	0
#endif
#ifndef CELL_VPCI_SPI
#define CELL_VPCI_SPI	0
#endif
/* an unused MiB of the RAM reserved for cells */
#ifndef RAM_PHYS
#define RAM_PHYS	0x7f300000
#endif
#ifndef RAM_VIRT
#define RAM_VIRT	0
#endif
#ifndef RAM_SIZE
#define RAM_SIZE	0x00100000
#endif
#ifndef RAM_FLAGS
#define RAM_FLAGS	MEM_LOADABLE
#endif
#ifndef CELL_COMM_REGION
#define CELL_COMM_REGION COMM_REGION
#endif
#ifndef NUM_EXTRA_REGIONS
#define NUM_EXTRA_REGIONS 0
#define EXTRA_REGIONS
#endif
#ifndef NUM_IRQCHIPS
#define NUM_IRQCHIPS	0
#define IRQCHIPS
#endif
#ifndef NUM_PCI_DEVICES
#define NUM_PCI_DEVICES	0
#define PCI_DEVICES
#endif
#ifndef NUM_SMC_IDS
#define NUM_SMC_IDS	0
#define SMC_IDS
#endif
#ifndef NUM_VENDORS
#define NUM_VENDORS	0
#define VENDORS
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3 + NUM_EXTRA_REGIONS];
	struct jailhouse_irqchip irqchips[NUM_IRQCHIPS];
	struct jailhouse_pci_device pci_devices[NUM_PCI_DEVICES];
	__u32 smc_ids[NUM_SMC_IDS];
	struct jailhouse_vendor vendors[NUM_VENDORS];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = CELL_NAME,
		.flags = CELL_FLAGS,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = NUM_IRQCHIPS,
		.num_pci_devices = NUM_PCI_DEVICES,
		.num_smc_ids = NUM_SMC_IDS,
		.num_vendors = NUM_VENDORS,
		.vpci_irq_base = CELL_VPCI_SPI,
		.cpu_reset_address = CELL_RESET,
		.msg_reply_timeout = CELL_MSG_TIMEOUT,
		.console = CELL_CONSOLE,
	},

	.cpus = {
		CELL_CPUS,
	},

	.mem_regions = {
		QEMU_UART_REGION,
		{
			.phys_start = RAM_PHYS,
			.virt_start = RAM_VIRT,
			.size = RAM_SIZE,
			.flags = RAM_FLAGS,
		},
		CELL_COMM_REGION,
		EXTRA_REGIONS
	},
	.irqchips = { IRQCHIPS },
	.pci_devices = { PCI_DEVICES },
	.smc_ids = { SMC_IDS },
	.vendors = { VENDORS },
};
