// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 for a partitioning hypervisor.
 *
 * Physical interrupts are taken at EL2 (HCR_EL2.IMO) and handed to the
 * running cell through list registers: SPIs and PPIs as hardware
 * interrupts (the guest's deactivation deactivates the physical one),
 * SGIs as purely virtual ones.  A cell's SGIs never leave the hypervisor:
 * a write to ICC_SGI1R_EL1 traps, and the targets in the sender's cell get
 * a virtual SGI, remote ones kicked with the hypervisor's own SGI 0.
 *
 * The distributor and the redistributors are not mapped into cells; their
 * accesses trap and are filtered by the cell's interrupt ownership.
 */
#include <jailhouse/gic.h>
#include <jailhouse/spinlock.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>
#include <asm/sysregs.h>

#define ICH_HCR_EN		BIT(0)
#define ICH_HCR_UIE		BIT(1)
#define ICH_LR_PENDING		(1UL << 62)
#define ICH_LR_HW		(1UL << 61)
#define ICH_LR_GROUP1		(1UL << 60)
#define ICH_LR_PRIORITY		(0xa0UL << 48)
#define ICH_LR_PINTID_SHIFT	32
#define ICC_CTLR_EOIMODE	BIT(1)
#define ICC_CTLR_CBPR		BIT(0)
#define ICH_VMCR_VENG1		BIT(1)
#define ICH_VMCR_VCBPR		BIT(4)
#define ICH_VMCR_VEOIM		BIT(9)
#define ICH_VMCR_VBPR1_SHIFT	18
#define ICH_VMCR_VPMR_SHIFT	24

#define SGI1R_TARGETS(v)	((v) & 0xffff)
#define SGI1R_AFF1(v)		(((v) >> 16) & 0xff)
#define SGI1R_INTID(v)		(((v) >> 24) & 0xf)
#define SGI1R_AFF2(v)		(((v) >> 32) & 0xff)
#define SGI1R_IRM		BIT(40)
#define SGI1R_RS(v)		(((v) >> 44) & 0xf)
#define SGI1R_AFF3(v)		(((v) >> 48) & 0xff)

#define MAX_SHARED_IRQS		4

/*
 * Lines the root cell shares with cells (an SoC's EINT line): when one
 * fires, its target function names the cell it is for.  A cell gets it
 * as a purely virtual interrupt (route_shared).
 */
static struct {
	unsigned int intid;
	gic_shared_target_fn target;
} shared_irqs[MAX_SHARED_IRQS];

DEFINE_SPINLOCK(dist_lock);
static volatile u8 *gicd;

static void gicd_write_bit(unsigned int reg, unsigned int intid);
static volatile u8 *gicr;
static unsigned int maintenance_irq;
/* GICR_WAKER.ProcessorSleep as each CPU's cell wrote it (CPU ids < 64) */
static u64 virt_waker_sleep;

unsigned long gic_gicr_window_size(void)
{
	u32 size = system_config->platform_info.arm.gicr_size;

	/* one frame per possible CPU of the root cell */
	return size ? size : hypervisor_header.max_cpus * GICR_FRAME_SIZE;
}

int gic_init(void)
{
	if (system_config->platform_info.arm.gic_version != 3) {
		printk("ERROR: only GICv3 is supported\n");
		return -ENODEV;
	}
	gicd = (volatile u8 *)system_config->platform_info.arm.gicd_base;
	gicr = (volatile u8 *)system_config->platform_info.arm.gicr_base;
	maintenance_irq = system_config->platform_info.arm.maintenance_irq;
	return 0;
}

/* The hypervisor's own interrupts, which no cell may touch. */
u32 gic_reserved_private_irqs(void)
{
	return BIT(SGI_INJECT) | BIT(maintenance_irq);
}

static volatile u8 *find_redistributor(u64 mpidr)
{
	unsigned long offset, window = gic_gicr_window_size();
	u64 typer, affinity;

	affinity = (mpidr & 0xffffff) | ((mpidr >> 8) & 0xff000000);
	for (offset = 0; offset < window; offset += GICR_FRAME_SIZE) {
		typer = *(volatile u64 *)(gicr + offset + GICR_TYPER);
		if ((typer >> 32) == affinity)
			return gicr + offset;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return NULL;
}

/* ICC_SGI1R_EL1 target fields that name exactly the CPU @mpidr */
static u64 sgi_target(u64 mpidr)
{
	u64 aff0 = mpidr & 0xff;

	return (((mpidr >> 32) & 0xff) << 48) | (((mpidr >> 16) & 0xff) << 32) |
		(((mpidr >> 8) & 0xff) << 16) | ((aff0 >> 4) << 44) |
		BIT(aff0 & 0xf);
}

static void write_lr(unsigned int n, u64 value)
{
	switch (n) {
#define LR(i) case i: write_sysreg(ich_lr##i##_el2, value); break
	LR(0); LR(1); LR(2); LR(3); LR(4); LR(5); LR(6); LR(7);
	LR(8); LR(9); LR(10); LR(11); LR(12); LR(13); LR(14); LR(15);
#undef LR
	}
}

static u64 read_lr(unsigned int n)
{
	switch (n) {
#define LR(i) case i: return read_sysreg(ich_lr##i##_el2)
	LR(0); LR(1); LR(2); LR(3); LR(4); LR(5); LR(6); LR(7);
	LR(8); LR(9); LR(10); LR(11); LR(12); LR(13); LR(14); LR(15);
#undef LR
	}
	return 0;
}

static u32 sgi_frame_read(struct per_cpu *cpu, unsigned int reg)
{
	return *(volatile u32 *)((volatile u8 *)cpu->arch.gicr + GICR_SGI_BASE +
				 reg);
}

static void sgi_frame_write(struct per_cpu *cpu, unsigned int reg, u32 value)
{
	*(volatile u32 *)((volatile u8 *)cpu->arch.gicr + GICR_SGI_BASE + reg) =
		value;
}

/* The priority every owner's SGIs and PPIs start with, and ours have. */
#define PRIVATE_PRIORITY	0xa0

/* ICFGR1 (PPIs) of each CPU as the root cell had it at enable */
static u32 ppi_config[MAX_CPUS];

static void set_private_priorities(struct per_cpu *cpu, u32 intids)
{
	volatile u8 *prio = (volatile u8 *)cpu->arch.gicr + GICR_SGI_BASE +
		GICR_IPRIORITYR;
	unsigned int n;

	for (n = 0; n < 32; n++)
		if (intids & BIT(n))
			prio[n] = PRIVATE_PRIORITY;
}

int gic_cpu_init(struct per_cpu *cpu)
{
	u64 ctlr, vmcr;
	unsigned int n;
	u32 active;

	cpu->arch.gicr = (void *)find_redistributor(cpu->arch.mpidr);
	if (!cpu->arch.gicr) {
		printk("ERROR: CPU %u: no redistributor for MPIDR 0x%llx\n",
		       cpu->cpu_id, cpu->arch.mpidr);
		return -ENODEV;
	}
	cpu->arch.num_lrs = (read_sysreg(ich_vtr_el2) & 0xf) + 1;
	for (n = 0; n < cpu->arch.num_lrs; n++)
		write_lr(n, 0);

	/*
	 * Linux enters from an IPI handler: the SGI it acknowledged stays
	 * active, and Linux will deactivate it through the virtual CPU
	 * interface, which does not reach the physical one.  Deactivate it
	 * here, or that SGI never arrives again once Linux has EL2 back.
	 */
	active = sgi_frame_read(cpu, GICR_ISACTIVER0);
	sgi_frame_write(cpu, GICR_ICACTIVER0, active);

	/*
	 * The maintenance interrupt signals free list registers; SGI 0
	 * kicks the CPU.  The root cell's PPI configuration is what every
	 * later owner of the CPU starts with.
	 */
	set_private_priorities(cpu, gic_reserved_private_irqs());
	sgi_frame_write(cpu, GICR_ISENABLER0, gic_reserved_private_irqs());
	if (cpu->cpu_id < MAX_CPUS)
		ppi_config[cpu->cpu_id] = sgi_frame_read(cpu, GICR_ICFGR0 + 4);

	/* Linux's CPU interface settings become its virtual ones */
	ctlr = read_sysreg(icc_ctlr_el1);
	cpu->arch.linux_icc_ctlr = ctlr;
	vmcr = (read_sysreg(icc_pmr_el1) & 0xff) << ICH_VMCR_VPMR_SHIFT;
	vmcr |= (read_sysreg(icc_bpr1_el1) & 7) << ICH_VMCR_VBPR1_SHIFT;
	if (read_sysreg(icc_igrpen1_el1) & 1)
		vmcr |= ICH_VMCR_VENG1;
	if (ctlr & ICC_CTLR_EOIMODE)
		vmcr |= ICH_VMCR_VEOIM;
	if (ctlr & ICC_CTLR_CBPR)
		vmcr |= ICH_VMCR_VCBPR;
	write_sysreg(ich_vmcr_el2, vmcr);
	/* EL2 drops priority only; the guest's EOI deactivates */
	write_sysreg(icc_ctlr_el1, ctlr | ICC_CTLR_EOIMODE);
	write_sysreg(ich_hcr_el2, ICH_HCR_EN);
	isb();
	return 0;
}

/*
 * A list register's interrupt as Linux will see it on the physical CPU
 * interface.  Pending ones must arrive again; active ones (Linux is
 * handling them and will write ICC_DIR_EL1 at the end) must be active.
 */
static void hand_back_lr(struct per_cpu *cpu, u64 lr)
{
	unsigned int state = lr >> 62, intid = lr & 0x3ff;

	if (!state)
		return;
	if (lr & ICH_LR_HW) {
		/* acknowledged at EL2, so physically active already */
		if (state == 1)
			write_sysreg(icc_dir_el1, intid);
		return;
	}
	if (intid >= 16)
		return;
	if (state & 2)
		sgi_frame_write(cpu, GICR_ISACTIVER0, BIT(intid));
	if (state & 1)
		cpu->arch.pending_sgis |= BIT(intid);
}

/*
 * A CPU restarting (PSCI CPU_ON after CPU_OFF) begins with an empty
 * virtual interface: what was pending for it before is dropped, physical
 * interrupts behind it deactivated so that they can come again.
 */
void gic_cpu_reset(struct per_cpu *cpu)
{
	unsigned int n;
	u32 private;
	u64 lr;

	for (n = 0; n < cpu->arch.num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if ((lr >> 62) && (lr & ICH_LR_HW))
			write_sysreg(icc_dir_el1,
				     (lr >> ICH_LR_PINTID_SHIFT) & 0x3ff);
	}
	for (n = 0; n < cpu->arch.pending_count; n++)
		write_sysreg(icc_dir_el1, cpu->arch.pending_irqs[n]);
	cpu->arch.pending_count = 0;
	cpu->arch.pending_sgis = 0;
	cpu->arch.pending_virq = 0;
	write_sysreg(ich_ap1r0_el2, 0);
	write_sysreg(ich_vmcr_el2, 0);
	cpu->arch.underflow_armed = false;
	write_sysreg(ich_hcr_el2, ICH_HCR_EN);

	/*
	 * The SGIs and PPIs of the previous user: off, idle, and as the
	 * next one expects them (group 1, one priority, the PPI
	 * configuration of enable); ours at our priority again.
	 */
	private = ~gic_reserved_private_irqs();
	sgi_frame_write(cpu, GICR_ICENABLER0, private);
	sgi_frame_write(cpu, GICR_ICPENDR0, private);
	sgi_frame_write(cpu, GICR_ICACTIVER0, private);
	sgi_frame_write(cpu, GICR_IGROUPR0, ~0U);
	sgi_frame_write(cpu, GICR_IGRPMODR0, 0);
	set_private_priorities(cpu, ~0U);
	if (cpu->cpu_id < MAX_CPUS)
		sgi_frame_write(cpu, GICR_ICFGR0 + 4, ppi_config[cpu->cpu_id]);
	__atomic_fetch_and(&virt_waker_sleep, ~BIT(cpu->cpu_id % 64),
			   __ATOMIC_RELAXED);
}

/* Make @cpu trap: the hypervisor's own SGI. */
void gic_kick(struct per_cpu *cpu)
{
	dsb(ish);
	write_sysreg(icc_sgi1r_el1, ((u64)SGI_INJECT << 24) |
		     sgi_target(cpu->arch.mpidr));
	isb();
}

/* No list register holds a pending or active interrupt. */
bool gic_lrs_empty(struct per_cpu *cpu)
{
	u64 all = (1UL << cpu->arch.num_lrs) - 1;

	return (read_sysreg(ich_elrsr_el2) & all) == all;
}

/* Give the physical CPU interface back to Linux as its virtual one is. */
void gic_cpu_shutdown(struct per_cpu *cpu)
{
	u64 vmcr = read_sysreg(ich_vmcr_el2), lr;
	unsigned int n;
	u32 sgis;

	if (!cpu->arch.num_lrs)
		return;
	for (n = 0; n < cpu->arch.num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		hand_back_lr(cpu, lr);
	}
	for (n = 0; n < cpu->arch.pending_count; n++)
		write_sysreg(icc_dir_el1, cpu->arch.pending_irqs[n]);
	cpu->arch.pending_count = 0;
	write_sysreg(ich_hcr_el2, 0);
	write_sysreg(icc_pmr_el1, (vmcr >> ICH_VMCR_VPMR_SHIFT) & 0xff);
	write_sysreg(icc_bpr1_el1, (vmcr >> ICH_VMCR_VBPR1_SHIFT) & 7);
	write_sysreg(icc_igrpen1_el1, !!(vmcr & ICH_VMCR_VENG1));
	write_sysreg(icc_ctlr_el1, cpu->arch.linux_icc_ctlr);
	isb();
	/* virtual SGIs not delivered yet arrive as physical ones */
	sgis = __atomic_exchange_n(&cpu->arch.pending_sgis, 0,
				   __ATOMIC_ACQ_REL);
	for (n = 0; n < 16; n++)
		if (sgis & BIT(n))
			write_sysreg(icc_sgi1r_el1, ((u64)n << 24) |
				     sgi_target(cpu->arch.mpidr));
	isb();
}

static bool cell_owns_irq(const struct cell *cell, unsigned int intid)
{
	return intid < 1024 && bitmap32_test(cell->arch.irq_bitmap, intid);
}

/* Put @lr into a free list register; false if all are in use. */
static bool inject(struct per_cpu *cpu, u64 lr)
{
	u64 free = read_sysreg(ich_elrsr_el2);
	unsigned int n;

	for (n = 0; n < cpu->arch.num_lrs; n++) {
		if (!(free & BIT(n)))
			continue;
		write_lr(n, lr);
		return true;
	}
	return false;
}

static u64 hw_lr(unsigned int intid)
{
	return ICH_LR_PENDING | ICH_LR_HW | ICH_LR_GROUP1 | ICH_LR_PRIORITY |
		((u64)intid << ICH_LR_PINTID_SHIFT) | intid;
}

/* a pending, purely virtual interrupt: a virtual SGI or shared line */
static u64 virtual_lr(unsigned int vintid)
{
	return ICH_LR_PENDING | ICH_LR_GROUP1 | ICH_LR_PRIORITY | vintid;
}

/*
 * Make purely virtual interrupt @vintid pending.  A list register that
 * holds it already gets the pending state added (two list registers with
 * one vINTID are UNPREDICTABLE: the guest may never see the second); else
 * a free one.
 */
static bool inject_virtual(struct per_cpu *cpu, unsigned int vintid)
{
	u64 free = read_sysreg(ich_elrsr_el2), lr;
	unsigned int n;

	for (n = 0; n < cpu->arch.num_lrs; n++) {
		if (free & BIT(n))
			continue;
		lr = read_lr(n);
		if ((lr & 0xffffffff) != vintid)
			continue;
		if (!(lr & ICH_LR_PENDING))
			write_lr(n, lr | ICH_LR_PENDING);
		return true;
	}
	return inject(cpu, virtual_lr(vintid));
}

/*
 * Move what waits into free list registers; when something still waits,
 * ask for the underflow maintenance interrupt.
 */
void gic_flush_pending(struct per_cpu *cpu)
{
	unsigned int n, kept = 0;
	u32 sgis;

	/* the common case on every trap: nothing waits */
	if (!cpu->arch.pending_sgis && !cpu->arch.pending_count &&
	    !cpu->arch.pending_virq) {
		if (cpu->arch.underflow_armed) {
			write_sysreg(ich_hcr_el2, ICH_HCR_EN);
			cpu->arch.underflow_armed = false;
		}
		return;
	}
	sgis = __atomic_exchange_n(&cpu->arch.pending_sgis, 0,
				   __ATOMIC_ACQ_REL);

	for (n = 0; n < 16; n++) {
		if (!(sgis & BIT(n)))
			continue;
		if (inject_virtual(cpu, n))
			cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI]++;
		else
			__atomic_fetch_or(&cpu->arch.pending_sgis, BIT(n),
					  __ATOMIC_ACQ_REL);
	}
	for (n = 0; n < cpu->arch.pending_count; n++)
		if (!inject(cpu, hw_lr(cpu->arch.pending_irqs[n])))
			cpu->arch.pending_irqs[kept++] =
				cpu->arch.pending_irqs[n];
	cpu->arch.pending_count = kept;
	if (cpu->arch.pending_virq &&
	    inject_virtual(cpu, cpu->arch.pending_virq))
		cpu->arch.pending_virq = 0;
	cpu->arch.underflow_armed = kept || cpu->arch.pending_sgis ||
		cpu->arch.pending_virq;
	write_sysreg(ich_hcr_el2, ICH_HCR_EN |
		     (cpu->arch.underflow_armed ? ICH_HCR_UIE : 0));
}

static void queue_irq(struct per_cpu *cpu, unsigned int intid)
{
	if (inject(cpu, hw_lr(intid)))
		return;
	if (cpu->arch.pending_count < PENDING_IRQS) {
		cpu->arch.pending_irqs[cpu->arch.pending_count++] = intid;
		return;
	}
	/* cannot happen with level/edge semantics; never lose it silently */
	printk("WARNING: CPU %u: interrupt queue full, INTID %u deferred\n",
	       cpu->cpu_id, intid);
	write_sysreg(icc_dir_el1, intid);
}

static int shared_index(unsigned int intid)
{
	unsigned int n;

	for (n = 0; n < MAX_SHARED_IRQS; n++)
		if (shared_irqs[n].target && shared_irqs[n].intid == intid)
			return n;
	return -1;
}

int gic_register_shared_irq(unsigned int intid, gic_shared_target_fn target)
{
	unsigned int n;

	if (shared_index(intid) >= 0)
		return 0;
	for (n = 0; n < MAX_SHARED_IRQS; n++)
		if (!shared_irqs[n].target) {
			shared_irqs[n].intid = intid;
			shared_irqs[n].target = target;
			return 0;
		}
	printk("ERROR: more than %u shared interrupt lines\n",
	       MAX_SHARED_IRQS);
	return -ENOMEM;
}

static bool virq_enabled(const struct cell *cell, unsigned int intid)
{
	return bitmap32_test(cell->arch.virq_enabled, intid);
}


/*
 * A shared line fired: if its target is another cell that has it
 * enabled, hand the cell a virtual interrupt; else the root cell gets it
 * as usual.  The line is never masked at the distributor for a cell: the
 * target function quiets the cell's source (the MediaTek unit holds its
 * EINT lines until the cell acks them), so a cell that never completes
 * its interrupt cannot keep the line from the root cell.
 */
static bool route_shared(struct per_cpu *cpu, unsigned int intid, u64 iar)
{
	int n = shared_index(intid);
	struct per_cpu *target_cpu;
	struct cell *target;

	if (n < 0)
		return false;
	target = shared_irqs[n].target(intid);
	if (!target || target == &root_cell || !virq_enabled(target, intid))
		return false;
	/* a cell that is not running gets nothing: the root cell does */
	target_cpu = cell_first_cpu(target);
	if (!target_cpu || target_cpu->parked)
		return false;
	write_sysreg(icc_dir_el1, iar);
	target_cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
	target_cpu->arch.pending_virq = intid;
	if (target_cpu != cpu)
		gic_kick(target_cpu);
	return true;
}

/* A stopped cell's virtual enables of shared lines are reset. */
static void release_shared(struct cell *cell)
{
	memset(cell->arch.virq_enabled, 0, sizeof(cell->arch.virq_enabled));
}

/*
 * An INTID past the SPIs: an LPI (8192 on), which no cell is given (no
 * ITS is mapped), or a reserved one.  Its priority was dropped; an LPI
 * has no active state, a reserved one is deactivated.  Left pending or
 * active, it would block every interrupt of its priority on this CPU.
 */
static void drop_unknown_intid(struct per_cpu *cpu, unsigned int intid,
			       u64 iar)
{
	if (intid < 8192)
		write_sysreg(icc_dir_el1, iar);
	if (!cpu->arch.unknown_intid_logged) {
		cpu->arch.unknown_intid_logged = true;
		printk("CPU %u: INTID %u dropped: %s\n", cpu->cpu_id, intid,
		       intid >= 8192 ? "an LPI, and no cell has LPIs" :
		       "a reserved INTID");
	}
}

void gic_handle_irq(struct per_cpu *cpu)
{
	unsigned int intid;
	u64 iar;

	for (;;) {
		iar = read_sysreg(icc_iar1_el1);
		intid = iar & 0xffffff;
		if (intid >= 1020 && intid <= 1023)
			break;		/* spurious: nothing (more) pending */
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
		write_sysreg(icc_eoir1_el1, iar);
		if (intid >= 1024) {
			drop_unknown_intid(cpu, intid, iar);
			continue;
		}
		if (intid == SGI_INJECT) {
			write_sysreg(icc_dir_el1, iar);
			cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
			continue;
		}
		if (intid == maintenance_irq) {
			write_sysreg(icc_dir_el1, iar);
			cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE]++;
			/*
			 * The underflow interrupt is level: it stays asserted
			 * until the list registers are refilled or UIE is
			 * cleared, which this does.  (UIE may have been armed
			 * for an SGI another CPU queued meanwhile.)
			 */
			gic_flush_pending(cpu);
			continue;
		}
		if (intid >= 32 && route_shared(cpu, intid, iar))
			continue;
		if (intid < 16 || !cell_owns_irq(cpu->cell, intid)) {
			/* an SGI from nowhere or a foreign interrupt */
			write_sysreg(icc_dir_el1, iar);
			continue;
		}
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
		queue_irq(cpu, intid);
	}
	gic_flush_pending(cpu);
}

/* A cell CPU wrote @sgi1r to ICC_SGI1R_EL1. */
void gic_send_sgis(struct per_cpu *cpu, u64 sgi1r)
{
	unsigned int sgi = SGI1R_INTID(sgi1r), target;
	struct per_cpu *other;
	u64 mpidr;

	for (target = 0; target < hypervisor_header.max_cpus; target++) {
		other = per_cpu(target);
		if (other->cell != cpu->cell || !other->arch.gicr)
			continue;
		mpidr = other->arch.mpidr;
		if (sgi1r & SGI1R_IRM) {
			if (other == cpu)
				continue;
		} else if (SGI1R_AFF3(sgi1r) != ((mpidr >> 32) & 0xff) ||
			   SGI1R_AFF2(sgi1r) != ((mpidr >> 16) & 0xff) ||
			   SGI1R_AFF1(sgi1r) != ((mpidr >> 8) & 0xff) ||
			   SGI1R_RS(sgi1r) != ((mpidr & 0xff) >> 4) ||
			   !(SGI1R_TARGETS(sgi1r) & BIT(mpidr & 0xf))) {
			continue;
		}
		__atomic_fetch_or(&other->arch.pending_sgis, BIT(sgi),
				  __ATOMIC_ACQ_REL);
		if (other != cpu) {
			dsb(ish);
			write_sysreg(icc_sgi1r_el1, ((u64)SGI_INJECT << 24) |
				     sgi_target(mpidr));
		}
	}
	isb();
}

/* ---- interrupts changing hands ---- */

static void gicd_write_bit(unsigned int reg, unsigned int intid)
{
	*(volatile u32 *)(gicd + reg + intid / 32 * 4) = BIT(intid % 32);
}

/* Off, not pending, not active: as a new owner should find it. */
static void quiesce_spi(unsigned int intid)
{
	gicd_write_bit(GICD_ICENABLER, intid);
	gicd_write_bit(GICD_ICPENDR, intid);
	gicd_write_bit(GICD_ICACTIVER, intid);
}

static u64 first_cpu_affinity(const struct cell *cell)
{
	struct per_cpu *cpu = cell_first_cpu(cell);

	return cpu ? cpu->arch.mpidr : 0;
}

static void route_spi(unsigned int intid, u64 mpidr)
{
	*(volatile u64 *)(gicd + GICD_IROUTER + intid * 8) =
		mpidr & MPIDR_AFF_MASK;
}

static void for_each_owned_spi(const struct cell *cell,
			       void (*fn)(const struct cell *cell,
					  unsigned int intid))
{
	unsigned int intid;

	for (intid = 32; intid < 1020; intid++)
		if (cell_owns_irq(cell, intid))
			fn(cell, intid);
}

/*
 * What the root cell had set of an SPI a cell took, for its return:
 * priority, configuration (edge/level), group and group modifier.
 */
static struct {
	u8 priority;
	u8 config;		/* ICFGR's 2 bits */
	u8 group;		/* IGROUPR's bit | IGRPMODR's bit << 1 */
} root_spi[1020];

static unsigned int gicd_field(unsigned int base, unsigned int intid,
			       unsigned int width)
{
	u32 word = *(volatile u32 *)(gicd + base + intid * width / 32 * 4);

	return (word >> (intid * width % 32)) & ((1U << width) - 1);
}

static void gicd_set_field(unsigned int base, unsigned int intid,
			   unsigned int width, u32 value)
{
	volatile u32 *word = (volatile u32 *)(gicd + base +
					      intid * width / 32 * 4);
	unsigned int shift = intid * width % 32;
	u32 mask = ((1U << width) - 1) << shift;

	*word = (*word & ~mask) | ((value << shift) & mask);
}

static void save_spi(unsigned int intid)
{
	root_spi[intid].priority = gicd[GICD_IPRIORITYR + intid];
	root_spi[intid].config = gicd_field(GICD_ICFGR, intid, 2);
	root_spi[intid].group = gicd_field(GICD_IGROUPR, intid, 1) |
		gicd_field(GICD_IGRPMODR, intid, 1) << 1;
}

static void restore_spi(unsigned int intid)
{
	gicd[GICD_IPRIORITYR + intid] = root_spi[intid].priority;
	gicd_set_field(GICD_ICFGR, intid, 2, root_spi[intid].config);
	gicd_set_field(GICD_IGROUPR, intid, 1, root_spi[intid].group & 1);
	gicd_set_field(GICD_IGRPMODR, intid, 1, root_spi[intid].group >> 1);
}

static void take_spi(const struct cell *cell, unsigned int intid)
{
	bitmap32_clear(root_cell.arch.irq_bitmap, intid);
	quiesce_spi(intid);
	save_spi(intid);
	route_spi(intid, first_cpu_affinity(cell));
}

static void reset_spi(const struct cell *cell, unsigned int intid)
{
	(void)cell;
	quiesce_spi(intid);
}

static void return_spi(const struct cell *cell, unsigned int intid)
{
	(void)cell;
	quiesce_spi(intid);
	restore_spi(intid);
	route_spi(intid, first_cpu_affinity(&root_cell));
	bitmap32_set(root_cell.arch.irq_bitmap, intid);
}

/* A virtual device's interrupt: @intid pending, routed as configured. */
void gic_raise_spi(unsigned int intid)
{
	dsb(ish);
	gicd_write_bit(GICD_ISPENDR, intid);
}

/* A new cell's SPIs leave the root cell, switched off. */
void gic_cell_take_irqs(struct cell *cell)
{
	spin_lock(&dist_lock);
	for_each_owned_spi(cell, take_spi);
	spin_unlock(&dist_lock);
}

/* A cell (re)starts with its SPIs switched off. */
void gic_cell_reset_irqs(struct cell *cell)
{
	spin_lock(&dist_lock);
	for_each_owned_spi(cell, reset_spi);
	release_shared(cell);
	spin_unlock(&dist_lock);
}

/* A destroyed cell's SPIs go back to the root cell, switched off. */
void gic_cell_return_irqs(struct cell *cell)
{
	spin_lock(&dist_lock);
	for_each_owned_spi(cell, return_spi);
	release_shared(cell);
	spin_unlock(&dist_lock);
}

/* ---- distributor and redistributor emulation ---- */

/* The bits of a 1-bit-per-INTID register word the cell may touch. */
static u32 owned_bits(const struct cell *cell, unsigned int first_intid)
{
	return first_intid < 1024 ? cell->arch.irq_bitmap[first_intid / 32] : 0;
}

/*
 * Expand one bit per INTID into a field of @width bits per INTID, for
 * @count INTIDs from @first_intid (at most 64 bits of fields).  On the
 * trap path of every such register: word-wise, not INTID by INTID.
 */
static u64 field_mask(const struct cell *cell, unsigned int first_intid,
		      unsigned int count, unsigned int width)
{
	unsigned int base = first_intid & ~31U, n;
	u64 bits = (owned_bits(cell, base) |
		    (u64)owned_bits(cell, base + 32) << 32) >>
		(first_intid - base);
	u64 field = (1UL << width) - 1, mask = 0;

	if (count < 64)
		bits &= (1UL << count) - 1;
	if (width == 1)
		return bits;
	for (n = 0; bits; n++, bits >>= 1)
		if (bits & 1)
			mask |= field << (n * width);
	return mask;
}

/* Read-modify-write of the cell's fields only, under the lock. */
static void masked_access(volatile u8 *reg, struct mmio_access *mmio,
			  u64 mask, bool locked)
{
	u64 old;

	if (!mmio->is_write) {
		mmio->value = mmio_read(reg, mmio->size) & mask;
		return;
	}
	if (!locked) {
		/* set/clear registers: foreign bits are simply not written */
		mmio_write(reg, mmio->size, mmio->value & mask);
		return;
	}
	spin_lock(&dist_lock);
	old = mmio_read(reg, mmio->size);
	mmio_write(reg, mmio->size, (old & ~mask) | (mmio->value & mask));
	spin_unlock(&dist_lock);
}

/*
 * A cell other than the root wrote state of interrupts it does not own:
 * @foreign has a bit for each such INTID, counted from @first_intid (a
 * register covers an aligned group of INTIDs within one 32-bit word).
 * The write is dropped for them and the cell runs on (Linux's and an
 * RTOS's GIC init write every SPI); each INTID is logged once per cell,
 * within the cell's budget of such lines (jailhouse/log-budget.h), so a
 * cell cannot flood the console.
 */
/*
 * Marks @bits (one per INTID from @first_intid on, within its 32-bit
 * word) as logged for @cell; returns those that were not yet.
 */
static u32 not_yet_logged(struct cell *cell, unsigned int first_intid,
			  u32 bits)
{
	unsigned int shift = first_intid % 32;
	u32 old = __atomic_fetch_or(&cell->arch.foreign_logged[first_intid /
							       32],
				    bits << shift, __ATOMIC_RELAXED);

	return bits & ~(old >> shift);
}

static void drop_foreign(struct per_cpu *cpu, unsigned int first_intid,
			 u32 foreign, const char *reg, unsigned int index)
{
	struct cell *cell = cpu->cell;
	unsigned int first, last;
	u32 fresh;

	if (cell == &root_cell || !foreign || first_intid >= 1024)
		return;
	fresh = not_yet_logged(cell, first_intid, foreign);
	while (fresh) {
		first = __builtin_ctz(fresh);
		last = first;
		while (last < 31 && (fresh & BIT(last + 1)))
			last++;
		fresh &= ~(u32)(((1UL << (last + 1)) - 1) & ~(BIT(first) - 1));
		if (!log_budget_take(cell))
			continue;
		if (first == last)
			printk("Cell '%s': write to INTID %u dropped: not its "
			       "interrupt (%s%u, PC 0x%lx)\n",
			       cell->config->name, first_intid + first, reg,
			       index, read_sysreg(elr_el2));
		else
			printk("Cell '%s': writes to INTIDs %u-%u dropped: "
			       "not its interrupts (%s%u, PC 0x%lx)\n",
			       cell->config->name, first_intid + first,
			       first_intid + last, reg, index,
			       read_sysreg(elr_el2));
	}
}

/* Non-zero fields of @width bits per INTID outside @mask, as INTID bits. */
static u32 foreign_fields(u64 value, u64 mask, unsigned int count,
			  unsigned int width)
{
	u64 field = (1UL << width) - 1;
	u32 foreign = 0;
	unsigned int n;

	value &= ~mask;
	for (n = 0; n < count; n++)
		if (value & (field << (n * width)))
			foreign |= BIT(n);
	return foreign;
}

static const char *const bit_reg_names[] = {
	"GICD_IGROUPR", "GICD_ISENABLER", "GICD_ICENABLER", "GICD_ISPENDR",
	"GICD_ICPENDR", "GICD_ISACTIVER", "GICD_ICACTIVER",
};

/*
 * GICD_IGROUPR, IS/IC{ENABLE,PEND,ACTIVE}R: the bits of interrupts the
 * cell does not own (nor reaches virtually) are dropped; log them.
 */
static void foreign_bits(struct per_cpu *cpu, struct mmio_access *mmio,
			 u64 reg)
{
	unsigned int intid = (reg & 0x7f) * 8;
	u32 foreign, allowed = owned_bits(cpu->cell, intid);

	if (!mmio->is_write || cpu->cell == &root_cell || intid < 32)
		return;
	if (reg >= GICD_ISENABLER && reg < GICD_ISPENDR)
		allowed |= cpu->cell->arch.virq_allowed[intid / 32];
	foreign = mmio->value & ~allowed;
	drop_foreign(cpu, intid, foreign, bit_reg_names[reg / 0x80 - 1],
		     intid / 32);
}

/* I{S,C}ENABLER of the interrupts the cell has only virtually. */
static void virtual_enable(struct cell *cell, struct mmio_access *mmio,
			   unsigned int first_intid, bool set)
{
	u32 *enabled = &cell->arch.virq_enabled[first_intid / 32];
	u32 bits = cell->arch.virq_allowed[first_intid / 32];

	if (!bits)
		return;
	if (!mmio->is_write)
		mmio->value |= *enabled & bits;
	else if (set)
		*enabled |= mmio->value & bits;
	else
		*enabled &= ~(mmio->value & bits);
}

static bool cell_has_affinity(const struct cell *cell, u64 value)
{
	unsigned int cpu;

	for_each_cell_cpu(cpu, cell)
		if (per_cpu(cpu)->arch.mpidr == (value & MPIDR_AFF_MASK))
			return true;
	return false;
}

/* A register's offset in the distributor. */
static u64 gicd_reg(const struct mmio_access *mmio)
{
	return mmio->address - (unsigned long)gicd;
}

/*
 * GICD_CTLR, TYPER, IIDR and the identification registers: read only;
 * the rest of their regions reads as 0.
 */
static enum mmio_result gicd_id_access(void *arg, struct per_cpu *cpu,
				       struct mmio_access *mmio)
{
	u64 reg = gicd_reg(mmio);

	(void)arg, (void)cpu;
	if (!mmio->is_write)
		mmio->value = reg <= GICD_IIDR || reg >= GICD_ID_REGS ?
			mmio_read(gicd + reg, mmio->size) : 0;
	return MMIO_HANDLED;
}

/* What the cells do not get: reads 0, writes ignored. */
static enum mmio_result gicd_zero_access(void *arg, struct per_cpu *cpu,
					 struct mmio_access *mmio)
{
	(void)arg, (void)cpu;
	if (!mmio->is_write)
		mmio->value = 0;
	return MMIO_HANDLED;
}

/* GICD_IGROUPR, IS/IC{ENABLE,PEND,ACTIVE}R: a bit per INTID. */
static enum mmio_result gicd_bits_access(void *arg, struct per_cpu *cpu,
					 struct mmio_access *mmio)
{
	u64 reg = gicd_reg(mmio);
	unsigned int intid = (reg & 0x7f) * 8;

	(void)arg;
	foreign_bits(cpu, mmio, reg);
	/*
	 * Group 0 would be a FIQ, which EL2 takes (HCR_EL2.FMO) and no
	 * cell may have: the cell's own interrupts stay in group 1.
	 */
	if (reg < GICD_ISENABLER && mmio->is_write)
		mmio->value |= owned_bits(cpu->cell, intid);
	masked_access(gicd + reg, mmio, owned_bits(cpu->cell, intid),
		      reg < GICD_ISENABLER);
	if (reg >= GICD_ISENABLER && reg < GICD_ISPENDR)
		virtual_enable(cpu->cell, mmio, intid, reg < GICD_ICENABLER);
	return MMIO_HANDLED;
}

/*
 * GICD_IPRIORITYR, ICFGR, IGRPMODR: 8, 2 or 1 bits per INTID, a
 * read-modify-write of the cell's own fields.
 */
static enum mmio_result gicd_fields_access(void *arg, struct per_cpu *cpu,
					   struct mmio_access *mmio)
{
	u64 reg = gicd_reg(mmio), mask;
	unsigned int width = 8, base = GICD_IPRIORITYR, intid, count;
	const char *name = "GICD_IPRIORITYR";

	(void)arg;
	if (reg >= GICD_IGRPMODR) {
		width = 1;
		base = GICD_IGRPMODR;
		name = "GICD_IGRPMODR";
	} else if (reg >= GICD_ICFGR) {
		width = 2;
		base = GICD_ICFGR;
		name = "GICD_ICFGR";
	}
	count = mmio->size * 8 / width;
	intid = (reg - base) * 8 / width;
	mask = field_mask(cpu->cell, intid, count, width);
	if (mmio->is_write && intid >= 32)
		drop_foreign(cpu, intid, foreign_fields(mmio->value, mask,
							count, width),
			     name, intid * width / 32);
	masked_access(gicd + reg, mmio, mask, true);
	return MMIO_HANDLED;
}

/* The whole GICD_IROUTER a write of @mmio at @reg leaves behind. */
static u64 router_value(volatile u8 *addr, u64 reg,
			const struct mmio_access *mmio)
{
	if (mmio->size == 8)
		return mmio->value;
	if (reg & 4)
		return (mmio->value << 32) | mmio_read(addr - 4, 4);
	return ((u64)mmio_read(addr + 4, 4) << 32) | (u32)mmio->value;
}

static enum mmio_result gicd_router_access(void *arg, struct per_cpu *cpu,
					   struct mmio_access *mmio)
{
	u64 reg = gicd_reg(mmio), route;
	unsigned int intid = (reg - GICD_IROUTER) / 8;
	volatile u8 *addr = gicd + reg;

	(void)arg;
	if (!cell_owns_irq(cpu->cell, intid)) {
		if (!mmio->is_write)
			mmio->value = 0;
		else if (!bitmap32_test(cpu->cell->arch.virq_allowed, intid))
			drop_foreign(cpu, intid, 1, "GICD_IROUTER", intid);
		return MMIO_HANDLED;
	}
	if (!mmio->is_write) {
		mmio->value = mmio_read(addr, mmio->size);
		return MMIO_HANDLED;
	}
	/*
	 * A cell routes its interrupts to its own CPUs, and only so; a
	 * route elsewhere (or 1-of-N) is dropped and said once.  A 32-bit
	 * write of either half is checked as the route it makes with the
	 * other half (the upper one holds Aff3).
	 */
	route = router_value(addr, reg, mmio);
	if (cpu->cell != &root_cell &&
	    ((route & BIT(31)) || !cell_has_affinity(cpu->cell, route))) {
		if (not_yet_logged(cpu->cell, intid, 1) &&
		    log_budget_take(cpu->cell))
			printk("Cell '%s': route of INTID %u to 0x%llx "
			       "dropped: not one of its CPUs (GICD_IROUTER%u, "
			       "PC 0x%lx)\n", cpu->cell->config->name, intid,
			       route, intid, read_sysreg(elr_el2));
		return MMIO_HANDLED;
	}
	mmio_write(addr, mmio->size, mmio->value);
	return MMIO_HANDLED;
}

/* Virtual SGIs pending for @owner, as far as @cpu can see them. */
static u32 pending_virtual_sgis(struct per_cpu *cpu, struct per_cpu *owner)
{
	u64 free, lr;
	u32 sgis = owner->arch.pending_sgis;
	unsigned int n;

	if (owner != cpu)
		return sgis;
	free = read_sysreg(ich_elrsr_el2);
	for (n = 0; n < cpu->arch.num_lrs; n++) {
		if (free & BIT(n))
			continue;
		lr = read_lr(n);
		if ((lr & 0xffffffff) < 16 && ((lr >> 62) & 1))
			sgis |= BIT(lr & 0xf);
	}
	return sgis;
}

static void clear_virtual_sgis(struct per_cpu *cpu, struct per_cpu *owner,
			       u32 sgis)
{
	u64 free, lr;
	unsigned int n;

	__atomic_fetch_and(&owner->arch.pending_sgis, ~sgis, __ATOMIC_ACQ_REL);
	if (owner != cpu)
		return;
	free = read_sysreg(ich_elrsr_el2);
	for (n = 0; n < cpu->arch.num_lrs; n++) {
		if (free & BIT(n))
			continue;
		lr = read_lr(n);
		if ((lr & 0xffffffff) < 16 && (sgis & BIT(lr & 0xf)))
			write_lr(n, lr & ~ICH_LR_PENDING);
	}
}

/*
 * GICR_ISPENDR0/ICPENDR0: the cells' SGIs are virtual, so their pending
 * state is the hypervisor's; an RTOS polls it (Zephyr SMP does).  PPIs
 * are the physical ones.
 */
static void sgi_pending_access(struct per_cpu *cpu, struct per_cpu *owner,
			       struct mmio_access *mmio, bool set_reg)
{
	u32 ppis = ~(u32)gic_reserved_private_irqs() & 0xffff0000;
	u32 sgis = mmio->value & 0xffff;
	unsigned int n;

	if (!mmio->is_write) {
		mmio->value = (sgi_frame_read(owner, GICR_ISPENDR0) & ppis) |
			pending_virtual_sgis(cpu, owner);
		return;
	}
	sgi_frame_write(owner, set_reg ? GICR_ISPENDR0 : GICR_ICPENDR0,
			mmio->value & ppis);
	if (!set_reg) {
		clear_virtual_sgis(cpu, owner, sgis);
		return;
	}
	for (n = 0; n < 16; n++)
		if (sgis & BIT(n) && !(gic_reserved_private_irqs() & BIT(n)))
			__atomic_fetch_or(&owner->arch.pending_sgis, BIT(n),
					  __ATOMIC_ACQ_REL);
	if (owner != cpu && sgis)
		gic_kick(owner);
}

/*
 * The CPU whose redistributor is @frame, the @index-th of the window:
 * usually CPU @index (firmware lays the frames out in CPU order).
 */
static struct per_cpu *redistributor_owner(unsigned long frame,
					   unsigned int index)
{
	unsigned int n;

	if (index < hypervisor_header.max_cpus &&
	    (unsigned long)per_cpu(index)->arch.gicr == frame)
		return per_cpu(index);
	for (n = 0; n < hypervisor_header.max_cpus; n++)
		if ((unsigned long)per_cpu(n)->arch.gicr == frame)
			return per_cpu(n);
	return NULL;
}

/*
 * The widths a redistributor's registers take (IHI 0069, "GIC
 * memory-mapped register access"): aligned 32-bit accesses everywhere,
 * to the 64-bit registers (either half) too; 64-bit accesses to those
 * alone, byte accesses to GICR_IPRIORITYR alone.  Reserved and
 * IMPLEMENTATION DEFINED space takes what a 32-bit register takes.  The
 * 64-bit registers, a bit each by their offset / 8, all lie in RD_base's
 * first 512 bytes.
 */
#define GICR_64BIT_REGS							\
	(BIT(GICR_TYPER / 8) | BIT(GICR_SETLPIR / 8) |			\
	 BIT(GICR_CLRLPIR / 8) | BIT(GICR_PROPBASER / 8) |		\
	 BIT(GICR_PENDBASER / 8) | BIT(GICR_INVLPIR / 8) |		\
	 BIT(GICR_INVALLR / 8))

static unsigned int gicr_widths(u64 reg)
{
	if (reg < 64 * 8 && (GICR_64BIT_REGS & BIT(reg / 8)))
		return MMIO_W32 | MMIO_W64;
	if (reg - (GICR_SGI_BASE + GICR_IPRIORITYR) <
	    GICR_IPRIORITYR_END - GICR_IPRIORITYR)
		return MMIO_W8 | MMIO_W32;
	return MMIO_W32;
}

/*
 * Refuses @mmio, at @reg of a frame, if that register does not take its
 * width; the line names the 32-bit word the access falls in.
 */
static bool gicr_bad_width(struct per_cpu *cpu,
			   const struct mmio_access *mmio, u64 reg)
{
	unsigned int widths = gicr_widths(reg);
	struct mmio_region r;		/* what mmio_refuse reads of it */

	if (widths & mmio->size)
		return false;
	r.size = 4;
	r.start = mmio->address & ~3UL;
	r.widths = widths;
	r.flags = 0;
	mmio_refuse(cpu, mmio, &r);
	return true;
}

/*
 * GICR_WAKER as a cell sees it: ProcessorSleep as it last wrote it and
 * ChildrenAsleep following at once (Linux and Zephyr clear the one and
 * wait for the other); the physical one stays as the root cell set it.
 */
#define GICR_WAKER_SLEEP	BIT(1)
#define GICR_WAKER_ASLEEP	BIT(2)
#define GICR_CTLR_RWP		BIT(3)
#define GICR_CTLR_UWP		BIT(31)

static void waker_access(struct per_cpu *owner, struct mmio_access *mmio)
{
	u64 bit = BIT(owner->cpu_id % 64);

	if (mmio->is_write) {
		if (mmio->value & GICR_WAKER_SLEEP)
			__atomic_fetch_or(&virt_waker_sleep, bit,
					  __ATOMIC_RELAXED);
		else
			__atomic_fetch_and(&virt_waker_sleep, ~bit,
					   __ATOMIC_RELAXED);
		return;
	}
	mmio->value = virt_waker_sleep & bit ?
		GICR_WAKER_SLEEP | GICR_WAKER_ASLEEP : 0;
}

/*
 * What a cell may do with a register of its own CPUs' redistributors
 * (IHI 0069): anything not listed reads as 0, its writes are dropped.
 */
enum gicr_kind {
	GICR_K_ZERO,		/* reads 0, writes dropped (and logged) */
	GICR_K_ID,		/* read only: the hardware's */
	GICR_K_CTLR,		/* reads RWP and UWP only, writes logged */
	GICR_K_WAKER,		/* virtual, see waker_access() */
	GICR_K_BITS,		/* a bit per SGI/PPI: the cell's own */
	GICR_K_PENDING,		/* ISPENDR0/ICPENDR0: sgi_pending_access() */
	GICR_K_PRIORITY,	/* 8 bits per SGI/PPI */
	GICR_K_CONFIG,		/* 2 bits per SGI/PPI */
};

static const struct gicr_reg {
	u32 offset;
	u16 size;
	u8 kind;
	u8 locked;		/* a read-modify-write under dist_lock */
	const char *name;
} gicr_regs[] = {
	{ GICR_CTLR, 4, GICR_K_CTLR, 0, "GICR_CTLR" },
	{ GICR_IIDR, 4, GICR_K_ID, 0, "GICR_IIDR" },
	{ GICR_TYPER, 8, GICR_K_ID, 0, "GICR_TYPER" },
	{ GICR_STATUSR, 4, GICR_K_ZERO, 0, "GICR_STATUSR" },
	{ GICR_WAKER, 4, GICR_K_WAKER, 0, "GICR_WAKER" },
	{ GICR_SETLPIR, 8, GICR_K_ZERO, 0, "GICR_SETLPIR" },
	{ GICR_CLRLPIR, 8, GICR_K_ZERO, 0, "GICR_CLRLPIR" },
	{ GICR_PROPBASER, 8, GICR_K_ZERO, 0, "GICR_PROPBASER" },
	{ GICR_PENDBASER, 8, GICR_K_ZERO, 0, "GICR_PENDBASER" },
	{ GICR_INVLPIR, 8, GICR_K_ZERO, 0, "GICR_INVLPIR" },
	{ GICR_INVALLR, 8, GICR_K_ZERO, 0, "GICR_INVALLR" },
	{ GICR_SYNCR, 4, GICR_K_ZERO, 0, "GICR_SYNCR" },
	{ GICR_ID_REGS, GICR_SGI_BASE - GICR_ID_REGS, GICR_K_ID, 0,
	  "GICR_ID" },
	{ GICR_SGI_BASE + GICR_IGROUPR0, 4, GICR_K_BITS, 1, "GICR_IGROUPR0" },
	{ GICR_SGI_BASE + GICR_ISENABLER0, 4, GICR_K_BITS, 0, NULL },
	{ GICR_SGI_BASE + GICR_ICENABLER0, 4, GICR_K_BITS, 0, NULL },
	{ GICR_SGI_BASE + GICR_ISPENDR0, 4, GICR_K_PENDING, 1, NULL },
	{ GICR_SGI_BASE + GICR_ICPENDR0, 4, GICR_K_PENDING, 0, NULL },
	{ GICR_SGI_BASE + GICR_ISACTIVER0, 4, GICR_K_BITS, 0, NULL },
	{ GICR_SGI_BASE + GICR_ICACTIVER0, 4, GICR_K_BITS, 0, NULL },
	{ GICR_SGI_BASE + GICR_IPRIORITYR, 32, GICR_K_PRIORITY, 1, NULL },
	{ GICR_SGI_BASE + GICR_ICFGR0, 8, GICR_K_CONFIG, 1, NULL },
	{ GICR_SGI_BASE + GICR_IGRPMODR0, 4, GICR_K_BITS, 1,
	  "GICR_IGRPMODR0" },
};

static const struct gicr_reg *gicr_reg_of(u64 reg)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(gicr_regs); n++)
		if (reg - gicr_regs[n].offset < gicr_regs[n].size)
			return &gicr_regs[n];
	return NULL;
}

/* A dropped write to a redistributor, once per cell and register kind. */
static void gicr_drop(struct per_cpu *cpu, struct per_cpu *owner, u64 reg,
		      const struct gicr_reg *r)
{
	struct cell *cell = cpu->cell;
	unsigned int bit = r ? (unsigned int)(r - gicr_regs) : 31;
	u32 old;

	if (cell == &root_cell)
		return;
	old = __atomic_fetch_or(&cell->arch.gicr_logged, BIT(bit),
				__ATOMIC_RELAXED);
	if (old & BIT(bit) || !log_budget_take(cell))
		return;
	printk("Cell '%s': write to %s (+0x%llx) of %s redistributor "
	       "dropped: not the cell's to change (PC 0x%lx)\n",
	       cell->config->name, r && r->name ? r->name : "GICR", reg,
	       owner ? "its CPU's" : "another cell's",
	       read_sysreg(elr_el2));
}

/*
 * A field register of the SGIs and PPIs (@width bits per INTID): the
 * cell's own fields only; the hypervisor's SGI and maintenance PPI are
 * not the cell's (collect_irqs).
 */
static void private_fields(struct per_cpu *cpu, volatile u8 *addr,
			   struct mmio_access *mmio, u64 index,
			   unsigned int width, bool locked)
{
	unsigned int intid = index * 8 / width;

	masked_access(addr, mmio, field_mask(cpu->cell, intid,
					     mmio->size * 8 / width, width),
		      locked);
}

static void own_gicr_access(struct per_cpu *cpu, struct per_cpu *owner,
			    volatile u8 *addr, u64 reg,
			    struct mmio_access *mmio)
{
	const struct gicr_reg *r = gicr_reg_of(reg);
	unsigned int kind = r ? r->kind : GICR_K_ZERO;

	switch (kind) {
	case GICR_K_ID:
		if (!mmio->is_write)
			mmio->value = mmio_read(addr, mmio->size);
		else
			gicr_drop(cpu, owner, reg, r);
		return;
	case GICR_K_CTLR:
		if (!mmio->is_write)
			mmio->value = mmio_read(addr, mmio->size) &
				(GICR_CTLR_RWP | GICR_CTLR_UWP);
		else
			gicr_drop(cpu, owner, reg, r);
		return;
	case GICR_K_WAKER:
		waker_access(owner, mmio);
		return;
	case GICR_K_BITS:
		/* no FIQ: SGIs and PPIs stay in group 1, as for SPIs */
		if (reg == GICR_SGI_BASE + GICR_IGROUPR0 && mmio->is_write)
			mmio->value = ~0U;
		private_fields(cpu, addr, mmio, 0, 1, r->locked);
		return;
	case GICR_K_PENDING:
		sgi_pending_access(cpu, owner, mmio, r->locked);
		return;
	case GICR_K_PRIORITY:
		private_fields(cpu, addr, mmio, reg - r->offset, 8, true);
		return;
	case GICR_K_CONFIG:
		private_fields(cpu, addr, mmio, reg - r->offset, 2, true);
		return;
	}
	if (!mmio->is_write)
		mmio->value = 0;
	else
		gicr_drop(cpu, owner, reg, r);
}

/*
 * The redistributors, one region: every access is checked against the
 * width of its register first (gicr_widths), before anything is touched.
 * An own CPU's frames go by the allow-list gicr_regs; the root cell's
 * RD_base (its LPIs, WAKER) stays its own.  Other frames show only what
 * finds a CPU's redistributor (GICR_TYPER and the identification
 * registers of RD_base: Linux and Zephyr probe every frame); the rest
 * reads as 0, writes are dropped.
 */
static enum mmio_result gicr_access(void *arg, struct per_cpu *cpu,
				    struct mmio_access *mmio)
{
	u64 offset = mmio->address - (unsigned long)gicr;
	unsigned long frame = (unsigned long)gicr +
		(offset & ~(GICR_FRAME_SIZE - 1));
	u64 reg = offset & (GICR_FRAME_SIZE - 1);
	struct per_cpu *owner;
	volatile u8 *addr = (volatile u8 *)frame + reg;

	(void)arg;
	if (gicr_bad_width(cpu, mmio, reg))
		return MMIO_VIOLATION;
	owner = redistributor_owner(frame, offset / GICR_FRAME_SIZE);
	if (!owner || owner->cell != cpu->cell) {
		if (mmio->is_write)
			gicr_drop(cpu, NULL, reg, NULL);
		else
			mmio->value = reg - GICR_TYPER < 8 ||
				reg - GICR_ID_REGS < GICR_SGI_BASE -
				GICR_ID_REGS ? mmio_read(addr, mmio->size) : 0;
		return MMIO_HANDLED;
	}
	if (cpu->cell == &root_cell && reg < GICR_SGI_BASE) {
		if (mmio->is_write)
			mmio_write(addr, mmio->size, mmio->value);
		else
			mmio->value = mmio_read(addr, mmio->size);
		return MMIO_HANDLED;
	}
	own_gicr_access(cpu, owner, addr, reg, mmio);
	return MMIO_HANDLED;
}

/*
 * The distributor as regions by register kind, end to end, each with the
 * widths the architecture gives it; then the redistributors.
 */
enum { GICD_ID, GICD_BITS, GICD_FIELDS, GICD_ZERO, GICD_ROUTER };

static const struct {
	u16 offset;
	u8 widths;
	u8 kind;
} gicd_layout[] = {
	{ GICD_CTLR, MMIO_W32, GICD_ID },
	{ GICD_IGROUPR, MMIO_W32, GICD_BITS },
	{ GICD_IPRIORITYR, MMIO_W8 | MMIO_W32, GICD_FIELDS },
	{ GICD_IPRIORITYR_END, MMIO_W_ANY, GICD_ZERO },
	{ GICD_ICFGR, MMIO_W32, GICD_FIELDS },
	{ GICD_IGRPMODR_END, MMIO_W_ANY, GICD_ZERO },
	{ GICD_IROUTER + 32 * 8, MMIO_W32 | MMIO_W64, GICD_ROUTER },
	{ GICD_IROUTER_END, MMIO_W32, GICD_ID },
};

static mmio_handler_t gicd_handler(unsigned int kind)
{
	switch (kind) {
	case GICD_ID:
		return gicd_id_access;
	case GICD_BITS:
		return gicd_bits_access;
	case GICD_FIELDS:
		return gicd_fields_access;
	case GICD_ROUTER:
		return gicd_router_access;
	default:
		return gicd_zero_access;
	}
}

int gic_cell_init(struct cell *cell)
{
	unsigned int n, end;
	int err;

	for (n = 0; n < ARRAY_SIZE(gicd_layout); n++) {
		end = n + 1 < ARRAY_SIZE(gicd_layout) ?
			gicd_layout[n + 1].offset : GICD_SIZE;
		err = mmio_region_register(cell, (unsigned long)gicd +
					   gicd_layout[n].offset,
					   end - gicd_layout[n].offset,
					   gicd_layout[n].widths, 0,
					   gicd_handler(gicd_layout[n].kind),
					   NULL);
		if (err)
			return err;
	}
	return mmio_region_register(cell, (unsigned long)gicr,
				    gic_gicr_window_size(), MMIO_W_ANY, 0,
				    gicr_access, NULL);
}

/* ---- the GIC as a unit ---- */

/* The distributor and the redistributors become EL2's. */
static int gic_unit_init(void)
{
	const typeof(system_config->platform_info.arm) *arm =
		&system_config->platform_info.arm;
	int err = gic_init();

	if (!err)
		err = paging_map_device(arm->gicd_base, GICD_SIZE);
	if (!err)
		err = paging_map_device(arm->gicr_base,
					gic_gicr_window_size());
	arch_flush_hv_tlbs();
	return err;
}

/* Its irqchip entries' SPIs, and every SGI and PPI but the hypervisor's. */
static void collect_irqs(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(desc);
	u64 gicd_base = system_config->platform_info.arm.gicd_base;
	unsigned int n, word;

	cell->arch.irq_bitmap[0] = ~gic_reserved_private_irqs();
	for (n = 0; n < desc->num_irqchips; n++, chip++) {
		if (chip->address != gicd_base || chip->pin_base % 32)
			continue;
		for (word = 0; word < 4; word++)
			if (chip->pin_base / 32 + word < 32 &&
			    chip->pin_base + word * 32 >= 32)
				cell->arch.irq_bitmap[chip->pin_base / 32 +
						      word] |=
					chip->pin_bitmap[word];
	}
}

static int gic_unit_cell_init(struct cell *cell)
{
	collect_irqs(cell);
	return gic_cell_init(cell);
}

static void gic_unit_cell_commit(struct cell *cell)
{
	gic_cell_take_irqs(cell);
	cell->arch.irqs_taken = true;
}

/* A cell that never took its SPIs leaves the root's alone. */
static void gic_unit_cell_exit(struct cell *cell)
{
	if (cell->arch.irqs_taken)
		gic_cell_return_irqs(cell);
}

static const struct unit gic_unit = {
	.name = "GICv3",
	.order = UNIT_IRQCHIP,
	.init = gic_unit_init,
	.cell_init = gic_unit_cell_init,
	.cell_commit = gic_unit_cell_commit,
	.cell_reset = gic_cell_reset_irqs,
	.cell_exit = gic_unit_cell_exit,
};
DEFINE_UNIT(gic_unit);
