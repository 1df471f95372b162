/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercalls, cell states, messages, statistics and the communication
 * region: the ABI between the hypervisor and the code running in cells
 * (the root cell's driver, inmates).
 */
#ifndef _JAILHOUSE_HYPERCALL_H
#define _JAILHOUSE_HYPERCALL_H

#include "console.h"

/* arm64: hvc #JAILHOUSE_HVC_CODE, code in x0, arguments in x1 and x2 */
#define JAILHOUSE_HVC_CODE			0x4a48

#define JAILHOUSE_HC_DISABLE			0
#define JAILHOUSE_HC_CELL_CREATE		1
#define JAILHOUSE_HC_CELL_START			2
#define JAILHOUSE_HC_CELL_SET_LOADABLE		3
#define JAILHOUSE_HC_CELL_DESTROY		4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO	5
#define JAILHOUSE_HC_CELL_GET_STATE		6
#define JAILHOUSE_HC_CPU_GET_INFO		7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC		8

/* HYPERVISOR_GET_INFO */
#define JAILHOUSE_INFO_MEM_POOL_SIZE		0
#define JAILHOUSE_INFO_MEM_POOL_USED		1
#define JAILHOUSE_INFO_REMAP_POOL_SIZE		2
#define JAILHOUSE_INFO_REMAP_POOL_USED		3
#define JAILHOUSE_INFO_NUM_CELLS		4

/* CPU_GET_INFO */
#define JAILHOUSE_CPU_INFO_STATE		0
#define JAILHOUSE_CPU_INFO_STAT_BASE		1000

#define JAILHOUSE_CPU_RUNNING			0
#define JAILHOUSE_CPU_FAILED			2

/* per-CPU statistics, CPU_GET_INFO type JAILHOUSE_CPU_INFO_STAT_BASE + n */
#define JAILHOUSE_CPU_STAT_VMEXITS_TOTAL	0
#define JAILHOUSE_CPU_STAT_VMEXITS_MMIO		1
#define JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT	2
#define JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL	3
#define JAILHOUSE_GENERIC_CPU_STATS		4
#define JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE	4
#define JAILHOUSE_CPU_STAT_VMEXITS_VIRQ		5
#define JAILHOUSE_CPU_STAT_VMEXITS_VSGI		6
#define JAILHOUSE_CPU_STAT_VMEXITS_PSCI		7
#define JAILHOUSE_CPU_STAT_VMEXITS_SMCCC	8
#define JAILHOUSE_NUM_CPU_STATS			9

/* cell states: comm_region.cell_state and CELL_GET_STATE */
#define JAILHOUSE_CELL_RUNNING			0
#define JAILHOUSE_CELL_RUNNING_LOCKED		1
#define JAILHOUSE_CELL_SHUT_DOWN		2	/* terminal */
#define JAILHOUSE_CELL_FAILED			3	/* terminal */
#define JAILHOUSE_CELL_FAILED_COMM_REV		4	/* terminal */

/* messages to a cell */
#define JAILHOUSE_MSG_NONE			0
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2

/* replies from a cell */
#define JAILHOUSE_MSG_UNKNOWN			1
#define JAILHOUSE_MSG_REQUEST_DENIED		2
#define JAILHOUSE_MSG_REQUEST_APPROVED		3
#define JAILHOUSE_MSG_RECEIVED			4

#define COMM_REGION_ABI_REVISION		2
#define COMM_REGION_MAGIC			"JHCOMM"

#define COMM_REGION_DBG_PUTC_PERMITTED		0x0001
#define COMM_REGION_DBG_PUTC_ACTIVE		0x0002

#define COMM_REGION_GENERIC_HEADER					\
	/* "JHCOMM" */							\
	char signature[6];						\
	__u16 revision;							\
	/* written by the cell */					\
	volatile __u32 cell_state;					\
	/* written by the hypervisor */					\
	volatile __u32 msg_to_cell;					\
	/* written by the cell */					\
	volatile __u32 reply_from_cell;					\
	__u32 flags;							\
	struct jailhouse_console console;				\
	__u64 pci_mmconfig_base

/* arm and arm64 */
struct jailhouse_comm_region {
	COMM_REGION_GENERIC_HEADER;
	__u8 gic_version;
	__u8 padding[7];
	__u64 gicd_base;
	__u64 gicc_base;
	__u64 gicr_base;
	__u32 vpci_irq_base;
} __attribute__((packed));

#endif /* !_JAILHOUSE_HYPERCALL_H */
