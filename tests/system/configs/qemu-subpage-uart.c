// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with the PL011 as a sub-page region: only its first
 * 0x100 bytes, which hold every register Linux uses at run time.  The
 * region is not mapped; each access traps and is checked and carried out
 * by the hypervisor.
 */
#define ROOT_NAME		"qemu-subpage-uart"
#define DEBUG_CONSOLE {							\
		.address = QEMU_UART,					\
		.size = 0x100,						\
		.type = JAILHOUSE_CON_TYPE_PL011,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
	}
#define ROOT_NUM_REGIONS	6
#define ROOT_REGIONS							\
	/* PL011 registers 0x00-0xff, trapped */ {			\
		.phys_start = QEMU_UART,				\
		.virt_start = QEMU_UART,				\
		.size = 0x100,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_16 |	\
			JAILHOUSE_MEM_IO_32,				\
	},								\
	REGION(QEMU_UART + 0x1000, QEMU_VPCI_ECAM, MEM_MMIO),		\
	REGION(QEMU_VPCI_END, 0x40000000, MEM_MMIO),			\
	REGION(0x40000000, QEMU_CELLS_RAM, MEM_RAM_RWX),		\
	REGION(QEMU_CELLS_RAM, QEMU_HV, MEM_RAM_RWX),			\
	REGION(0x4010000000, 0x4020000000, MEM_MMIO),

#include "qemu-test-root.h"
