// SPDX-License-Identifier: GPL-2.0
/*
 * The test table of a product build (SOC_TEST_TABLES=no): empty.  The
 * build links either this or mtk-test-blocks.c, never both, so that no
 * compiler can fold a weak default into the lookups of mtk-tables.c
 * (clang does, for a weak const object).
 */
#include <jailhouse/mtk-tables.h>

const struct mtk_table mtk_test_table;
