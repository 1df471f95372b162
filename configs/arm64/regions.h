/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shorthands the board configurations share.  They expand to ordinary
 * initialisers of the structures in <jailhouse/cell-config.h>.
 */
#ifndef _CONFIG_REGIONS_H
#define _CONFIG_REGIONS_H

/* RAM the cell runs from and does DMA to */
#define MEM_RAM_RWX	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA)
/* device registers */
#define MEM_MMIO	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_IO)
/* RAM loaded by "jailhouse cell load" */
#define MEM_LOADABLE	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE)

/* An identity-mapped region from @start up to (not including) @end. */
#define REGION(start, end, flags_) {					\
		.phys_start = start,					\
		.virt_start = start,					\
		.size = (end) - (start),				\
		.flags = flags_,					\
	}

/* The communication region, where inmates expect it. */
#define COMM_REGION {							\
		.virt_start = 0x80000000,				\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_COMM_REGION,			\
	}

/* All 128 INTIDs from @base of the distributor at @gicd. */
#define ALL_SPIS(gicd, base) {						\
		.address = gicd,					\
		.pin_base = base,					\
		.pin_bitmap = {						\
			0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,	\
		},							\
	}

/* The single INTID @intid, in the irqchip entry of its 32-aligned base. */
#define ONE_SPI(gicd, intid) {						\
		.address = gicd,					\
		.pin_base = (intid) & ~31,				\
		.pin_bitmap = {						\
			1u << ((intid) & 31),				\
		},							\
	}

#endif /* !_CONFIG_REGIONS_H */
