# SPDX-License-Identifier: GPL-2.0
#
# Jailhouse-compatible partitioning hypervisor for arm64.
#
#   make [KDIR=<kernel build dir>] [ARCH=arm64] [CROSS_COMPILE=aarch64-linux-gnu-]
#       builds hypervisor/jailhouse.bin, driver/*.ko, the arm64 tools,
#       configs/arm64/*.cell and the inmates.  Without KDIR it uses the
#       kernel the QEMU bench builds (scripts/kernel.sh).
#   make check          unit, config, kernel-patch and QEMU system tests
#   make install [DESTDIR=...]   firmware, modules, CLI, loader, demos,
#       cells, device trees, inmates, man pages, completion
#   make install-tests  the test inmates too (the QEMU bench's tests)
#
# What a build recipe passes is honoured (Documentation/packaging.md):
# CC (an arm64 compiler with its --sysroot: used for everything),
# CROSS_COMPILE (binutils), CFLAGS/LDFLAGS (the target tools), HOSTCC,
# KERNEL_CC (the modules), KDIR, prefix, exec_prefix, sbindir, bindir, libexecdir, datadir, mandir,
# firmwaredir, completionsdir, DESTDIR, INSTALL_MOD_PATH, MODLIB,
# INSTALL_MOD_DIR, DEPMOD, STATIC (yes/no: the target tools).
# SOC_TEST_TABLES=yes (default no) links the test-only SoC tables, the
# QEMU bench's stand-in blocks, into the firmware, the driver and the
# tools (common/common.mk); the bench's scripts set it, recipes do not.

ARCH ?= arm64
CROSS_COMPILE ?= aarch64-linux-gnu-
KDIR ?= $(shell $(CURDIR)/scripts/kernel.sh --dir)
export ARCH CROSS_COMPILE

include scripts/install-dirs.mk

# kbuild gets the kernel's compiler (a recipe's KERNEL_CC), not the
# user-space CC with its sysroot and hardening flags
KERNEL_CC ?= $(CROSS_COMPILE)gcc
KBUILD := $(MAKE) -C $(KDIR) M=$(CURDIR) CC="$(KERNEL_CC)"

# kbuild's modules_install: $(MODLIB)/$(INSTALL_MOD_DIR)/driver/*.ko
INSTALL_MOD_PATH ?= $(DESTDIR)
INSTALL_MOD_DIR ?= extra
DEPMOD ?= depmod
MODULES_INSTALL := INSTALL_MOD_PATH=$(INSTALL_MOD_PATH) \
	INSTALL_MOD_DIR=$(INSTALL_MOD_DIR) DEPMOD=$(DEPMOD) \
	$(if $(MODLIB),MODLIB=$(MODLIB))

SUBDIRS := hypervisor tools configs inmates
JH_DATA := $(DESTDIR)$(datadir)/jailhouse
JH_LIBEXEC := $(DESTDIR)$(libexecdir)/jailhouse

all: $(SUBDIRS) driver

$(SUBDIRS):
	$(MAKE) -C $@

# host programs the tests use beyond "all"
tests:
	$(MAKE) -C tools tests

driver: kdir-ready
	$(KBUILD) modules

kdir-ready:
	@if [ ! -f "$(KDIR)/Module.symvers" ]; then \
		echo "KDIR=$(KDIR) is not a built kernel tree (no Module.symvers)."; \
		echo "Build the bench kernel with scripts/kernel.sh, or pass KDIR=<your kernel build dir>."; \
		exit 1; \
	fi

check: unit-check config-check kernel-check system-check

unit-check:
	$(MAKE) -C tests/unit check

config-check: tools configs tests
	tests/configs/run.py

kernel-check:
	tests/kernel/run.py

system-check:
	tests/system/run.py

# What the target needs, under DESTDIR (the bench's initramfs uses this);
# tests/layer/install-manifest.txt lists it.
install: all
	install -d $(DESTDIR)$(firmwaredir) $(JH_DATA)/cells \
		$(JH_DATA)/inmates $(JH_LIBEXEC) $(DESTDIR)$(mandir)/man8
	install -m 0644 hypervisor/jailhouse.bin $(DESTDIR)$(firmwaredir)/
	$(KBUILD) $(MODULES_INSTALL) modules_install
	$(MAKE) -C tools install
	install -m 0644 configs/arm64/*.cell $(JH_DATA)/cells/
	install -m 0644 configs/arm64/dts/*.dtb $(JH_DATA)/
	install -m 0644 inmates/demos/arm64/*.bin $(JH_DATA)/inmates/
	install -m 0644 inmates/tools/arm64/linux-loader.bin $(JH_LIBEXEC)/
	install -m 0644 Documentation/man/*.8 $(DESTDIR)$(mandir)/man8/

# The test inmates (bad-write, ...): the QEMU bench's tests, not targets
install-tests: all
	install -d $(JH_DATA)/inmates
	install -m 0644 inmates/tests/arm64/*.bin $(JH_DATA)/inmates/

clean:
	for d in $(SUBDIRS) tests/unit; do $(MAKE) -C $$d clean; done
	if [ -f "$(KDIR)/Module.symvers" ]; then \
		$(KBUILD) clean; fi
	rm -rf build

.PHONY: all $(SUBDIRS) tests driver kdir-ready install install-tests check unit-check config-check kernel-check \
	system-check clean
