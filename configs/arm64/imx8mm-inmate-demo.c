// SPDX-License-Identifier: GPL-2.0
/* Bare-metal demo cell of the NXP i.MX8M Mini EVK: see imx8m-inmate-demo.h */
#include "imx8mm.h"

#ifndef IMX_CELL_NAME
#define IMX_CELL_NAME	"inmate-demo"
#endif
#define IMX_CELL_RAM	IMX8MM_INMATE_RAM
#define IMX_UART	IMX8M_UART2

#include "imx8m-inmate-demo.h"
