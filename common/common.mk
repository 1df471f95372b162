# SPDX-License-Identifier: GPL-2.0
# The shared library: the configuration checker, the revision converter
# and the ABI's bitmaps (common/), linked with the SoC tables the checker
# looks blocks up in.  hypervisor/Makefile, tools/Makefile and
# driver/Kbuild include this file and build these sources, each with its
# own flags; paths are relative to the top of the tree.
#
# SOC_TEST_TABLES=yes (default no) adds the test-only tables: the QEMU
# bench's stand-in GPIO and EINT blocks in RAM.  The bench's builds set
# it (scripts/main.sh, scripts/test.sh, scripts/benchlib.py); a product
# build (the Yocto recipe) does not, so its jailhouse.bin, driver and
# tool refuse those blocks.

COMMON_SRCS := common/config-check.c common/config-convert.c \
	common/bitmap.c
COMMON_INCLUDE := common/include

SOC_TEST_TABLES ?= no
SOC_TABLE_SRCS := hypervisor/soc/mediatek/mtk-tables.c
ifeq ($(SOC_TEST_TABLES),yes)
SOC_TABLE_SRCS += hypervisor/soc/mediatek/mtk-test-blocks.c
else ifeq ($(SOC_TEST_TABLES),no)
SOC_TABLE_SRCS += hypervisor/soc/mediatek/mtk-no-test-blocks.c
else
$(error SOC_TEST_TABLES is yes or no, not "$(SOC_TEST_TABLES)")
endif
