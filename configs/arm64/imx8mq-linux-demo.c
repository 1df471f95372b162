// SPDX-License-Identifier: GPL-2.0
/*
 * A second Linux on the NXP i.MX8M Quad EVK (seed 003): the 988 MiB of
 * cell RAM, console on UART2 (ttymxc1, INTID 59), earlycon on the root
 * cell's UART1.  Unlike upstream it does not share uSDHC1 with the root
 * cell (its interrupt can only belong to one cell); boot it from an
 * initramfs.  Its irqchip lists both INTx lines, 140 and 141.
 */
#include "imx8mq.h"

#define IMX_CELL_NAME		"linux-inmate-demo"
#define IMX_LOADER		IMX8MQ_LOADER
#define IMX_LINUX_RAM		IMX8MQ_CELL_RAM
#define IMX_LINUX_RAM_SIZE	(IMX8MQ_HV - IMX8MQ_CELL_RAM)
#define IMX_IVSHMEM		IMX8MQ_IVSHMEM
#define IMX_VPCI_DOMAIN		2
#define IMX_VPCI_SPI		108	/* INTIDs 140, 141 */
#define IMX_EARLY_UART		IMX8M_UART1
#define IMX_NUM_DEVICES		1
#define IMX_DEVICES							\
	/* UART2 */							\
	REGION(IMX8M_UART2, IMX8M_UART2 + 0x1000, MEM_MMIO)
#define IMX_IRQS ONE_SPI(IMX8M_GICD, IMX8M_UART2_INTID)

#include "imx8m-linux-demo.h"
