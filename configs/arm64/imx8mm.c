// SPDX-License-Identifier: GPL-2.0
/* Root cell of the NXP i.MX8M Mini EVK: see imx8mm.h. */
#include "imx8mm.h"

#define IMX_NAME		"imx8mm"
#define IMX_DEBUG_UART		IMX8M_UART2
#define IMX_HV			IMX8MM_HV
#define IMX_VPCI_ECAM		IMX8MM_VPCI_ECAM
#define IMX_VPCI_DOMAIN		1
#define IMX_IVSHMEM		IMX8MM_IVSHMEM
#define IMX_NUM_RAM_REGIONS	5
#define IMX_RAM_REGIONS							\
	/* RAM of Linux, then the RAM lent to cells */			\
	REGION(0x40000000, IMX8MM_LINUX_RAM, MEM_RAM_RWX),		\
	REGION(IMX8MM_LINUX_RAM, IMX8MM_HV, MEM_RAM_RWX),		\
	REGION(IMX8MM_HV + 0x400000, IMX8MM_VPCI_ECAM, MEM_RAM_RWX),	\
	REGION(IMX8MM_IVSHMEM + 0x200000, 0xbe000000, MEM_RAM_RWX),	\
	/* OP-TEE */							\
	REGION(0xbe000000, 0xc0000000, JAILHOUSE_MEM_READ |		\
	       JAILHOUSE_MEM_WRITE)

#include "imx8m-root.h"
