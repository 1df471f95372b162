/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The limits and fixed sizes the hypervisor works with, in one place for
 * the hypervisor, the configuration checker (common/) and so for the
 * driver and the jailhouse tool, which are built with the checker.  A
 * configuration the checker accepts fits these; the hypervisor's arrays
 * are sized by them.
 *
 * The names carry a prefix so that the driver can include this file
 * beside the kernel's PAGE_SIZE.
 */
#ifndef _JAILHOUSE_LIMITS_H
#define _JAILHOUSE_LIMITS_H

/* the stage-2 granule; memory regions are multiples of it */
#define JAILHOUSE_PAGE_SIZE		0x1000UL
/*
 * The most pages a sub-page I/O region (a JAILHOUSE_MEM_IO region whose
 * start or size is not page-aligned) may touch: the hypervisor traps the
 * cell's accesses to it and maps those pages into its own EL2 address
 * space, page by page.  Such regions are a device's few registers (a
 * UART, a GPIO bank); 64 KiB holds the largest register frame of a usual
 * device, yet costs EL2 at most two last-level tables.  A larger window
 * is mapped into the cell whole pages at a time instead.
 */
#define JAILHOUSE_SUBPAGE_MAX_PAGES	16
/* CPUs the hypervisor runs on (struct per_cpu, cpu sets) */
#define JAILHOUSE_MAX_CPUS		64
/* cells at once, the root cell included (cell ids are 0-255) */
#define JAILHOUSE_MAX_CELLS		32

/*
 * The longest a cell's answer to a message is waited for (its config's
 * msg_reply_timeout, microseconds): the root cell's CPU waits in the
 * hypervisor meanwhile.
 */
#define JAILHOUSE_MAX_MSG_TIMEOUT_US	10000000ULL

/* GICv3: the distributor, and one redistributor's two 64 KiB frames */
#define JAILHOUSE_GICD_SIZE		0x10000UL
#define JAILHOUSE_GICR_FRAME_SIZE	0x20000UL
/* the last SPI of GICv3 */
#define JAILHOUSE_MAX_INTID		1019

/*
 * MediaTek GPIO/EINT blocks (hypervisor/soc/mediatek): the mediation keeps
 * state for MTK_MAX_BLOCKS blocks of MTK_MAX_PINS pins, by table
 * position; the last MTK_MAX_TEST_BLOCKS positions are for test tables.
 */
#define MTK_MAX_BLOCKS			16
#define MTK_MAX_TEST_BLOCKS		4
#define MTK_MAX_PINS			256

#endif /* !_JAILHOUSE_LIMITS_H */
