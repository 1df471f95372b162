// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell of the MediaTek Genio 700 EVK (MT8390: 6x Cortex-A55 at MPIDR
 * 0x000-0x500, 2x Cortex-A78 at 0x600, 0x700; 8 GiB DRAM).
 */
#define GENIO_NAME	"genio-700-evk"
#define GENIO_CPUS	0xff
#define GENIO_DRAM_END	0x240000000

#include "genio-mt8188-root.h"
