// SPDX-License-Identifier: GPL-2.0
/*
 * Zephyr cell of the MediaTek Genio 720 EVK (genio-zephyr.h), as in the
 * Genio 720 article (seed 000): one Cortex-A55 (CPU 5), 48 MiB at
 * 0x45000000 loaded at CONFIG_INMATE_BASE, UART1 shared with the root
 * cell, GPIO 33/34 (UART1 TX/RX) and the 40-pin header's GPIO 38 and 40,
 * with the EINTs of the four pads.
 *
 * Differences from the article, following the SoC (genio-mt8391.h):
 * - The EINT entry names the EINTs of pads 33, 34, 38 and 40 by number
 *   (MT8391_PAD_EINTS, genio-mt8391.h); all four are lines of instance 1
 *   at 0x11de0000, not of MT8188's 0x1000b000: lines 11, 12, 16 and 18.
 * - The EINT interrupt is INTID 271 (SPI 239), shared by all five
 *   instances; it stays with the root cell and the hypervisor injects the
 *   EINTs of the cell's lines, so it is not listed here.  The article's
 *   "SPI 446" and "SPI 267" are not interrupts of this SoC.
 * - The cell owns UART1's interrupt, INTID 430.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include "genio-mt8391.h"
#include "genio-zephyr.h"
