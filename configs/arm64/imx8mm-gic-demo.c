// SPDX-License-Identifier: GPL-2.0
/*
 * The inmate-demo cell of the NXP i.MX8M Mini EVK under the name NXP's
 * guide uses for it (seed 003): "gic-demo".
 */
#define IMX_CELL_NAME	"gic-demo"

#include "imx8mm-inmate-demo.c"
