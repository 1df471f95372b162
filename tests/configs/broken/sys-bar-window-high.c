// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the virtual PCI host above 4 GiB, where the 32-bit
 * register BARs of its IVSHMEM devices cannot go.
 *
 * check: @
 * expect: platform_info.pci_mmconfig_base: 0x140000000: the virtual PCI host's BAR window 0x140100000-0x140101fff must end below 4 GiB (32-bit BARs)
 */
#define ECAM_BASE	0x140000000ULL
#include "system.h"
