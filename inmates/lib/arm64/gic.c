// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 as the hypervisor shows it to a cell: the distributor and this
 * CPU's redistributor are emulated (32-bit accesses; GICR_TYPER 64-bit,
 * GICD_IROUTER 64-bit), the CPU interface is the system registers.
 *
 * One handler per INTID, shared by all CPUs; an interrupt without one is
 * reported and switched off.
 */
#include "lib.h"
#include <jailhouse/gic-v3-regs.h>

#define GICR_MAX_FRAMES		512

#define ICC_SRE_SRE		1
#define ICC_IGRPEN1_EN		1
#define ICC_PMR_ALLOW		0xf0	/* all priorities below */
#define IRQ_PRIORITY		0xa0

#define MAX_HANDLERS		16

static unsigned long gicd;
static unsigned long sgi_frame[MAX_CPUS];	/* redistributor + 64K */

static struct {
	unsigned int intid;
	irq_handler_t handler;
} handlers[MAX_HANDLERS];

/* MPIDR affinity as GICR_TYPER[63:32] has it: Aff3.Aff2.Aff1.Aff0 */
static u32 typer_affinity(u64 mpidr)
{
	return (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24;
}

static unsigned long find_redistributor(unsigned long frame, u64 mpidr)
{
	unsigned int n;
	u64 typer;

	for (n = 0; n < GICR_MAX_FRAMES; n++) {
		typer = mmio_read64(frame + GICR_TYPER);
		if ((typer >> 32) == typer_affinity(mpidr))
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
		/* GICv4 adds two frames for virtual LPIs */
		frame += typer & GICR_TYPER_VLPIS ? 2 * GICR_FRAME_SIZE :
			GICR_FRAME_SIZE;
	}
	return 0;
}

/* Each CPU that takes interrupts calls this once, first. */
int gic_init(void)
{
	unsigned long frame;

	if (comm_region->gic_version != 3) {
		printk("GIC: version %u not supported\n",
		       comm_region->gic_version);
		return -1;
	}
	gicd = comm_region->gicd_base;
	frame = find_redistributor(comm_region->gicr_base, this_cpu_mpidr());
	if (!frame) {
		printk("GIC: no redistributor for MPIDR 0x%llx\n",
		       this_cpu_mpidr());
		return -1;
	}
	sgi_frame[this_cpu_id()] = frame + GICR_SGI_BASE;

	write_sysreg(icc_sre_el1, read_sysreg(icc_sre_el1) | ICC_SRE_SRE);
	isb();
	write_sysreg(icc_pmr_el1, ICC_PMR_ALLOW);
	write_sysreg(icc_bpr1_el1, 0);
	write_sysreg(icc_ctlr_el1, 0);	/* EOImode 0: EOIR deactivates */
	write_sysreg(icc_igrpen1_el1, ICC_IGRPEN1_EN);
	isb();
	return 0;
}

/* Register @handler for @intid (NULL: none); do it before enabling. */
void gic_set_handler(unsigned int intid, irq_handler_t handler)
{
	unsigned int n, free = MAX_HANDLERS;

	for (n = 0; n < MAX_HANDLERS; n++) {
		if (handlers[n].handler && handlers[n].intid == intid)
			break;
		if (!handlers[n].handler && free == MAX_HANDLERS)
			free = n;
	}
	if (n == MAX_HANDLERS)
		n = free;
	if (n == MAX_HANDLERS) {
		printk("GIC: no room for a handler of INTID %u\n", intid);
		return;
	}
	handlers[n].intid = intid;
	handlers[n].handler = handler;
}

/* The word of a one-bit-per-INTID register that holds @intid. */
static unsigned long bit_reg(unsigned int intid, unsigned int reg)
{
	if (intid < 32)
		return sgi_frame[this_cpu_id()] + reg;
	return gicd + reg + intid / 32 * 4;
}

static void set_priority(unsigned int intid)
{
	unsigned long base = intid < 32 ? sgi_frame[this_cpu_id()] : gicd;
	unsigned long addr = base + GICD_IPRIORITYR + (intid & ~3U);
	unsigned int shift = (intid % 4) * 8;
	u32 val = mmio_read32(addr);

	val &= ~(0xffU << shift);
	mmio_write32(addr, val | IRQ_PRIORITY << shift);
}

/* SGIs and PPIs on this CPU; SPIs are routed to this CPU. */
void gic_enable_irq(unsigned int intid)
{
	set_priority(intid);
	if (intid >= 32)
		mmio_write64(gicd + GICD_IROUTER + intid * 8,
			     this_cpu_mpidr());
	mmio_write32(bit_reg(intid, GICD_ISENABLER), 1U << (intid % 32));
}

void gic_disable_irq(unsigned int intid)
{
	mmio_write32(bit_reg(intid, GICD_ICENABLER), 1U << (intid % 32));
}

bool gic_irq_pending(unsigned int intid)
{
	return mmio_read32(bit_reg(intid, GICD_ISPENDR)) &
		(1U << (intid % 32));
}

void gic_clear_pending(unsigned int intid)
{
	mmio_write32(bit_reg(intid, GICD_ICPENDR), 1U << (intid % 32));
}

/* SGI @sgi to the CPU @mpidr (ICC_SGI1R_EL1, IRM 0, one target). */
void gic_send_sgi(u64 mpidr, unsigned int sgi)
{
	u64 val = (u64)(sgi & 0xf) << 24 |
		((mpidr >> 8) & 0xff) << 16 |		/* Aff1 */
		((mpidr >> 16) & 0xff) << 32 |		/* Aff2 */
		((mpidr >> 32) & 0xff) << 48 |		/* Aff3 */
		((mpidr & 0xff) >> 4) << 44 |		/* RS */
		1UL << (mpidr & 0xf);			/* TargetList */

	/* what the receiver will read is written before it is woken */
	dsb(sy);
	write_sysreg(icc_sgi1r_el1, val);
	isb();
}

static void dispatch(unsigned int intid)
{
	unsigned int n;

	for (n = 0; n < MAX_HANDLERS; n++) {
		if (handlers[n].handler && handlers[n].intid == intid) {
			handlers[n].handler(intid);
			return;
		}
	}
	printk("inmate: unexpected interrupt %u on CPU %u, disabled\n",
	       intid, this_cpu_id());
	gic_disable_irq(intid);
}

void irq_handler(void)
{
	unsigned int intid;
	u64 iar;

	for (;;) {
		iar = read_sysreg(icc_iar1_el1);
		intid = iar & 0xffffff;
		if (intid >= 1020)	/* 1023: nothing (more) pending */
			return;
		dispatch(intid);
		write_sysreg(icc_eoir1_el1, iar);
		isb();
	}
}
