// SPDX-License-Identifier: GPL-2.0
/*
 * PCI configuration space through the cell's virtual PCI host (ECAM at
 * comm_region->pci_mmconfig_base): 32-bit aligned accesses only.
 */
#include "lib.h"

static unsigned long config_address(u16 bdf, unsigned int reg)
{
	return comm_region->pci_mmconfig_base + ((unsigned long)bdf << 12) +
		(reg & 0xffc);
}

u32 pci_read_config(u16 bdf, unsigned int reg)
{
	return mmio_read32(config_address(bdf, reg));
}

void pci_write_config(u16 bdf, unsigned int reg, u32 value)
{
	mmio_write32(config_address(bdf, reg), value);
}

/* The first function on bus 0 from @start on with these IDs, or -1. */
int pci_find_device(u16 vendor, u16 device, u16 start)
{
	unsigned int bdf;

	if (!comm_region->pci_mmconfig_base)
		return -1;
	for (bdf = start; bdf < 0x100; bdf++)
		if (pci_read_config(bdf, 0) == ((u32)device << 16 | vendor))
			return bdf;
	return -1;
}
