// SPDX-License-Identifier: GPL-2.0
/*
 * What a cell's CPU does that traps to EL2: hypercalls, SMCs (PSCI, SMCCC,
 * SiP calls), writes to ICC_SGI1R_EL1, accesses to emulated devices, and
 * physical interrupts.  Everything else parks the CPU with one line
 * saying what it did.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/gic.h>
#include <jailhouse/mmio.h>
#include <jailhouse/string.h>
#include <jailhouse/log-budget.h>
#include <asm/sysregs.h>

#define ISS_HVC_IMM(iss)	((iss) & 0xffff)
#define ISS_SYS_DIR_READ	BIT(0)
#define ISS_SYS_RT(iss)		(((iss) >> 5) & 0x1f)
#define ISS_SYS_REG_MASK	0x3ffc1e
#define ISS_SYS_ICC_SGI1R	((3UL << 20) | (5UL << 17) | (0UL << 14) | \
				 (12UL << 10) | (11UL << 1))
/* ISS of a trapped MSR/MRS: Op0, Op2, Op1, CRn, CRm */
#define ISS_SYS_OP0(iss)	(((iss) >> 20) & 3)
#define ISS_SYS_CRN(iss)	(((iss) >> 10) & 0xf)
#define ISS_SYS_ACTLR_EL1	((3UL << 20) | (1UL << 17) | (0UL << 14) | \
				 (1UL << 10) | (0UL << 1))
#define SYSREG_LOGGED_ACTLR	BIT(0)
#define SYSREG_LOGGED_IMPDEF	BIT(1)
#define ISS_DABT_ISV		BIT(24)
#define ISS_DABT_SAS(iss)	(((iss) >> 22) & 3)
#define ISS_DABT_SSE		BIT(21)
#define ISS_DABT_SRT(iss)	(((iss) >> 16) & 0x1f)
#define ISS_DABT_SF		BIT(15)
#define ISS_DABT_WNR		BIT(6)
#define ISS_DABT_S1PTW		BIT(7)
#define ISS_DABT_EA		BIT(9)
#define ISS_DABT_DFSC(iss)	((iss) & 0x3f)
/* translation, access flag and permission faults: 0b0001xx to 0b0011xx */
#define DFSC_EMULATED(dfsc)	((dfsc) >= 0x04 && (dfsc) <= 0x0f)

#define PSCI_VERSION		0x84000000
#define PSCI_CPU_OFF		0x84000002
#define PSCI_CPU_ON_32		0x84000003
#define PSCI_CPU_ON_64		0xc4000003
#define PSCI_AFFINITY_INFO_32	0x84000004
#define PSCI_AFFINITY_INFO_64	0xc4000004
#define PSCI_CPU_SUSPEND_32	0x84000001
#define PSCI_CPU_SUSPEND_64	0xc4000001
#define PSCI_MIGRATE_INFO_TYPE	0x84000006
#define PSCI_SYSTEM_OFF		0x84000008
#define PSCI_SYSTEM_RESET	0x84000009
#define PSCI_FEATURES		0x8400000a
#define SMCCC_ARCH_WORKAROUND_2	0x80007fff
#define SMCCC_ARCH_WORKAROUND_3	0x80003fff
#define SMCCC_NOT_SUPPORTED	((u64)-1)
#define PSCI_INVALID_PARAMS	((u64)-2)
#define PSCI_DENIED		((u64)-3)
#define PSCI_ALREADY_ON		((u64)-4)
/* MIGRATE_INFO_TYPE: no Trusted OS that needs migrating */
#define PSCI_TOS_NOT_PRESENT_MP	2
#define SMC_OWNER(id)		(((id) >> 24) & 0x3f)
#define SMC_OWNER_SIP		2
#define SMC_OWNER_OEM		3

static u64 reg_value(struct trap_frame *frame, unsigned int reg)
{
	return reg == 31 ? 0 : frame->x[reg];
}

static void skip_instruction(void)
{
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

static void forward_smc(struct trap_frame *frame)
{
	register u64 x0 asm("x0") = frame->x[0];
	register u64 x1 asm("x1") = frame->x[1];
	register u64 x2 asm("x2") = frame->x[2];
	register u64 x3 asm("x3") = frame->x[3];
	register u64 x4 asm("x4") = frame->x[4];
	register u64 x5 asm("x5") = frame->x[5];
	register u64 x6 asm("x6") = frame->x[6];
	register u64 x7 asm("x7") = frame->x[7];

	asm volatile("smc #0"
		     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		     : "r" (x4), "r" (x5), "r" (x6), "r" (x7)
		     : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
		       "x16", "x17", "memory");
	frame->x[0] = x0;
	frame->x[1] = x1;
	frame->x[2] = x2;
	frame->x[3] = x3;
}

static bool sip_call_allowed(struct per_cpu *cpu, u32 id)
{
	const struct jailhouse_cell_desc *desc = cpu->cell->config;
	const struct jailhouse_smc_id *ids = jailhouse_cell_smc_ids(desc);
	unsigned int n;

	for (n = 0; n < desc->num_smc_ids; n++)
		if (ids[n].id == id)
			return true;
	return false;
}

/*
 * The root cell's Linux probes calls it may not make: they fail, logged
 * once per CPU and function.  A SiP or OEM call that another cell may not
 * make is a violation: the cell was given the wrong firmware interface.
 */
static bool refuse_smc(struct per_cpu *cpu, struct trap_frame *frame,
		       u32 id)
{
	frame->x[0] = SMCCC_NOT_SUPPORTED;
	if (cpu->cell != &root_cell &&
	    (SMC_OWNER(id) == SMC_OWNER_SIP ||
	     SMC_OWNER(id) == SMC_OWNER_OEM)) {
		printk("FATAL: CPU %u: SMC 0x%08x not permitted for cell '%s' "
		       "(PC 0x%lx): not in its smc_ids\n", cpu->cpu_id, id,
		       cpu->cell->config->name, read_sysreg(elr_el2) - 4);
		return false;
	}
	/* alternating IDs defeat the once-only rule: the budget holds */
	if (cpu->arch.last_refused_smc != id) {
		cpu->arch.last_refused_smc = id;
		printk_cell(cpu->cell, "SMC 0x%08x refused for cell '%s' (CPU "
			    "%u, PC 0x%lx): not in its smc_ids\n", id,
			    cpu->cell->config->name, cpu->cpu_id,
			    read_sysreg(elr_el2) - 4);
	}
	return true;
}

static struct per_cpu *cpu_by_mpidr(struct cell *cell, u64 mpidr)
{
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++)
		if (per_cpu(n)->cell == cell &&
		    per_cpu(n)->arch.mpidr == (mpidr & MPIDR_AFF_MASK))
			return per_cpu(n);
	return NULL;
}

static u64 psci_cpu_on(struct per_cpu *cpu, struct trap_frame *frame,
		       bool smc32)
{
	struct per_cpu *target = cpu_by_mpidr(cpu->cell, frame->x[1]);
	u64 entry = frame->x[2], context = frame->x[3];
	long err;

	if (smc32) {
		entry &= 0xffffffff;
		context &= 0xffffffff;
	}
	/* not the caller's cell's, or held off by the root cell */
	err = cell_cpu_on(cpu, target, entry, context);
	if (err == -EBUSY)
		return PSCI_ALREADY_ON;
	return err ? PSCI_DENIED : 0;
}

static u64 psci_affinity_info(struct per_cpu *cpu, struct trap_frame *frame)
{
	struct per_cpu *target = cpu_by_mpidr(cpu->cell, frame->x[1]);

	if (!target || frame->x[2])
		return PSCI_INVALID_PARAMS;
	/* OFF : ON */
	return target->parked && (target->held || !target->power_on) ? 1 : 0;
}

/*
 * CPU_SUSPEND keeps the whole context: a WFI, unless an interrupt waits
 * in a list register already.  A physical interrupt wakes the WFI even
 * though EL2 runs with interrupts masked; it is taken after the return.
 */
static u64 psci_cpu_suspend(struct per_cpu *cpu)
{
	if (gic_lrs_empty(cpu) && !cpu->arch.pending_sgis &&
	    !cpu->arch.pending_count)
		asm volatile("wfi");
	return 0;
}

static int handle_smc(struct per_cpu *cpu, struct trap_frame *frame)
{
	u32 id = frame->x[0];

	skip_instruction();
	switch (id) {
	case PSCI_VERSION:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
	case SMCCC_ARCH_FEATURES:
	case SMCCC_ARCH_WORKAROUND_1:
	case SMCCC_ARCH_WORKAROUND_2:
	case SMCCC_ARCH_WORKAROUND_3:
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_SMCCC]++;
		forward_smc(frame);
		return 0;
	case PSCI_MIGRATE_INFO_TYPE:
		/* a cell's Linux asks at boot; the root's firmware answers */
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;
		if (cpu->cell == &root_cell)
			forward_smc(frame);
		else
			frame->x[0] = PSCI_TOS_NOT_PRESENT_MP;
		return 0;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;
		if (cpu->cell == &root_cell) {
			printk("Root cell: PSCI 0x%08x, passed to firmware\n",
			       id);
			forward_smc(frame);
			return 0;
		}
		cell_end_itself(cpu, frame, id == PSCI_SYSTEM_OFF ?
				"PSCI SYSTEM_OFF" : "PSCI SYSTEM_RESET");
		return 0;
	case PSCI_CPU_OFF:
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;
		arch_cpu_wait(cpu, frame);
		return 0;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;
		frame->x[0] = psci_cpu_on(cpu, frame, id == PSCI_CPU_ON_32);
		return 0;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;
		frame->x[0] = psci_affinity_info(cpu, frame);
		return 0;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;
		frame->x[0] = psci_cpu_suspend(cpu);
		return 0;
	default:
		break;
	}
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_SMCCC]++;
	if (SMC_OWNER(id) == SMC_OWNER_SIP && sip_call_allowed(cpu, id)) {
		forward_smc(frame);
		return 0;
	}
	return refuse_smc(cpu, frame, id) ? 0 : -1;
}

/* HCR_EL2.TIDCP: the IMPLEMENTATION DEFINED space, CRn 11 and 15 */
static bool is_impdef_sysreg(u64 iss)
{
	return ISS_SYS_OP0(iss) == 3 &&
		(ISS_SYS_CRN(iss) == 11 || ISS_SYS_CRN(iss) == 15);
}

/*
 * ACTLR_EL1 (HCR_EL2.TAC) and, for a cell other than the root, the
 * IMPLEMENTATION DEFINED registers (TIDCP) tune the core for every
 * owner to come: they read as 0 and writes are ignored, said once per
 * CPU and kind.
 */
static void emulate_raz_wi(struct per_cpu *cpu, struct trap_frame *frame,
			   u64 esr, u8 kind, const char *what)
{
	u64 iss = ESR_ISS(esr);

	if (!(cpu->arch.sysreg_logged & kind)) {
		cpu->arch.sysreg_logged |= kind;
		printk_cell(cpu->cell, "Cell '%s': CPU %u %s %s (ESR 0x%llx, "
			    "PC 0x%lx): reads as 0, writes ignored\n",
			    cpu->cell->config->name, cpu->cpu_id,
			    iss & ISS_SYS_DIR_READ ? "reads" : "writes", what,
			    esr, read_sysreg(elr_el2));
	}
	if ((iss & ISS_SYS_DIR_READ) && ISS_SYS_RT(iss) != 31)
		frame->x[ISS_SYS_RT(iss)] = 0;
	skip_instruction();
}

static int handle_sysreg(struct per_cpu *cpu, struct trap_frame *frame,
			 u64 esr)
{
	u64 iss = ESR_ISS(esr);

	if ((iss & ISS_SYS_REG_MASK) == ISS_SYS_ICC_SGI1R &&
	    !(iss & ISS_SYS_DIR_READ)) {
		skip_instruction();
		gic_send_sgis(cpu, reg_value(frame, ISS_SYS_RT(iss)));
		return 0;
	}
	if ((iss & ISS_SYS_REG_MASK) == ISS_SYS_ACTLR_EL1) {
		emulate_raz_wi(cpu, frame, esr, SYSREG_LOGGED_ACTLR,
			       "ACTLR_EL1");
		return 0;
	}
	if (is_impdef_sysreg(iss) && cpu->cell != &root_cell) {
		emulate_raz_wi(cpu, frame, esr, SYSREG_LOGGED_IMPDEF,
			       "an IMPLEMENTATION DEFINED register");
		return 0;
	}
	printk("FATAL: CPU %u: unhandled system register %s (ESR 0x%llx, "
	       "PC 0x%lx)\n", cpu->cpu_id,
	       iss & ISS_SYS_DIR_READ ? "read" : "write", esr,
	       read_sysreg(elr_el2));
	return -1;
}

static int handle_data_abort(struct per_cpu *cpu, struct trap_frame *frame,
			     u64 esr)
{
	u64 iss = ESR_ISS(esr), value;
	struct mmio_access mmio;
	unsigned int reg = ISS_DABT_SRT(iss);

	mmio.address = ((read_sysreg(hpfar_el2) & 0xffffffffff0UL) << 8) |
		(read_sysreg(far_el2) & 0xfff);
	mmio.size = 1U << ISS_DABT_SAS(iss);
	mmio.is_write = iss & ISS_DABT_WNR;
	mmio.value = mmio.is_write ? reg_value(frame, reg) : 0;
	if (mmio.size < 8 && mmio.is_write)
		mmio.value &= (1UL << (mmio.size * 8)) - 1;

	/*
	 * Only an access that missed the cell's stage 2 is emulated: not the
	 * walk of its own stage-1 tables, not an external abort, not a fault
	 * of another kind (address size, TLB conflict, ...).
	 */
	if (iss & ISS_DABT_S1PTW) {
		printk("FATAL: CPU %u: stage-1 table walk at 0x%llx, outside "
		       "the memory of cell '%s' (PC 0x%lx)\n", cpu->cpu_id,
		       mmio.address, cpu->cell->config->name,
		       read_sysreg(elr_el2));
		return -1;
	}
	if ((iss & ISS_DABT_EA) || !DFSC_EMULATED(ISS_DABT_DFSC(iss))) {
		printk("FATAL: CPU %u: data abort at 0x%llx, %s 0x%llx "
		       "(PC 0x%lx, cell '%s')\n", cpu->cpu_id, mmio.address,
		       iss & ISS_DABT_EA ? "external abort, fault status" :
		       "fault status", ISS_DABT_DFSC(iss),
		       read_sysreg(elr_el2), cpu->cell->config->name);
		return -1;
	}
	if (!(iss & ISS_DABT_ISV)) {
		/* no syndrome: nothing to emulate it with */
		mmio_report_unhandled(cpu, &mmio);
		return -1;
	}
	if (mmio_dispatch(cpu, &mmio) != MMIO_HANDLED)
		return -1;
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;
	if (!mmio.is_write && reg != 31) {
		value = mmio.value;
		if ((iss & ISS_DABT_SSE) && mmio.size < 8 &&
		    (value & (1UL << (mmio.size * 8 - 1))))
			value |= ~0UL << (mmio.size * 8);
		if (!(iss & ISS_DABT_SF))
			value &= 0xffffffff;
		frame->x[reg] = value;
	}
	skip_instruction();
	return 0;
}

/*
 * entry.S's short path: HYPERVISOR_GET_INFO or CPU_GET_INFO (@code), its
 * arguments in place; counted as every hypercall is.
 */
long arch_short_hypercall(unsigned long code, unsigned long arg1,
			  unsigned long arg2)
{
	struct per_cpu *cpu = this_cpu();

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;
	return hypercall(code, arg1, arg2);
}

int arch_handle_sync(struct trap_frame *frame)
{
	struct per_cpu *cpu = this_cpu();
	u64 esr = read_sysreg(esr_el2);
	int err = 0;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	switch (ESR_EC(esr)) {
	case EC_HVC64:
		if (ISS_HVC_IMM(ESR_ISS(esr)) != JAILHOUSE_HVC_CODE) {
			printk("FATAL: CPU %u: HVC #0x%llx, not a hypercall "
			       "(PC 0x%lx)\n", cpu->cpu_id,
			       ISS_HVC_IMM(ESR_ISS(esr)),
			       read_sysreg(elr_el2));
			err = -1;
			break;
		}
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;
		frame->x[0] = hypercall(frame->x[0], frame->x[1],
					frame->x[2]);
		if (cpu->disabling)
			return arch_leave_hypervisor(frame);
		break;
	case EC_SMC64:
		err = handle_smc(cpu, frame);
		break;
	case EC_SYS64:
		err = handle_sysreg(cpu, frame, esr);
		break;
	case EC_DABT_LOW:
		err = handle_data_abort(cpu, frame, esr);
		break;
	default:
		printk("FATAL: CPU %u: unhandled trap, ESR 0x%llx (class "
		       "0x%llx), PC 0x%lx\n", cpu->cpu_id, esr, ESR_EC(esr),
		       read_sysreg(elr_el2));
		err = -1;
	}
	if (err)
		cpu_fail(frame, "the access above");
	else if (cpu->stop_requested)
		arch_cpu_wait(cpu, frame);
	gic_flush_pending(cpu);
	return 0;
}

void arch_handle_irq(struct trap_frame *frame)
{
	struct per_cpu *cpu = this_cpu();

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	gic_handle_irq(cpu);
	/* the kick of a change of the root cell's stage 2 */
	cpu_pause_point(cpu);
	if (cpu->stop_requested) {
		arch_cpu_wait(cpu, frame);
		gic_flush_pending(cpu);
	}
}

/*
 * A FIQ: a group-0 interrupt, which no cell is given (their interrupts
 * stay in group 1).  It is completed and dropped, said once per CPU, so
 * that it can neither stop the CPU nor stay active.
 */
void arch_handle_fiq(struct trap_frame *frame)
{
	struct per_cpu *cpu = this_cpu();
	u64 iar = read_sysreg(icc_iar0_el1);

	(void)frame;
	if ((iar & 0xffffff) >= 1020 && (iar & 0xffffff) <= 1023)
		return;
	write_sysreg(icc_eoir0_el1, iar);
	if ((iar & 0xffffff) < 8192)
		write_sysreg(icc_dir_el1, iar);
	if (!cpu->arch.fiq_logged) {
		cpu->arch.fiq_logged = true;
		printk("CPU %u: group-0 interrupt %llu (a FIQ) dropped\n",
		       cpu->cpu_id, iar & 0xffffff);
	}
}

void arch_handle_el2_fault(struct trap_frame *frame)
{
	struct per_cpu *cpu = this_cpu();
	bool again = cpu->lost;

	(void)frame;
	/* first: it frees the locks this CPU holds, printk's among them */
	cpu_lost(cpu);
	/* a fault in the printk itself (the UART) is not printed again */
	if (again)
		return;
	printk("FATAL: hypervisor fault on CPU %u: ESR 0x%lx, FAR 0x%lx, "
	       "ELR 0x%lx; stopping this CPU\n", cpu->cpu_id,
	       read_sysreg(esr_el2), read_sysreg(far_el2),
	       read_sysreg(elr_el2));
}
