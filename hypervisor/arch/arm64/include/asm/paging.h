/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARMv8 translation-table formats behind the arch interface: 4 levels
 * of 512 entries, 4 KiB granule, the same table format for the EL2 stage 1
 * and the cells' stage 2; only the leaf attributes differ.  The core's
 * paging.c walks and edits tables through these and knows no bit of them.
 */
#ifndef _JAILHOUSE_ASM_PAGING_H
#define _JAILHOUSE_ASM_PAGING_H

#include <jailhouse/hypervisor.h>
#include <asm/sysregs.h>

#define PAGING_LEVELS		4
#define PAGING_ENTRIES		512

#define DESC_VALID		(1UL << 0)
#define DESC_TABLE		(1UL << 1)	/* level 0-2: table; 3: page */
#define DESC_AF			(1UL << 10)
#define DESC_SH_INNER		(3UL << 8)
#define DESC_ADDR_MASK		0x0000fffffffff000UL
#define S1_ATTRIDX(i)		((u64)(i) << 2)
#define S1_AP_RES1		(1UL << 6)
#define S1_XN			(1UL << 54)
#define S2_MEMATTR_NORMAL	(0xfUL << 2)
#define S2_MEMATTR_DEVICE	(0x1UL << 2)
#define S2_READ			(1UL << 6)
#define S2_WRITE		(1UL << 7)
#define S2_XN			(1UL << 54)	/* XN[1]: EL1 and EL0 */
/* bits 55-58 are the software's: the MMU ignores them */
#define DESC_SW_CELL_IO		(1UL << 55)

/* The address bits an entry of @level translates below. */
static inline unsigned int pte_level_shift(unsigned int level)
{
	return 39 - 9 * level;
}

/* Levels with blocks: 1 GiB (1) and 2 MiB (2); level 0 has none. */
static inline bool pte_level_has_blocks(unsigned int level)
{
	return level >= 1 && level < PAGING_LEVELS - 1;
}

static inline bool pte_valid(u64 desc)
{
	return desc & DESC_VALID;
}

/* A pointer to a table of the next level (not a block or page). */
static inline bool pte_is_table(u64 desc, unsigned int level)
{
	return level < PAGING_LEVELS - 1 &&
		(desc & (DESC_VALID | DESC_TABLE)) == (DESC_VALID | DESC_TABLE);
}

static inline u64 pte_address(u64 desc)
{
	return desc & DESC_ADDR_MASK;
}

/* What a leaf holds besides its address: compared when merging. */
static inline u64 pte_attributes(u64 desc)
{
	return desc & ~DESC_ADDR_MASK & ~DESC_TABLE;
}

static inline u64 pte_table(const u64 *next)
{
	return (u64)next | DESC_VALID | DESC_TABLE;
}

/* A leaf of @level: a block at levels 1-2, a page at level 3. */
static inline u64 pte_leaf(u64 phys, u64 attributes, unsigned int level)
{
	return phys | attributes | DESC_VALID |
		(level == PAGING_LEVELS - 1 ? DESC_TABLE : 0);
}

/* A stage-2 leaf of normal memory the guest may read. */
static inline bool pte_is_readable_ram(u64 desc)
{
	return (desc & S2_READ) &&
		(desc & (0xfUL << 2)) == S2_MEMATTR_NORMAL;
}

/* A leaf made with PAGE_FLAG_CELL_IO. */
static inline bool pte_is_cell_io(u64 desc)
{
	return desc & DESC_SW_CELL_IO;
}

/* The leaf attributes of the core's PAGE_FLAG_* @flags. */
static inline u64 pte_leaf_attributes(unsigned long flags)
{
	if (flags & PAGE_FLAG_CELL_IO)
		return DESC_SW_CELL_IO |
			pte_leaf_attributes(flags & ~PAGE_FLAG_CELL_IO);
	if (flags & PAGE_FLAG_STAGE2) {
		u64 attr = DESC_AF;

		if (!(flags & PAGE_FLAG_NOREAD))
			attr |= S2_READ;
		if (!(flags & PAGE_FLAG_NOWRITE))
			attr |= S2_WRITE;
		/* devices are never executed from */
		if (flags & (PAGE_FLAG_NOEXEC | PAGE_FLAG_DEVICE))
			attr |= S2_XN;
		return attr | (flags & PAGE_FLAG_DEVICE ? S2_MEMATTR_DEVICE :
			       S2_MEMATTR_NORMAL | DESC_SH_INNER);
	}
	if (flags & PAGE_FLAG_DEVICE)
		return DESC_AF | S1_AP_RES1 | S1_XN |
			S1_ATTRIDX(MAIR_IDX_DEVICE);
	return DESC_AF | S1_AP_RES1 | DESC_SH_INNER |
		S1_ATTRIDX(MAIR_IDX_NORMAL);
}

#endif /* !_JAILHOUSE_ASM_PAGING_H */
