/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MediaTek GPIO and EINT blocks mediated per pin (soc/mediatek/).
 *
 * A block packs many pins into each register, so it cannot be split by
 * stage-2 pages: no cell maps it, every access traps and is filtered by
 * which cell owns which pin.  What the registers are comes from tables,
 * one per register layout (mtk-tables.c); a block is known by its type
 * and physical address, which select the layout.
 */
#ifndef _JAILHOUSE_MTK_H
#define _JAILHOUSE_MTK_H

#include <jailhouse/hypervisor.h>

#define MTK_BLOCK_SIZE		0x1000

enum mtk_access {
	MTK_RO,		/* read: own fields; write: ignored */
	MTK_WO,		/* SET/CLR/ACK: own fields written, reads 0 */
	MTK_RW,		/* read-modify-write of the own fields */
	MTK_MOD,	/* writes every field: only when all are the cell's */
};

/* Registers offset + n * stride, n < count; each covers 32/width pins. */
struct mtk_reg_group {
	u16 offset;
	u16 stride;
	u8 count;
	u8 width;		/* bits per pin: 1, 4 or 8 */
	u8 access;		/* enum mtk_access */
	const char *name;
};

struct mtk_layout {
	const char *name;
	const struct mtk_reg_group *groups;
	unsigned int num_groups;
};

/* A block a configuration may name: type, address, layout, pins. */
struct mtk_block_desc {
	u32 type;		/* JAILHOUSE_VENDOR_MTK_* */
	u64 address;
	const struct mtk_layout *layout;
	unsigned int pins;
	const char *what;
	u16 irq;		/* EINT: the GIC line all its pins share */
};

/* MTK_MAX_PINS, MTK_MAX_BLOCKS: jailhouse/limits.h */
extern const struct mtk_block_desc mtk_blocks[];
extern const unsigned int mtk_num_blocks;

const struct mtk_block_desc *mtk_find_block(u32 type, u64 address);
/* Takes the cell's pins; every block in use becomes its MMIO region. */
int mtk_cell_init(struct cell *cell);
void mtk_cell_exit(struct cell *cell);
/*
 * The shared EINT line @intid: the cell owning the first pending,
 * unmasked pin of the EINT blocks on that line, or NULL.
 */
struct cell *mtk_eint_target(unsigned int intid);

/* The cell that owns @pin of the block at @address, or NULL. */
struct cell *mtk_pin_owner(u64 address, unsigned int pin);

#endif /* !_JAILHOUSE_MTK_H */
