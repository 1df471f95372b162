// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU EL2 set-up for the root cell, and its undoing on disable or on
 * a failed enable.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/gic.h>
#include <jailhouse/string.h>
#include <asm/sysregs.h>

/*
 * Every cell: stage 2, interrupts to EL2, SMC and ACTLR_EL1 trapped; a
 * cell other than the root cell also has its IMPLEMENTATION DEFINED
 * registers trapped (emulated as RAZ/WI, traps.c).
 */
#define HCR_ROOT	(HCR_VM | HCR_IMO | HCR_FMO | HCR_TSC | HCR_TAC | \
			 HCR_RW)
#define HCR_CELL	(HCR_ROOT | HCR_TIDCP)

/* the stage 2 of a parked CPU: nothing mapped */
static u64 empty_stage2[PAGE_SIZE / sizeof(u64)]
	__attribute__((aligned(PAGE_SIZE)));

/* where EL2 maps what it reads of the root cell's memory */
#define TEMP_MAPPING		0x0000ff8000000000UL

extern u8 el2_vectors[], el2_vectors_hardened[];

/* IPA bits of stage 2: the CPU's physical range, at most 48. */
static unsigned int ipa_bits(void)
{
	static const unsigned char bits[] = { 32, 36, 40, 42, 44, 48, 52 };
	unsigned int range = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	return range < 5 ? bits[range] : 48;
}

static u64 parange(void)
{
	unsigned int range = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	return range > 5 ? 5 : range;
}

/*
 * EL2's traps of debug, PMU, FP/SIMD and timer accesses as this
 * hypervisor wants them, whatever Linux had: none, the PMU's counters
 * all EL1's, the physical counter and timer EL1's.
 */
static void set_el2_controls(struct per_cpu *cpu)
{
	u64 cptr = CPTR_EL2_RES1 | CPTR_EL2_TZ | CPTR_EL2_TSM;
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);

	cpu->arch.linux_mdcr = read_sysreg(mdcr_el2);
	cpu->arch.linux_cptr = read_sysreg(cptr_el2);
	cpu->arch.linux_cnthctl = read_sysreg(cnthctl_el2);
	if (ID_PFR0_SVE(read_sysreg(id_aa64pfr0_el1)))
		cptr &= ~CPTR_EL2_TZ;
	if (ID_PFR1_SME(read_sysreg(id_aa64pfr1_el1)))
		cptr &= ~CPTR_EL2_TSM;
	write_sysreg(cptr_el2, cptr);
	write_sysreg(mdcr_el2, ID_DFR0_PMUVER(dfr0) &&
		     ID_DFR0_PMUVER(dfr0) != 0xf ?
		     PMCR_N(read_sysreg(pmcr_el0)) : 0);
	write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN);
}

/* A call to the firmware: SMCCC v1.1, x0-x3 for results. */
static long firmware_call(u64 function, u64 arg)
{
	register u64 x0 asm("x0") = function;
	register u64 x1 asm("x1") = arg;

	asm volatile("smc #0"
		     : "+r" (x0), "+r" (x1)
		     : : "x2", "x3", "memory");
	return x0;
}

/*
 * Does this CPU's firmware ask for SMCCC_ARCH_WORKAROUND_1 (its branch
 * predictor can be trained across exception levels)?  SMCCC 1.1 and a
 * feature answer of 0 say so; older firmware has no such call.
 */
static bool needs_bp_hardening(void)
{
	long version = firmware_call(SMCCC_VERSION, 0);

	return version >= 0x10001 &&
		firmware_call(SMCCC_ARCH_FEATURES,
			      SMCCC_ARCH_WORKAROUND_1) == 0;
}

int arch_cpu_init(struct per_cpu *cpu)
{
	unsigned int cpu_id = cpu->cpu_id;
	int err;

	if (!cell_has_cpu(&root_cell, cpu_id)) {
		printk("ERROR: CPU %u is online but not in the root cell's "
		       "CPU set\n", cpu_id);
		return -EINVAL;
	}
	if (ipa_bits() < 40) {
		printk("ERROR: CPU %u: physical range of %u bits, 40 needed\n",
		       cpu_id, ipa_bits());
		return -ENODEV;
	}
	cpu->cell = &root_cell;
	err = gic_cpu_init(cpu);
	if (err)
		return err;

	cpu->arch.linux_hcr = read_sysreg(hcr_el2);
	cpu->arch.linux_vtcr = read_sysreg(vtcr_el2);
	set_el2_controls(cpu);
	write_sysreg(vtcr_el2, VTCR_RES1 | (64 - ipa_bits()) | VTCR_SL0_L0 |
		     VTCR_IRGN0_WBWA | VTCR_ORGN0_WBWA | VTCR_SH0_INNER |
		     (parange() << VTCR_PS_SHIFT));
	write_sysreg(vttbr_el2, (u64)root_cell.s2_root |
		     ((u64)root_cell.id << 48));
	if (needs_bp_hardening()) {
		printk("CPU %u: branch-predictor hardening "
		       "(SMCCC_ARCH_WORKAROUND_1) on every entry from a cell\n",
		       cpu_id);
		write_sysreg(vbar_el2, el2_vectors_hardened);
	} else {
		write_sysreg(vbar_el2, el2_vectors);
	}
	write_sysreg(hcr_el2, HCR_ROOT);
	isb();
	asm volatile("tlbi alle1is" : : : "memory");
	dsb(ish);
	isb();
	return 0;
}

/* Linux's EL2 as it was: the hyp stub's vectors, no stage 2. */
void arch_cpu_restore(struct per_cpu *cpu)
{
	gic_cpu_shutdown(cpu);
	if (cpu->arch.linux_hcr || cpu->arch.linux_vtcr) {
		write_sysreg(hcr_el2, cpu->arch.linux_hcr);
		write_sysreg(vtcr_el2, cpu->arch.linux_vtcr);
		write_sysreg(mdcr_el2, cpu->arch.linux_mdcr);
		write_sysreg(cptr_el2, cpu->arch.linux_cptr);
		write_sysreg(cnthctl_el2, cpu->arch.linux_cnthctl);
	}
	write_sysreg(vttbr_el2, 0);
	write_sysreg(vbar_el2, hypervisor_header.arm_linux_hyp_vectors);
	isb();
	asm volatile("tlbi alle1is" : : : "memory");
	dsb(ish);
	isb();
}

/*
 * After the disable hypercall: hand this CPU back.  The frame is written
 * back to memory because the return path reads it with the MMU off.
 */
bool arch_leave_hypervisor(struct trap_frame *frame)
{
	arch_cpu_restore(this_cpu());
	frame->x[0] = 0;
	dcache_clean_inval(frame, sizeof(*frame));
	return true;
}

void arch_cpu_identify(struct per_cpu *cpu)
{
	cpu->arch.mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
}

void arch_switch_hv_page_table(u64 *root)
{
	dsb(ish);
	write_sysreg(ttbr0_el2, root);
	isb();
	asm volatile("tlbi alle2" : : : "memory");
	dsb(ish);
	isb();
}

/*
 * The tables of the temporary mapping, made once at start, so that a
 * cell's creation does not leave any behind.
 */
int arch_temp_mapping_init(void)
{
	int err = paging_map(hv_page_table, TEMP_MAPPING, hypervisor_phys,
			     PAGE_SIZE, 0);

	paging_unmap(hv_page_table, TEMP_MAPPING, PAGE_SIZE);
	return err;
}

void *arch_map_temporary(u64 phys, u64 size)
{
	if (paging_map(hv_page_table, TEMP_MAPPING, phys, size, 0))
		return NULL;
	return (void *)TEMP_MAPPING;
}

void arch_unmap_temporary(u64 size)
{
	paging_unmap(hv_page_table, TEMP_MAPPING, size);
	arch_flush_hv_tlbs();
}

/* Invalidate the hypervisor's own translations on every CPU. */
void arch_flush_hv_tlbs(void)
{
	dsb(ishst);
	asm volatile("tlbi alle2is" : : : "memory");
	dsb(ish);
	isb();
}

/*
 * Break-before-make (ARM ARM D8.16.1): the invalid entry is seen by the
 * walkers (DSB), then the range's translations go on every CPU, walk
 * caches included; a single page by address, a larger range (a block
 * or a table being replaced) wholesale.  A stage-2 range by IPA only in
 * the stage 2 of this CPU's cell (TLBI IPAS2E1IS takes the current
 * VMID), with its combined stage-1 entries (TLBI VMALLE1IS).
 */
void arch_paging_break(const u64 *root, u64 virt, u64 size)
{
	struct cell *cell = this_cpu()->cell;

	dsb(ishst);
	if (root == hv_page_table) {
		if (size == PAGE_SIZE)
			asm volatile("tlbi vae2is, %0"
				     : : "r" (virt >> 12) : "memory");
		else
			asm volatile("tlbi alle2is" : : : "memory");
	} else if (size == PAGE_SIZE && cell && cell->s2_root == root) {
		asm volatile("tlbi ipas2e1is, %0"
			     : : "r" (virt >> 12) : "memory");
		dsb(ish);
		asm volatile("tlbi vmalle1is" : : : "memory");
	} else {
		asm volatile("tlbi alle1is" : : : "memory");
	}
	dsb(ish);
	isb();
}

u64 arch_counter_us(void)
{
	return read_sysreg(cntpct_el0) / (read_sysreg(cntfrq_el0) / 1000000);
}

/* Invalidate every cell's stage-2 translations on every CPU. */
void arch_flush_cell_tlbs(void)
{
	dsb(ishst);
	asm volatile("tlbi alle1is" : : : "memory");
	dsb(ish);
	isb();
}

/* FP/SIMD registers, FPCR, FPSR: nothing of the CPU's last owner */
static void wipe_fp(void)
{
	asm volatile(".arch_extension fp\n"
		     ".arch_extension simd\n"
		     "movi v0.16b, #0\n  movi v1.16b, #0\n"
		     "movi v2.16b, #0\n  movi v3.16b, #0\n"
		     "movi v4.16b, #0\n  movi v5.16b, #0\n"
		     "movi v6.16b, #0\n  movi v7.16b, #0\n"
		     "movi v8.16b, #0\n  movi v9.16b, #0\n"
		     "movi v10.16b, #0\n movi v11.16b, #0\n"
		     "movi v12.16b, #0\n movi v13.16b, #0\n"
		     "movi v14.16b, #0\n movi v15.16b, #0\n"
		     "movi v16.16b, #0\n movi v17.16b, #0\n"
		     "movi v18.16b, #0\n movi v19.16b, #0\n"
		     "movi v20.16b, #0\n movi v21.16b, #0\n"
		     "movi v22.16b, #0\n movi v23.16b, #0\n"
		     "movi v24.16b, #0\n movi v25.16b, #0\n"
		     "movi v26.16b, #0\n movi v27.16b, #0\n"
		     "movi v28.16b, #0\n movi v29.16b, #0\n"
		     "movi v30.16b, #0\n movi v31.16b, #0\n"
		     "msr fpcr, xzr\n"
		     "msr fpsr, xzr\n" : : : "memory");
}

/* The PMU stopped, its counters and events reset, nothing enabled. */
static void wipe_pmu(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);

	if (!ID_DFR0_PMUVER(dfr0) || ID_DFR0_PMUVER(dfr0) == 0xf)
		return;
	write_sysreg(pmcntenclr_el0, ~0UL);
	write_sysreg(pmintenclr_el1, ~0UL);
	write_sysreg(pmovsclr_el0, ~0UL);
	write_sysreg(pmcr_el0, PMCR_P | PMCR_C);
	write_sysreg(pmcr_el0, 0);
	write_sysreg(pmuserenr_el0, 0);
	write_sysreg(pmselr_el0, 0);
	write_sysreg(pmccfiltr_el0, 0);
}

#define WIPE_DBG(n)							\
	case n:								\
		write_sysreg(dbgbcr##n##_el1, 0);			\
		write_sysreg(dbgbvr##n##_el1, 0);			\
		break

#define WIPE_WPT(n)							\
	case n:								\
		write_sysreg(dbgwcr##n##_el1, 0);			\
		write_sysreg(dbgwvr##n##_el1, 0);			\
		break

static void wipe_breakpoint(unsigned int n)
{
	switch (n) {
	WIPE_DBG(0); WIPE_DBG(1); WIPE_DBG(2); WIPE_DBG(3);
	WIPE_DBG(4); WIPE_DBG(5); WIPE_DBG(6); WIPE_DBG(7);
	WIPE_DBG(8); WIPE_DBG(9); WIPE_DBG(10); WIPE_DBG(11);
	WIPE_DBG(12); WIPE_DBG(13); WIPE_DBG(14); WIPE_DBG(15);
	}
}

static void wipe_watchpoint(unsigned int n)
{
	switch (n) {
	WIPE_WPT(0); WIPE_WPT(1); WIPE_WPT(2); WIPE_WPT(3);
	WIPE_WPT(4); WIPE_WPT(5); WIPE_WPT(6); WIPE_WPT(7);
	WIPE_WPT(8); WIPE_WPT(9); WIPE_WPT(10); WIPE_WPT(11);
	WIPE_WPT(12); WIPE_WPT(13); WIPE_WPT(14); WIPE_WPT(15);
	}
}

/* Debug: no monitor mode, breakpoints and watchpoints off and cleared. */
static void wipe_debug(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int n;

	write_sysreg(mdscr_el1, 0);
	for (n = 0; n < ID_DFR0_BRPS(dfr0); n++)
		wipe_breakpoint(n);
	for (n = 0; n < ID_DFR0_WRPS(dfr0); n++)
		wipe_watchpoint(n);
}

/*
 * EL1 as after a reset (abi-facts §7.5): MMU and caches off, no vectors,
 * timers off, FP/SIMD usable.  Nothing of the CPU's last owner stays: not
 * its registers, timer deadlines, FP/SIMD, PMU or debug state.
 */
static void reset_el1(void)
{
	write_sysreg(sctlr_el1, SCTLR_EL1_RES1);
	write_sysreg(cpacr_el1, CPACR_EL1_FPEN);
	write_sysreg(ttbr0_el1, 0);
	write_sysreg(ttbr1_el1, 0);
	write_sysreg(tcr_el1, 0);
	write_sysreg(mair_el1, 0);
	write_sysreg(vbar_el1, 0);
	write_sysreg(contextidr_el1, 0);
	write_sysreg(tpidr_el0, 0);
	write_sysreg(tpidrro_el0, 0);
	write_sysreg(tpidr_el1, 0);
	write_sysreg(sp_el0, 0);
	write_sysreg(sp_el1, 0);
	write_sysreg(elr_el1, 0);
	write_sysreg(spsr_el1, 0);
	write_sysreg(esr_el1, 0);
	write_sysreg(far_el1, 0);
	write_sysreg(par_el1, 0);
	write_sysreg(afsr0_el1, 0);
	write_sysreg(afsr1_el1, 0);
	write_sysreg(cntkctl_el1, 0);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(cntv_cval_el0, 0);
	write_sysreg(cntp_cval_el0, 0);
	write_sysreg(cntvoff_el2, 0);
	wipe_fp();
	wipe_pmu();
	wipe_debug();
}

/*
 * Wait, switched off, until a CPU of this CPU's cell switches it on
 * (PSCI CPU_ON) or the root cell starts the cell; then begin at the given
 * entry in the cell the CPU belongs to by then, which may have changed
 * meanwhile.  The CPU spins in the hypervisor, touching nothing of any
 * cell.
 */
void arch_cpu_wait(struct per_cpu *cpu, struct trap_frame *frame)
{
	struct cell *cell;
	unsigned int n;

	/* no walk of a cell's tables while parked: they may be freed */
	write_sysreg(vttbr_el2, (u64)empty_stage2);
	isb();
	cpu->power_on = false;
	dsb(ish);
	cpu->parked = true;
	cpu->stop_requested = false;
	dsb(ish);
	sev();
	for (;;) {
		while (!cpu->power_on || cpu->held)
			wfe();
		/* a hold the root cell set meanwhile wins: see cell_stop_cpus */
		cpu->parked = false;
		dsb(ish);
		if (!cpu->held)
			break;
		cpu->parked = true;
		dsb(ish);
		sev();
	}
	/* seen parked by a pause of the root cell: it waits it out here */
	cpu_pause_point(cpu);

	cell = cpu->cell;
	if (cpu->arch.sysreg_owner != cell) {
		cpu->arch.sysreg_owner = cell;
		cpu->arch.sysreg_logged = 0;
	}
	gic_cpu_reset(cpu);
	reset_el1();
	for (n = 0; n < 31; n++)
		frame->x[n] = 0;
	frame->x[0] = cpu->on_context;
	write_sysreg(vttbr_el2, (u64)cell->s2_root | ((u64)cell->id << 48));
	write_sysreg(hcr_el2, cell == &root_cell ? HCR_ROOT : HCR_CELL);
	write_sysreg(elr_el2, cpu->on_entry);
	write_sysreg(spsr_el2, SPSR_EL1H_MASKED);
	isb();
	asm volatile("tlbi vmalle1" : : : "memory");
	asm volatile("ic iallu" : : : "memory");
	dsb(nsh);
	isb();
	cpu->failed = false;
	cpu->parked = false;
}

/* Make @cpu take a trap soon: the hypervisor's own SGI. */
void arch_cpu_kick(struct per_cpu *cpu)
{
	gic_kick(cpu);
}
