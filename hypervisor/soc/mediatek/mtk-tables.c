// SPDX-License-Identifier: GPL-2.0
/*
 * Register layouts of the MediaTek GPIO and EINT blocks, and the blocks a
 * configuration may name (shared/reference/boards.md §9, §10 and
 * mt8189-gpio-eint.md).
 *
 * One table per layout, not per board: MT8188/MT8390/MT8370 and MT8391
 * share the GPIO layout (178 and 182 pins).  The MT8391's five EINT
 * instances have the MT8188 EINT block's offsets but only the words
 * their lines need (2, 3, 2, 1 and 1 per group) and debounce registers
 * for every line, not just lines 0-31; their lines are numbered per
 * instance (MT8391_EINT_RANGES, jailhouse/mtk-mt8391.h).  A block has
 * only the registers its pins need (mtk_group_regs()).  Registers not in
 * a table, or past a block's extent, are undescribed: the root cell
 * reaches them, other cells read 0 and their writes are dropped.
 *
 * Only SoC blocks live here; test blocks are in test objects
 * (mtk-test-blocks.c), or the empty mtk_test_table of a product build
 * (mtk-no-test-blocks.c).
 */
#include <jailhouse/mtk-tables.h>

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

/*
 * An MT8391 EINT instance: at most 3 words per group (instance 1's 88
 * lines), debounce for up to 88 lines (22 registers, to 0x554).  EVENT
 * and EVENT_CLR are only the BSP driver's; RAW_STA too.
 */
static const struct mtk_reg_group mt8391_eint_groups[] = {
	GROUP(0x000, 4, 3, 1, MTK_RO, "STA"),
	GROUP(0x040, 4, 3, 1, MTK_WO, "ACK"),
	GROUP(0x080, 4, 3, 1, MTK_RO, "MASK"),
	GROUP(0x0c0, 4, 3, 1, MTK_WO, "MASK_SET"),
	GROUP(0x100, 4, 3, 1, MTK_WO, "MASK_CLR"),
	GROUP(0x140, 4, 3, 1, MTK_RO, "SENS"),
	GROUP(0x180, 4, 3, 1, MTK_WO, "SENS_SET"),
	GROUP(0x1c0, 4, 3, 1, MTK_WO, "SENS_CLR"),
	GROUP(0x200, 4, 3, 1, MTK_RO, "SOFT"),
	GROUP(0x240, 4, 3, 1, MTK_WO, "SOFT_SET"),
	GROUP(0x280, 4, 3, 1, MTK_WO, "SOFT_CLR"),
	GROUP(0x300, 4, 3, 1, MTK_RO, "POL"),
	GROUP(0x340, 4, 3, 1, MTK_WO, "POL_SET"),
	GROUP(0x380, 4, 3, 1, MTK_WO, "POL_CLR"),
	GROUP(0x400, 4, 3, 1, MTK_RW, "D0EN"),
	GROUP(0x500, 4, 22, 8, MTK_RO, "DBNC_CTRL"),
	GROUP(0x600, 4, 22, 8, MTK_WO, "DBNC_SET"),
	GROUP(0x700, 4, 22, 8, MTK_WO, "DBNC_CLR"),
	GROUP(0x800, 4, 3, 1, MTK_RO, "EVENT"),
	GROUP(0x880, 4, 3, 1, MTK_WO, "EVENT_CLR"),
	GROUP(0xa00, 4, 3, 1, MTK_RO, "RAW_STA"),
};

const struct mtk_layout mtk_gpio_layout = {
	.name = "MediaTek GPIO (MT8188/MT8390/MT8370/MT8391)",
	.groups = gpio_groups,
	.num_groups = ARRAY_SIZE(gpio_groups),
};

const struct mtk_layout mtk_eint_layout = {
	.name = "MediaTek EINT (MT8188 family)",
	.groups = eint_groups,
	.num_groups = ARRAY_SIZE(eint_groups),
};

const struct mtk_layout mtk_mt8391_eint_layout = {
	.name = "MediaTek EINT instance (MT8391)",
	.groups = mt8391_eint_groups,
	.num_groups = ARRAY_SIZE(mt8391_eint_groups),
};

#define BOTH		(MTK_SOC_MT8188 | MTK_SOC_MT8391)
#define MT8391_EINT_INTID	(239 + 32)

#define MT8391_INSTANCE(n, what)					\
	{ JAILHOUSE_VENDOR_MTK_EINT, MT8391_EINT_BASE_##n,		\
	  &mtk_mt8391_eint_layout, MT8391_EINT_LINES_##n, what,		\
	  MT8391_EINT_INTID, MTK_SOC_MT8391, (n) + 1 }

const struct mtk_block_desc mtk_blocks[] = {
	{ JAILHOUSE_VENDOR_MTK_GPIO, 0x10005000, &mtk_gpio_layout, 182,
	  "GPIO (MT8188 family: pins 0-177; MT8391: 0-181)", 0, BOTH, 0 },
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x1000b000, &mtk_eint_layout, 225,
	  "EINT (MT8188 family)", 267, MTK_SOC_MT8188, 0 },
	MT8391_INSTANCE(0, "EINT instance 0 (MT8391 eint0, 51 lines)"),
	MT8391_INSTANCE(1, "EINT instance 1 (MT8391 eint1, 88 lines)"),
	MT8391_INSTANCE(2, "EINT instance 2 (MT8391 eint2, 34 lines)"),
	MT8391_INSTANCE(3, "EINT instance 3 (MT8391 eint3, 28 lines)"),
	MT8391_INSTANCE(4, "EINT instance 4 (MT8391 eint4, 9 lines)"),
};

const unsigned int mtk_num_blocks = ARRAY_SIZE(mtk_blocks);

static const struct mtk_soc socs[] = {
	{ MTK_SOC_MT8188, "MT8188 family (MT8188/MT8390/MT8370: Genio 700, "
	  "510)", "Documentation/board-genio.md, section \"4. GPIO and "
	  "EINT: vendor entries\"" },
	{ MTK_SOC_MT8391, "MT8391 (Genio 720)", "Documentation/"
	  "board-genio.md, section \"EINT on the Genio 720 (MT8391)\"" },
};

/* global EINT -> (instance, index), in runs (jailhouse/mtk-mt8391.h) */
static const struct {
	u8 first, last, instance, idx;
} mt8391_runs[] = {
#define RUN(a, f, l, i, x)	{ f, l, i, x },
	MT8391_EINT_RANGES(RUN, 0)
#undef RUN
};

_Static_assert(ARRAY_SIZE(mt8391_runs) == MT8391_EINT_NUM_RANGES,
	       "MT8391_EINT_NUM_RANGES is not the number of runs");

/*
 * Pads of a board that its root cell's devices use (mt8189-gpio-eint.md
 * §3): a cell taking one is warned.
 */
static const struct mtk_pin_note pin_notes[] = {
	{ MTK_SOC_MT8391, 31, "the Genio 720 EVK's UART0 TX, the root "
	  "cell's and the hypervisor's console" },
	{ MTK_SOC_MT8391, 32, "the Genio 720 EVK's UART0 RX, the root "
	  "cell's and the hypervisor's console" },
	{ MTK_SOC_MT8391, 76, "on the Genio 720 EVK the CAN controller's "
	  "(MCP2518FD) interrupt, level-low EINT 76 (instance 1, index 37), "
	  "and the same pad is SPIM1_MI: a cell that takes it cuts the root "
	  "cell's CAN off its interrupt" },
};

static const struct mtk_table production = {
	mtk_blocks, ARRAY_SIZE(mtk_blocks), socs, ARRAY_SIZE(socs)
};


/* mediatek.c keeps state by mtk_block_index(): production slots first */
_Static_assert(ARRAY_SIZE(mtk_blocks) <= MTK_MAX_BLOCKS -
	       MTK_MAX_TEST_BLOCKS,
	       "mtk_blocks[] has more blocks than MTK_MAX_BLOCKS leaves to "
	       "the SoCs");

/* the test table's first state slot */
#define TEST_SLOT	(MTK_MAX_BLOCKS - MTK_MAX_TEST_BLOCKS)

/* Block @n of the tables, production first; NULL past the last. */
const struct mtk_block_desc *mtk_block(unsigned int n)
{
	if (n < production.num_blocks)
		return &production.blocks[n];
	n -= production.num_blocks;
	if (n < mtk_test_table.num_blocks && n < MTK_MAX_TEST_BLOCKS)
		return &mtk_test_table.blocks[n];
	return NULL;
}

const struct mtk_block_desc *mtk_find_block(u32 type, u64 address)
{
	const struct mtk_block_desc *desc;
	unsigned int n;

	for (n = 0; (desc = mtk_block(n)); n++)
		if (desc->type == type && desc->address == address)
			return desc;
	return NULL;
}

unsigned int mtk_block_index(const struct mtk_block_desc *desc)
{
	if (desc >= production.blocks &&
	    desc < production.blocks + production.num_blocks)
		return desc - production.blocks;
	return TEST_SLOT + (desc - mtk_test_table.blocks);
}

const struct mtk_soc *mtk_find_soc(u8 soc)
{
	const struct mtk_table *t = &production;
	unsigned int n;

	for (n = 0; n < t->num_socs; n++)
		if (t->socs[n].soc == soc)
			return &t->socs[n];
	t = &mtk_test_table;
	for (n = 0; n < t->num_socs; n++)
		if (t->socs[n].soc == soc)
			return &t->socs[n];
	return NULL;
}

unsigned int mtk_group_regs(const struct mtk_block_desc *desc,
			    const struct mtk_reg_group *g)
{
	unsigned int regs = (desc->pins * g->width + 31) / 32;

	return regs < g->count ? regs : g->count;
}

int mtk_eint_global(const struct mtk_block_desc *desc, unsigned int idx)
{
	unsigned int n, inst = desc->eint_instance - 1, first, last;

	if (desc->type != JAILHOUSE_VENDOR_MTK_EINT || idx >= desc->pins)
		return -1;
	if (!desc->eint_instance)
		return idx;
	for (n = 0; n < ARRAY_SIZE(mt8391_runs); n++) {
		first = mt8391_runs[n].idx;
		last = first + mt8391_runs[n].last - mt8391_runs[n].first;
		if (mt8391_runs[n].instance == inst && idx >= first &&
		    idx <= last)
			return mt8391_runs[n].first + idx - first;
	}
	return -1;
}

const struct mtk_block_desc *mtk_mt8391_eint(unsigned int eint,
					     unsigned int *idx)
{
	const struct mtk_block_desc *desc;
	unsigned int n, b;

	for (n = 0; n < ARRAY_SIZE(mt8391_runs); n++) {
		if (eint < mt8391_runs[n].first || eint > mt8391_runs[n].last)
			continue;
		for (b = 0; b < ARRAY_SIZE(mtk_blocks); b++) {
			desc = &mtk_blocks[b];
			if (desc->eint_instance != mt8391_runs[n].instance + 1)
				continue;
			*idx = mt8391_runs[n].idx + eint - mt8391_runs[n].first;
			return desc;
		}
	}
	return NULL;
}

const struct mtk_pin_note *mtk_find_pin_note(u8 soc, unsigned int pin)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(pin_notes); n++)
		if ((pin_notes[n].soc & soc) && pin_notes[n].gpio == pin)
			return &pin_notes[n];
	return NULL;
}
