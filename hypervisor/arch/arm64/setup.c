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

	if (cpu_id >= MAX_CPUS ||
	    !((root_cell.cpu_set[cpu_id / 8] >> (cpu_id % 8)) & 1)) {
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

	cpu->linux_hcr = read_sysreg(hcr_el2);
	cpu->linux_vtcr = read_sysreg(vtcr_el2);
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
	if (cpu->linux_hcr || cpu->linux_vtcr) {
		write_sysreg(hcr_el2, cpu->linux_hcr);
		write_sysreg(vtcr_el2, cpu->linux_vtcr);
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
	unsigned long line;

	arch_cpu_restore(this_cpu());
	frame->x[0] = 0;
	for (line = (unsigned long)frame;
	     line < (unsigned long)frame + sizeof(*frame); line += 16)
		asm volatile("dc civac, %0" : : "r" (line) : "memory");
	dsb(sy);
	return true;
}
