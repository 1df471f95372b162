// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with its hypervisor memory at 0x6fc00000, which the
 * bench's device tree does not reserve: Linux has it as System RAM.  The
 * configuration itself is consistent (the root cell's RAM stops below),
 * so only the driver can see what is wrong.
 */
#define ROOT_NAME		"qemu-hv-in-ram"
#define HV_PHYS			0x6fc00000
#define ROOT_NUM_REGIONS	3
#define ROOT_REGIONS							\
	REGION(0x09000000, 0x40000000, MEM_MMIO),			\
	REGION(0x40000000, 0x6fc00000, MEM_RAM_RWX),			\
	REGION(0x4010000000, 0x4020000000, MEM_MMIO),

#include "qemu-test-root.h"
