// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the virtual PCI ECAM window is not 1 MiB-aligned.
 *
 * check: @
 * expect: platform_info.pci_mmconfig_base: 0xc080000: the ECAM window is 1 MiB per bus and must be 1 MiB-aligned
 */
#define ECAM_BASE 0x0c080000
#include "system.h"
