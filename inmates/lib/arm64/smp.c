// SPDX-License-Identifier: GPL-2.0
/*
 * SMC calls and more CPUs: PSCI CPU_ON through the hypervisor, which only
 * switches on CPUs of this cell.
 */
#include "lib.h"

#define PSCI_CPU_ON_64		0xc4000003
#define PSCI_INTERNAL_FAILURE	(-6)

static void (*volatile cpu_main[MAX_CPUS])(unsigned int cpu);
static unsigned int cpus_started;

/* SMC Calling Convention: x0-x3 in and out, x4-x17 may change. */
long smc_call(unsigned long id, unsigned long arg1, unsigned long arg2,
	      unsigned long arg3)
{
	register unsigned long x0 asm("x0") = id;
	register unsigned long x1 asm("x1") = arg1;
	register unsigned long x2 asm("x2") = arg2;
	register unsigned long x3 asm("x3") = arg3;

	asm volatile("smc #0"
		: "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		: : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		    "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

int psci_cpu_on(u64 mpidr, unsigned long entry, unsigned long context)
{
	return (int)smc_call(PSCI_CPU_ON_64, mpidr, entry, context);
}

/*
 * Switch on the CPU @mpidr; it calls @entry with its number, which is
 * also what this returns (1 .. MAX_CPUS - 1).  A negative return is the
 * PSCI error (PSCI_DENIED: not a CPU of this cell), or -6 when all
 * MAX_CPUS stacks are taken.  Only the first CPU starts others.
 */
int smp_start_cpu(u64 mpidr, void (*entry)(unsigned int cpu))
{
	unsigned int cpu = cpus_started + 1;
	int err;

	if (cpu >= MAX_CPUS)
		return PSCI_INTERNAL_FAILURE;
	cpu_main[cpu] = entry;
	/* read with the MMU off, before that CPU turns its own on */
	asm volatile("dc civac, %0" : : "r" (&mmu_regs) : "memory");
	dsb(sy);
	err = psci_cpu_on(mpidr, (unsigned long)secondary_entry, cpu);
	if (err)
		return err;
	cpus_started = cpu;
	return cpu;
}

void smp_secondary_main(unsigned int cpu)
{
	void (*entry)(unsigned int cpu) = cpu_main[cpu];

	if (entry)
		entry(cpu);
	halt();
}
