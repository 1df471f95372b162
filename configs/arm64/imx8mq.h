/* SPDX-License-Identifier: GPL-2.0 */
/*
 * i.MX8M Quad EVK: 3 GiB DRAM at 0x40000000.  The device tree reserves,
 * no-map (patches/linux, patch 3):
 *
 *   0xbfb00000    5 MiB  virtual PCI ECAM (2 MiB, emulated), IVSHMEM demo
 *                        and net (1 MiB each), loader (1 MiB)
 *   0xc0000000  988 MiB  RAM lent to cells
 *   0xfdc00000    4 MiB  hypervisor
 *
 * Its virtual PCI host is domain 2, as NXP's; the cells use domain 2 too
 * (upstream's inmate-demo says 1, a slip the hypervisor never noticed).
 */
#ifndef _IMX8MQ_H
#define _IMX8MQ_H

#include "imx8m.h"

#define IMX8MQ_VPCI_ECAM	0xbfb00000
#define IMX8MQ_IVSHMEM		0xbfd00000
#define IMX8MQ_LOADER		0xbff00000
#define IMX8MQ_CELL_RAM		0xc0000000
#define IMX8MQ_HV		0xfdc00000

#endif /* !_IMX8MQ_H */
