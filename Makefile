# SPDX-License-Identifier: GPL-2.0
#
# Jailhouse-compatible partitioning hypervisor for arm64.
#
#   make [KDIR=<kernel build dir>] [ARCH=arm64] [CROSS_COMPILE=aarch64-linux-gnu-]
#       builds hypervisor/jailhouse.bin, driver/*.ko, the arm64 tools,
#       configs/arm64/*.cell and the inmates.  Without KDIR it uses the
#       kernel the QEMU bench builds (scripts/kernel.sh).
#   make check          unit, config, kernel-patch and QEMU system tests
#   make install [DESTDIR=...]   firmware, modules, CLI, demos, cells, inmates

ARCH ?= arm64
CROSS_COMPILE ?= aarch64-linux-gnu-
KDIR ?= $(shell $(CURDIR)/scripts/kernel.sh --dir)
export ARCH CROSS_COMPILE

SUBDIRS := hypervisor tools configs inmates

all: $(SUBDIRS) driver

$(SUBDIRS):
	$(MAKE) -C $@

driver: kdir-ready
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

kdir-ready:
	@if [ ! -f "$(KDIR)/Module.symvers" ]; then \
		echo "KDIR=$(KDIR) is not a built kernel tree (no Module.symvers)."; \
		echo "Build the bench kernel with scripts/kernel.sh, or pass KDIR=<your kernel build dir>."; \
		exit 1; \
	fi

check: unit-check config-check kernel-check system-check

unit-check:
	$(MAKE) -C tests/unit check

config-check: tools configs
	tests/configs/run.py

kernel-check:
	tests/kernel/run.py

system-check:
	tests/system/run.py

# What the target needs, under DESTDIR (the bench's initramfs uses this).
KERNELRELEASE = $(shell cat $(KDIR)/include/config/kernel.release 2>/dev/null)
install: all
	install -d $(DESTDIR)/lib/firmware $(DESTDIR)/usr/sbin \
		$(DESTDIR)/usr/bin \
		$(DESTDIR)/lib/modules/$(KERNELRELEASE)/extra \
		$(DESTDIR)/usr/share/jailhouse/cells \
		$(DESTDIR)/usr/share/jailhouse/inmates \
		$(DESTDIR)/usr/libexec/jailhouse
	for f in $(wildcard hypervisor/jailhouse*.bin); do \
		install -m 0644 $$f $(DESTDIR)/lib/firmware/; done
	for f in $(wildcard driver/*.ko); do \
		install -m 0644 $$f $(DESTDIR)/lib/modules/$(KERNELRELEASE)/extra/; done
	if [ -n "$(wildcard driver/*.ko)" ]; then \
		depmod -b $(DESTDIR) $(KERNELRELEASE) 2>/dev/null; fi
	for f in $(wildcard tools/jailhouse); do \
		install -m 0755 $$f $(DESTDIR)/usr/sbin/; done
	for f in $(wildcard tools/demos/ivshmem-demo); do \
		install -m 0755 $$f $(DESTDIR)/usr/bin/; done
	for f in $(wildcard configs/arm64/*.cell); do \
		install -m 0644 $$f $(DESTDIR)/usr/share/jailhouse/cells/; done
	for f in $(wildcard configs/arm64/dts/*.dtb); do \
		install -m 0644 $$f $(DESTDIR)/usr/share/jailhouse/; done
	for f in $(wildcard inmates/demos/arm64/*.bin inmates/tests/arm64/*.bin); do \
		install -m 0644 $$f $(DESTDIR)/usr/share/jailhouse/inmates/; done
	for f in $(wildcard inmates/tools/arm64/*.bin); do \
		install -m 0644 $$f $(DESTDIR)/usr/libexec/jailhouse/; done
	$(MAKE) -C tools install-generator DESTDIR=$(DESTDIR)

clean:
	for d in $(SUBDIRS) tests/unit; do $(MAKE) -C $$d clean; done
	if [ -f "$(KDIR)/Module.symvers" ]; then \
		$(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	rm -rf build

.PHONY: all $(SUBDIRS) driver kdir-ready install check unit-check config-check kernel-check \
	system-check clean
