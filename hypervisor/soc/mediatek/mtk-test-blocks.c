// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only MediaTek blocks: the QEMU bench's stand-ins, reserved RAM
 * pages with the GPIO and EINT layouts, so that the trap path is tested
 * end to end (tests/system/mtk-*.sh).  Linked only when the build says
 * SOC_TEST_TABLES=yes (common/common.mk); this table then replaces the
 * empty, weak mtk_test_table of mtk-tables.c.  No board has these blocks.
 */
#include <jailhouse/mtk-tables.h>

static const struct mtk_block_desc test_blocks[] = {
	{ JAILHOUSE_VENDOR_MTK_GPIO, 0x7fb00000, &mtk_gpio_layout, 192,
	  "GPIO test block (QEMU bench)", 0, MTK_SOC_TEST, 0 },
	/* and an EINT one, its line a free SPI of the bench */
	{ JAILHOUSE_VENDOR_MTK_EINT, 0x7fb01000, &mtk_eint_layout, 256,
	  "EINT test block (QEMU bench)", 100, MTK_SOC_TEST, 0 },
};

static const struct mtk_soc test_socs[] = {
	{ MTK_SOC_TEST, "the QEMU bench", "Documentation/architecture.md" },
};

const struct mtk_table mtk_test_table = {
	test_blocks, ARRAY_SIZE(test_blocks), test_socs, ARRAY_SIZE(test_socs)
};

/* they take the last MTK_MAX_TEST_BLOCKS state slots (mtk_block_index) */
_Static_assert(ARRAY_SIZE(test_blocks) <= MTK_MAX_TEST_BLOCKS,
	       "more test blocks than MTK_MAX_TEST_BLOCKS");
