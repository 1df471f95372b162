// SPDX-License-Identifier: GPL-2.0
/* Root cell of the NXP i.MX8M Quad EVK: see imx8mq.h. */
#include "imx8mq.h"

#define IMX_NAME		"imx8mq"
#define IMX_DEBUG_UART		IMX8M_UART1
#define IMX_HV			IMX8MQ_HV
#define IMX_VPCI_ECAM		IMX8MQ_VPCI_ECAM
#define IMX_VPCI_DOMAIN		2
#define IMX_IVSHMEM		IMX8MQ_IVSHMEM
#define IMX_NUM_RAM_REGIONS	4
#define IMX_RAM_REGIONS							\
	/* RAM of Linux, the loader, the RAM lent to cells */		\
	REGION(0x40000000, IMX8MQ_VPCI_ECAM, MEM_RAM_RWX),		\
	REGION(IMX8MQ_LOADER, IMX8MQ_CELL_RAM, MEM_RAM_RWX),		\
	REGION(IMX8MQ_CELL_RAM, IMX8MQ_HV, MEM_RAM_RWX),		\
	/* OP-TEE */							\
	REGION(0xfe000000, 0x100000000, JAILHOUSE_MEM_READ |		\
	       JAILHOUSE_MEM_WRITE)

#include "imx8m-root.h"
