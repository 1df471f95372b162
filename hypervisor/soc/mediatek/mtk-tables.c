// SPDX-License-Identifier: GPL-2.0
/*
 * Register layouts of the MediaTek GPIO and EINT blocks, and the blocks a
 * configuration may name (shared/reference/boards.md §9, §10).
 *
 * One table per layout, not per board: MT8188/MT8390/MT8370 and MT8391
 * share the GPIO layout (178 and 182 pins); the MT8188-family EINT block
 * and the five MT8391 EINT instances are taken to share the EINT layout
 * (the MT8391 instances' register map is not documented; the offsets are
 * MT8188's, an assumption Documentation/board-genio.md states).
 * Registers not in a table are undescribed: the root cell reaches them,
 * other cells read 0 and their writes are dropped.
 */
#include <jailhouse/mtk.h>

#define GROUP(off, stride, count, width, access, name) \
	{ off, stride, count, width, access, name }

static const struct mtk_reg_group gpio_groups[] = {
	GROUP(0x000, 0x10, 6, 1, MTK_RW, "DIR"),
	GROUP(0x004, 0x10, 6, 1, MTK_WO, "DIR_SET"),
	GROUP(0x008, 0x10, 6, 1, MTK_WO, "DIR_CLR"),
	GROUP(0x100, 0x10, 6, 1, MTK_RW, "DOUT"),
	GROUP(0x104, 0x10, 6, 1, MTK_WO, "DOUT_SET"),
	GROUP(0x108, 0x10, 6, 1, MTK_WO, "DOUT_CLR"),
	GROUP(0x200, 0x10, 6, 1, MTK_RO, "DIN"),
	/* pinmux: a 4-bit field per pin, 8 pins per register */
	GROUP(0x300, 0x10, 23, 4, MTK_RW, "MODE"),
	GROUP(0x304, 0x10, 23, 4, MTK_WO, "MODE_SET"),
	GROUP(0x308, 0x10, 23, 4, MTK_WO, "MODE_CLR"),
	GROUP(0x30c, 0x10, 23, 4, MTK_MOD, "MODE_MOD"),
};

static const struct mtk_reg_group eint_groups[] = {
	GROUP(0x000, 4, 8, 1, MTK_RO, "STA"),
	GROUP(0x040, 4, 8, 1, MTK_WO, "ACK"),
	GROUP(0x080, 4, 8, 1, MTK_RO, "MASK"),
	GROUP(0x0c0, 4, 8, 1, MTK_WO, "MASK_SET"),
	GROUP(0x100, 4, 8, 1, MTK_WO, "MASK_CLR"),
	GROUP(0x140, 4, 8, 1, MTK_RO, "SENS"),
	GROUP(0x180, 4, 8, 1, MTK_WO, "SENS_SET"),
	GROUP(0x1c0, 4, 8, 1, MTK_WO, "SENS_CLR"),
	GROUP(0x200, 4, 8, 1, MTK_RO, "SOFT"),
	GROUP(0x240, 4, 8, 1, MTK_WO, "SOFT_SET"),
	GROUP(0x280, 4, 8, 1, MTK_WO, "SOFT_CLR"),
	GROUP(0x300, 4, 8, 1, MTK_RO, "POL"),
	GROUP(0x340, 4, 8, 1, MTK_WO, "POL_SET"),
	GROUP(0x380, 4, 8, 1, MTK_WO, "POL_CLR"),
	GROUP(0x400, 4, 8, 1, MTK_RW, "D0EN"),
	/* debounce of EINT 0-31: an 8-bit field each, 4 per register */
	GROUP(0x500, 4, 8, 8, MTK_RO, "DBNC_CTRL"),
	GROUP(0x600, 4, 8, 8, MTK_WO, "DBNC_SET"),
	GROUP(0x700, 4, 8, 8, MTK_WO, "DBNC_CLR"),
	GROUP(0xa00, 4, 8, 1, MTK_RO, "RAW_STA"),
};

static const struct mtk_layout gpio_layout = {
	.name = "MediaTek GPIO (MT8188/MT8390/MT8370/MT8391)",
	.groups = gpio_groups,
	.num_groups = ARRAY_SIZE(gpio_groups),
};

static const struct mtk_layout eint_layout = {
	.name = "MediaTek EINT (MT8188 family)",
	.groups = eint_groups,
	.num_groups = ARRAY_SIZE(eint_groups),
};

const struct mtk_block_desc mtk_blocks[] = {
	{ JAILHOUSE_VENDOR_MTK_GPIO, 0x10005000, &gpio_layout, 182,
	  "GPIO (MT8188 family: pins 0-177; MT8391: 0-181)", 0 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x1000b000, &eint_layout, 225,
	  "EINT (MT8188 family)", 267 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x11ce0000, &eint_layout, 256,
	  "EINT instance 0 (MT8391)", 271 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x11de0000, &eint_layout, 256,
	  "EINT instance 1 (MT8391)", 271 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x11e60000, &eint_layout, 256,
	  "EINT instance 2 (MT8391)", 271 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x1c01e000, &eint_layout, 256,
	  "EINT instance 3 (MT8391)", 271 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x11f00000, &eint_layout, 256,
	  "EINT instance 4 (MT8391)", 271 },
	/*
	 * The QEMU bench's stand-ins: reserved RAM pages with the GPIO and
	 * EINT layouts, so that the trap path is tested end to end.
	 */
	{ JAILHOUSE_VENDOR_MTK_GPIO, 0x7fb00000, &gpio_layout, 192,
	  "GPIO test block (QEMU bench)", 0 },
	/* and an EINT one, its line a free SPI of the bench */
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x7fb01000, &eint_layout, 256,
	  "EINT test block (QEMU bench)", 100 },
};

const unsigned int mtk_num_blocks = ARRAY_SIZE(mtk_blocks);

/* mediatek.c indexes its state by position in the table */
_Static_assert(ARRAY_SIZE(mtk_blocks) <= MTK_MAX_BLOCKS,
	       "mtk_blocks[] has more blocks than MTK_MAX_BLOCKS");
