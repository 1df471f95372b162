# SPDX-License-Identifier: GPL-2.0
#
# Jailhouse-compatible partitioning hypervisor for arm64.
#
#   make [KDIR=<kernel build dir>] [ARCH=arm64] [CROSS_COMPILE=aarch64-linux-gnu-]
#       builds hypervisor/jailhouse.bin, driver/*.ko, the arm64 tools,
#       configs/arm64/*.cell and the inmates.  Without KDIR it uses the
#       kernel the QEMU bench builds (scripts/kernel.sh).
#   make check          unit, kernel-patch and QEMU system tests
#   make install [DESTDIR=...]

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

check: unit-check kernel-check system-check

unit-check:
	$(MAKE) -C tests/unit check

kernel-check:
	tests/kernel/run.py

system-check:
	tests/system/run.py

clean:
	for d in $(SUBDIRS) tests/unit; do $(MAKE) -C $$d clean; done
	if [ -f "$(KDIR)/Module.symvers" ]; then \
		$(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	rm -rf build

.PHONY: all $(SUBDIRS) driver kdir-ready check unit-check kernel-check \
	system-check clean
