// SPDX-License-Identifier: GPL-2.0
/*
 * The QEMU root cell with its virtual PCI host where upstream's
 * configuration has it, 0x08e00000: on QEMU 7.2 that is inside the GIC
 * redistributors' range, which Linux has claimed, so pci-host-generic
 * refuses the host although the overlay that adds it succeeds.
 */
#define QEMU_VPCI_ECAM		0x08e00000
#define QEMU_VPCI_END		0x09000000
#define QEMU_ROOT_MMIO							\
	REGION(0x09000000, 0x0c000000, MEM_MMIO),			\
	REGION(0x0c000000, 0x40000000, MEM_MMIO)

#include "qemu-arm64.c"
