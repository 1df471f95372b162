/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MediaTek GPIO and EINT blocks a configuration may name, and their
 * register layouts: data, shared by the mediation (soc/mediatek/
 * mediatek.c) and the configuration checker (common/), so that the
 * jailhouse tool and the driver refuse a block or pin the hypervisor
 * refuses.  Free of hypervisor state: the driver and the tool include it.
 *
 * The production table (soc/mediatek/mtk-tables.c) holds the SoCs'
 * blocks; a test table (mtk-test-blocks.c, linked only when
 * SOC_TEST_TABLES=yes, see common/common.mk) adds the QEMU bench's.
 * mtk_find_block() searches both.
 */
#ifndef _JAILHOUSE_MTK_TABLES_H
#define _JAILHOUSE_MTK_TABLES_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/limits.h>
#include <jailhouse/mtk-mt8391.h>
#ifdef __KERNEL__
#include <linux/kernel.h>	/* ARRAY_SIZE */
#endif

#define MTK_BLOCK_SIZE		0x1000

/* The SoCs a block is on, a bit each (struct mtk_block_desc.socs) */
#define MTK_SOC_MT8188		0x01	/* MT8188/MT8390/MT8370: Genio 700/510 */
#define MTK_SOC_MT8391		0x02	/* an MT8189: Genio 720 */
#define MTK_SOC_TEST		0x80	/* test tables (the QEMU bench) */

enum mtk_access {
	MTK_RO,		/* read: own fields; write: ignored */
	MTK_WO,		/* SET/CLR/ACK: own fields written, reads 0 */
	MTK_RW,		/* read-modify-write of the own fields */
	MTK_MOD,	/* writes every field: only when all are the cell's */
};

/*
 * Registers offset + n * stride, n < count; each covers 32/width pins.
 * A block has only the registers its pins need: n < the block's pins *
 * width / 32, rounded up (mtk_group_regs()); the rest are undescribed.
 */
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
	u8 socs;		/* MTK_SOC_*: the SoCs that have it */
	/*
	 * EINT: 0 if line n is global EINT n (MT8188), else the MT8391
	 * instance + 1, its lines numbered by MT8391_EINT_RANGES
	 */
	u8 eint_instance;
};

/* A pad with a known use on a board of @soc, that a cell should not take. */
struct mtk_pin_note {
	u8 soc;			/* one MTK_SOC_* bit */
	u8 gpio;		/* and its EINT, the same number */
	const char *use;
};

/* A SoC, for messages: its name and where the board guide explains it. */
struct mtk_soc {
	u8 soc;			/* one MTK_SOC_* bit */
	const char *name;
	const char *guide;
};

/* A table: blocks and the SoCs they name. */
struct mtk_table {
	const struct mtk_block_desc *blocks;
	unsigned int num_blocks;
	const struct mtk_soc *socs;
	unsigned int num_socs;
};

/* the layouts of the MT8188 family, the GPIO one also the MT8391's */
extern const struct mtk_layout mtk_gpio_layout;
extern const struct mtk_layout mtk_eint_layout;
/* the five EINT instances of the MT8391: 1-3 words per group */
extern const struct mtk_layout mtk_mt8391_eint_layout;

/* the production blocks, in table order */
extern const struct mtk_block_desc mtk_blocks[];
extern const unsigned int mtk_num_blocks;
/* the test table: empty unless a test object replaces it */
extern const struct mtk_table mtk_test_table;

/* The block of @type at @address, in either table, or NULL. */
const struct mtk_block_desc *mtk_find_block(u32 type, u64 address);
/*
 * A block's fixed state slot, below MTK_MAX_BLOCKS: its production table
 * position, or for a test block one of the last MTK_MAX_TEST_BLOCKS.
 */
unsigned int mtk_block_index(const struct mtk_block_desc *desc);
/* The @n-th block, production ones first, or NULL past the last. */
const struct mtk_block_desc *mtk_block(unsigned int n);
/* The SoC of MTK_SOC_* bit @soc, or NULL. */
const struct mtk_soc *mtk_find_soc(u8 soc);
/* How many registers of group @g block @desc has (see mtk_reg_group). */
unsigned int mtk_group_regs(const struct mtk_block_desc *desc,
			    const struct mtk_reg_group *g);

/* The global EINT number of line @idx of EINT block @desc, or -1. */
int mtk_eint_global(const struct mtk_block_desc *desc, unsigned int idx);
/*
 * The MT8391 instance block that holds global EINT @eint and the line's
 * index there (@idx), or NULL for a number outside 0-209.
 */
const struct mtk_block_desc *mtk_mt8391_eint(unsigned int eint,
					     unsigned int *idx);
/* The note on GPIO/EINT @pin of SoC @soc, or NULL. */
const struct mtk_pin_note *mtk_find_pin_note(u8 soc, unsigned int pin);

#endif /* !_JAILHOUSE_MTK_TABLES_H */
