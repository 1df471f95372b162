// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with only 1 MiB of hypervisor memory and 256 I/O
 * pages 1 GiB apart (above 1 TiB, where nothing is): their stage-2 tables
 * need about 500 pages, more than the page pool has.  Only the hypervisor
 * finds out, after every CPU entered.
 */
#define FAR_IO(n) REGION(0x10000000000ULL + (n) * 0x40000000ULL,	\
			 0x10000000000ULL + (n) * 0x40000000ULL + 0x1000,	\
			 MEM_MMIO)
#define FAR_IO4(n)	FAR_IO(n), FAR_IO(n + 1), FAR_IO(n + 2), FAR_IO(n + 3)
#define FAR_IO16(n)	FAR_IO4(n), FAR_IO4(n + 4), FAR_IO4(n + 8), \
			FAR_IO4(n + 12)
#define FAR_IO64(n)	FAR_IO16(n), FAR_IO16(n + 16), FAR_IO16(n + 32), \
			FAR_IO16(n + 48)

#define ROOT_NAME		"qemu-tiny-pool"
#define HV_SIZE			0x100000
#define ROOT_NUM_REGIONS	(3 + 256)
#define ROOT_REGIONS							\
	REGION(0x09000000, QEMU_VPCI_ECAM, MEM_MMIO),			\
	REGION(0x40000000, QEMU_CELLS_RAM, MEM_RAM_RWX),		\
	REGION(0x4010000000, 0x4020000000, MEM_MMIO),			\
	FAR_IO64(0), FAR_IO64(64), FAR_IO64(128), FAR_IO64(192),

#include "qemu-test-root.h"
