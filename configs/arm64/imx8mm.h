/* SPDX-License-Identifier: GPL-2.0 */
/*
 * i.MX8M Mini EVK: 2 GiB DRAM at 0x40000000.  The device tree reserves,
 * no-map (patches/linux, patch 3):
 *
 *   0x93c00000  576 MiB  RAM lent to cells: Linux demo, and at
 *                        0xb3c00000 the bare-metal demos
 *   0xb7c00000    4 MiB  hypervisor
 *   0xbb700000    5 MiB  loader (1 MiB), virtual PCI ECAM (2 MiB,
 *                        emulated), IVSHMEM demo and net (1 MiB each)
 */
#ifndef _IMX8MM_H
#define _IMX8MM_H

#include "imx8m.h"

#define IMX8MM_LINUX_RAM	0x93c00000
#define IMX8MM_INMATE_RAM	0xb3c00000
#define IMX8MM_HV		0xb7c00000
#define IMX8MM_LOADER		0xbb700000
#define IMX8MM_VPCI_ECAM	0xbb800000
#define IMX8MM_IVSHMEM		0xbba00000

#endif /* !_IMX8MM_H */
