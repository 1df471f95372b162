/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GICv3 register map (Arm IHI 0069): the distributor and a
 * redistributor as the hypervisor emulates them for the cells and as the
 * cells (inmates, the bench's modules) and the unit tests reach them.
 * Macros only, so that any of them can include it.
 */
#ifndef _JAILHOUSE_GIC_V3_REGS_H
#define _JAILHOUSE_GIC_V3_REGS_H

#include <jailhouse/limits.h>

#define GICD_SIZE		JAILHOUSE_GICD_SIZE

/* distributor registers; the arrays' ends are those of 1020 INTIDs */
#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IIDR		0x0008
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
#define GICD_ICPENDR		0x0280
#define GICD_ISACTIVER		0x0300
#define GICD_ICACTIVER		0x0380
#define GICD_ICACTIVER_END	0x0400
#define GICD_IPRIORITYR		0x0400
#define GICD_IPRIORITYR_END	0x0800
#define GICD_ICFGR		0x0c00
#define GICD_ICFGR_END		0x0d00
#define GICD_IGRPMODR		0x0d00
#define GICD_IGRPMODR_END	0x0d80
#define GICD_IROUTER		0x6000	/* of INTID n at + 8 * n, n >= 32 */
#define GICD_IROUTER_END	0x7fe0
#define GICD_ID_REGS		0xffd0	/* to the end: PIDR4-7, PIDR0-3, CIDR */

/*
 * A redistributor: two 64 KiB frames, RD_base for its control and LPIs,
 * SGI_base for the SGIs and PPIs (the two frames for virtual LPIs of
 * GICv4 follow when GICR_TYPER.VLPIS is set).
 */
#define GICR_FRAME_SIZE		JAILHOUSE_GICR_FRAME_SIZE
#define GICR_SGI_BASE		0x10000

/* RD_base; the 64-bit registers take 32-bit accesses to either half */
#define GICR_CTLR		0x0000
#define GICR_IIDR		0x0004
#define GICR_TYPER		0x0008	/* 64-bit */
#define GICR_TYPER_VLPIS	(1UL << 1)
#define GICR_TYPER_LAST		(1UL << 4)
#define GICR_STATUSR		0x0010
#define GICR_WAKER		0x0014
#define GICR_MPAMIDR		0x0018
#define GICR_PARTIDR		0x001c
#define GICR_SETLPIR		0x0040	/* 64-bit */
#define GICR_CLRLPIR		0x0048	/* 64-bit */
#define GICR_PROPBASER		0x0070	/* 64-bit */
#define GICR_PENDBASER		0x0078	/* 64-bit */
#define GICR_INVLPIR		0x00a0	/* 64-bit */
#define GICR_INVALLR		0x00b0	/* 64-bit */
#define GICR_SYNCR		0x00c0
#define GICR_ID_REGS		0xffd0

/* SGI_base, offsets in that frame: INTIDs 0-31 (and extended PPIs) */
#define GICR_IGROUPR0		0x0080
#define GICR_ISENABLER0		0x0100
#define GICR_ICENABLER0		0x0180
#define GICR_ISPENDR0		0x0200
#define GICR_ICPENDR0		0x0280
#define GICR_ISACTIVER0		0x0300
#define GICR_ICACTIVER0		0x0380
#define GICR_ICACTIVER_END	0x0400
#define GICR_IPRIORITYR		0x0400	/* byte-accessible */
#define GICR_IPRIORITYR_END	0x0460	/* with the extended PPIs' (v3.1) */
#define GICR_ICFGR0		0x0c00
#define GICR_IGRPMODR0		0x0d00
#define GICR_NSACR		0x0e00

#endif /* !_JAILHOUSE_GIC_V3_REGS_H */
