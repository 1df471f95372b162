// SPDX-License-Identifier: GPL-2.0
/* Bare-metal demo cell of the NXP i.MX8M Quad EVK: see imx8m-inmate-demo.h */
#include "imx8mq.h"

#ifndef IMX_CELL_NAME
#define IMX_CELL_NAME	"inmate-demo"
#endif
#define IMX_CELL_RAM	IMX8MQ_CELL_RAM
#define IMX_UART	IMX8M_UART1

#include "imx8m-inmate-demo.h"
