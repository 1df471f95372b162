// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell of the MediaTek Genio 510 EVK (MT8370: 4x Cortex-A55 as Linux
 * CPUs 0-3, 2x Cortex-A78 as CPUs 4-5 at MPIDR 0x600, 0x700; cores 4 and 5
 * are fused off but keep their redistributor frames; 4 GiB DRAM).
 */
#define GENIO_NAME	"genio-510-evk"
#define GENIO_CPUS	0x3f
#define GENIO_DRAM_END	0x140000000

#include "genio-mt8188-root.h"
