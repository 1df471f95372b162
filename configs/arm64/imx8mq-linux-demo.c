// SPDX-License-Identifier: GPL-2.0
/*
 * A second Linux on the NXP i.MX8M Quad EVK (seed 003): the 988 MiB of
 * cell RAM, console on UART2 (ttymxc1, INTID 59), earlycon on the root
 * cell's UART1.  Unlike upstream it does not share uSDHC1 with the root
 * cell (its interrupt can only belong to one cell); boot it from an
 * initramfs.  Its irqchip lists the four INTx lines of its PCI host,
 * 140-143 (upstream's lists 140 only, its device tree used the root
 * cell's SPIs 51-54).  Device tree: dts/inmate-imx8mq-evk.dts; command
 * line "console=ttymxc1,115200 earlycon=ec_imx6q,0x30860000,115200".
 */
#include "imx8mq.h"

#define IMX_CELL_NAME		"linux-inmate-demo"
#define IMX_LOADER		IMX8MQ_LOADER
#define IMX_LINUX_RAM		IMX8MQ_CELL_RAM
#define IMX_LINUX_RAM_SIZE	(IMX8MQ_HV - IMX8MQ_CELL_RAM)
#define IMX_IVSHMEM		IMX8MQ_IVSHMEM
#define IMX_VPCI_DOMAIN		2
#define IMX_VPCI_SPI		108	/* INTA-D: INTIDs 140-143 */
#define IMX_EARLY_UART		IMX8M_UART1
#define IMX_NUM_DEVICES		1
#define IMX_DEVICES							\
	/* UART2 */							\
	REGION(IMX8M_UART2, IMX8M_UART2 + 0x1000, MEM_MMIO)
#define IMX_IRQS ONE_SPI(IMX8M_GICD, IMX8M_UART2_INTID)

#include "imx8m-linux-demo.h"
