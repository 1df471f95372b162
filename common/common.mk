# SPDX-License-Identifier: GPL-2.0
# The shared library: the configuration checker, the revision converter
# and the ABI's bitmaps (common/).  hypervisor/Makefile, tools/Makefile and
# driver/Kbuild include this file and build these sources, each with its
# own flags; paths are relative to the top of the tree.

COMMON_SRCS := common/config-check.c common/config-convert.c \
	common/bitmap.c
COMMON_INCLUDE := common/include
