// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo cell of the NXP i.MX8M Quad EVK: see imx8m-ivshmem-demo.h.
 * INTx: INTID 140.
 */
#include "imx8mq.h"

#define IMX_CELL_RAM	(IMX8MQ_CELL_RAM + 0x100000)
#define IMX_UART	IMX8M_UART1
#define IMX_IVSHMEM	IMX8MQ_IVSHMEM
#define IMX_VPCI_DOMAIN	2
#define IMX_VPCI_SPI	108

#include "imx8m-ivshmem-demo.h"
