// SPDX-License-Identifier: GPL-2.0
/*
 * A second Linux on the NXP i.MX8M Mini EVK (seed 003): 576 MiB at
 * 0x93c00000, console on UART4 (ttymxc3, INTID 61), earlycon on the root
 * cell's UART2, uSDHC3 (INTID 56).  Device tree: dts/inmate-imx8mm-evk.dts;
 * command line "console=ttymxc3,115200 earlycon=ec_imx6q,0x30890000,115200".
 */
#include "imx8mm.h"

#define IMX_CELL_NAME		"linux-inmate-demo"
#define IMX_LOADER		IMX8MM_LOADER
#define IMX_LINUX_RAM		IMX8MM_LINUX_RAM
#define IMX_LINUX_RAM_SIZE	(IMX8MM_HV - IMX8MM_LINUX_RAM)
#define IMX_IVSHMEM		IMX8MM_IVSHMEM
#define IMX_VPCI_DOMAIN		1
#define IMX_VPCI_SPI		74	/* INTA-D: INTIDs 106-109 */
#define IMX_EARLY_UART		IMX8M_UART2
#define IMX_NUM_DEVICES		2
#define IMX_DEVICES							\
	/* UART4 */							\
	REGION(IMX8M_UART4, IMX8M_UART4 + 0x1000, MEM_MMIO),		\
	/* uSDHC3 */							\
	REGION(0x30b60000, 0x30b70000, MEM_MMIO)
#define IMX_IRQS							\
	/* GIC: uSDHC3 (56), UART4 (61) */ {				\
		.address = IMX8M_GICD,					\
		.pin_base = 32,						\
		.pin_bitmap = {						\
			1u << (56 - 32) | 1u << (IMX8M_UART4_INTID - 32), \
		},							\
	}

#include "imx8m-linux-demo.h"
