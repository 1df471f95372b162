// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU EL2 set-up for the root cell, and its undoing on disable or on
 * a failed enable.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/gic.h>
#include <jailhouse/string.h>
#include <asm/sysregs.h>

#define HCR_CELL	(HCR_VM | HCR_IMO | HCR_FMO | HCR_TSC | HCR_RW)

/* the stage 2 of a parked CPU: nothing mapped */
static u64 empty_stage2[PAGE_SIZE / sizeof(u64)]
	__attribute__((aligned(PAGE_SIZE)));

/* where EL2 maps what it reads of the root cell's memory */
#define TEMP_MAPPING		0x0000ff8000000000UL

extern u8 el2_vectors[];

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
	write_sysreg(vtcr_el2, VTCR_RES1 | (64 - ipa_bits()) | VTCR_SL0_L0 |
		     VTCR_IRGN0_WBWA | VTCR_ORGN0_WBWA | VTCR_SH0_INNER |
		     (parange() << VTCR_PS_SHIFT));
	write_sysreg(vttbr_el2, (u64)root_cell.s2_root |
		     ((u64)root_cell.id << 48));
	write_sysreg(vbar_el2, el2_vectors);
	write_sysreg(hcr_el2, HCR_CELL);
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

/*
 * EL1 as after a reset (abi-facts §7.5): MMU and caches off, no vectors,
 * timers off, FP/SIMD usable.  What the cell left behind stays behind.
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
	write_sysreg(cntvoff_el2, 0);
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

	cell = cpu->cell;
	gic_cpu_reset(cpu);
	reset_el1();
	for (n = 0; n < 31; n++)
		frame->x[n] = 0;
	frame->x[0] = cpu->on_context;
	write_sysreg(vttbr_el2, (u64)cell->s2_root | ((u64)cell->id << 48));
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
