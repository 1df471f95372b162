/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What arm64 keeps per CPU, per cell and per trap behind the arch
 * interface: struct per_cpu and struct cell hold it as their "arch".
 */
#ifndef _JAILHOUSE_ASM_PERCPU_H
#define _JAILHOUSE_ASM_PERCPU_H

#include <jailhouse/types.h>

#define PENDING_IRQS		64

/* A CPU's: its id, its GIC state, what Linux had at EL2. */
struct arch_per_cpu {
	u64 mpidr;			/* affinity: MPIDR_EL1.Aff3-0 */
	void *gicr;			/* this CPU's redistributor */
	unsigned int num_lrs;
	volatile u32 pending_sgis;	/* virtual SGIs to inject */
	volatile u16 pending_virq;	/* a shared line's interrupt, or 0 */
	u16 pending_irqs[PENDING_IRQS];	/* physical IRQs waiting for an LR */
	unsigned int pending_count;
	bool underflow_armed;		/* ICH_HCR_EL2.UIE is set */
	bool unknown_intid_logged;	/* an LPI or reserved INTID came */
	bool fiq_logged;		/* a group-0 interrupt came */
	/* what Linux had at EL2 and in the GIC CPU interface */
	u64 linux_hcr;
	u64 linux_vtcr;
	u64 linux_mdcr;
	u64 linux_cptr;
	u64 linux_cnthctl;
	u64 linux_icc_ctlr;
	/* emulated system registers whose use was logged: once each */
	u8 sysreg_logged;
	const void *sysreg_owner;	/* the cell they were logged for */
	u32 last_refused_smc;		/* log each refused call once */
};

/* A cell's interrupts, as the GIC unit keeps them. */
struct arch_cell {
	u32 irq_bitmap[32];		/* INTIDs 0-1023 the cell owns */
	/*
	 * Interrupts it reaches only virtually (a line shared with the root
	 * cell, e.g. MediaTek's EINT): their enable state is the cell's own.
	 */
	u32 virq_allowed[32];
	u32 virq_enabled[32];
	/* foreign INTIDs whose dropped writes were logged: once each */
	u32 foreign_logged[32];
	/* redistributor registers whose dropped writes were logged */
	u32 gicr_logged;
	bool irqs_taken;		/* its SPIs left the root cell */
};

/* The guest's general-purpose registers, saved at every trap. */
struct trap_frame {
	u64 x[31];
	u64 pad;
};

#endif /* !_JAILHOUSE_ASM_PERCPU_H */
