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

/*
 * IVSHMEM v2 shared memory at @base as peer @id sees it: a read-only
 * state table of @state bytes, a read/write section of @rw bytes, then
 * one output section of @out bytes per peer, writable by its owner only.
 */
#define IVSHMEM_STATE(base, state) {					\
		.phys_start = base,					\
		.virt_start = base,					\
		.size = state,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	}

#define IVSHMEM_RW(base, state, rw) {					\
		.phys_start = (base) + (state),				\
		.virt_start = (base) + (state),				\
		.size = rw,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_ROOTSHARED,			\
	}

#define IVSHMEM_OUTPUT(base, state, rw, out, n, id) {			\
		.phys_start = (base) + (state) + (rw) + (n) * (out),	\
		.virt_start = (base) + (state) + (rw) + (n) * (out),	\
		.size = out,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((n) == (id) ? JAILHOUSE_MEM_WRITE : 0),	\
	}

#define IVSHMEM_REGIONS_2PEERS(base, state, rw, out, id)		\
	IVSHMEM_STATE(base, state),					\
	IVSHMEM_RW(base, state, rw),					\
	IVSHMEM_OUTPUT(base, state, rw, out, 0, id),			\
	IVSHMEM_OUTPUT(base, state, rw, out, 1, id)

#define IVSHMEM_REGIONS_3PEERS(base, state, rw, out, id)		\
	IVSHMEM_REGIONS_2PEERS(base, state, rw, out, id),		\
	IVSHMEM_OUTPUT(base, state, rw, out, 2, id)

/* The virtual PCI function of an IVSHMEM device in @slot of bus 0. */
#define IVSHMEM_DEVICE(dom, slot, id, peers, first_region, mask, proto) { \
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,			\
		.domain = dom,						\
		.bdf = (slot) << 3,					\
		.bar_mask = mask,					\
		.shmem_regions_start = first_region,			\
		.shmem_dev_id = id,					\
		.shmem_peers = peers,					\
		.shmem_protocol = proto,				\
	}

#endif /* !_CONFIG_REGIONS_H */
