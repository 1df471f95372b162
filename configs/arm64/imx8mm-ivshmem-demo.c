// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo cell of the NXP i.MX8M Mini EVK: see imx8m-ivshmem-demo.h.
 * INTx: INTID 108.
 */
#include "imx8mm.h"

#define IMX_CELL_RAM	(IMX8MM_INMATE_RAM + 0x100000)
#define IMX_UART	IMX8M_UART2
#define IMX_IVSHMEM	IMX8MM_IVSHMEM
#define IMX_VPCI_DOMAIN	1
#define IMX_VPCI_SPI	76

#include "imx8m-ivshmem-demo.h"
