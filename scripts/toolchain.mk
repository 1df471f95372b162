# SPDX-License-Identifier: GPL-2.0
# The arm64 toolchain every Makefile of the project uses, included by
# them.  ARM64_CC is $(CC) when that compiler targets arm64 (a Yocto
# recipe's "aarch64-poky-linux-gcc --sysroot=...", or the native gcc of
# an arm64 machine), else $(CROSS_COMPILE)gcc; binutils always come as
# $(CROSS_COMPILE)ld and so on.  ARM64_CC_IS_CC says which it is.  The
# project's own flags live in variables of their own, so that CFLAGS and
# LDFLAGS a recipe passes on the command line (meta-imx passes
# LDFLAGS="") cannot replace them; the target tools add CFLAGS/LDFLAGS.

CROSS_COMPILE ?= aarch64-linux-gnu-

ifneq ($(filter aarch64%,$(shell $(CC) -dumpmachine 2>/dev/null)),)
ARM64_CC := $(CC)
ARM64_CC_IS_CC := yes
else
ARM64_CC := $(CROSS_COMPILE)gcc
ARM64_CC_IS_CC := no
endif
ARM64_LD := $(CROSS_COMPILE)ld
ARM64_AR := $(CROSS_COMPILE)ar
ARM64_OBJCOPY := $(CROSS_COMPILE)objcopy
ARM64_OBJDUMP := $(CROSS_COMPILE)objdump
ARM64_READELF := $(CROSS_COMPILE)readelf
