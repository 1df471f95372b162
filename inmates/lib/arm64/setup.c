// SPDX-License-Identifier: GPL-2.0
/*
 * From the start code to the program, fatal exceptions, and what a CPU
 * does when it has nothing to do.
 */
#include "lib.h"

u8 cpu_stacks[MAX_CPUS][STACK_SIZE] __attribute__((aligned(16)));

void inmate_entry(unsigned int cpu)
{
	if (cpu == 0)
		mmu_init();
	timer_cpu_init();
	if (cpu)
		smp_secondary_main(cpu);
	console_init();
	inmate_main();
	/* done: nothing will answer the hypervisor's messages any more */
	comm_region_set_state(JAILHOUSE_CELL_SHUT_DOWN);
	halt();
}

void exception_fatal(unsigned long vector, u64 esr, u64 far, u64 elr)
{
	static const char *const kinds[] = {
		"synchronous", "IRQ", "FIQ", "SError",
	};
	static const char *const origins[] = {
		"EL1t", "EL1h", "EL0 (AArch64)", "EL0 (AArch32)",
	};

	printk("FATAL: inmate exception ESR 0x%llx FAR 0x%llx ELR 0x%llx "
	       "(%s from %s, CPU %u)\n", esr, far, elr, kinds[vector % 4],
	       origins[(vector / 4) % 4], this_cpu_id());
	comm_region_set_state(JAILHOUSE_CELL_FAILED);
	halt();
}

void halt(void)
{
	asm volatile("msr daifset, #0xf" : : : "memory");
	for (;;)
		wfi();
}

/*
 * Sleep until an interrupt, or until the timer's event stream (about
 * every millisecond, see timer_cpu_init()) wakes the CPU: loops that
 * poll something can sleep here without missing it for long.
 */
void cpu_idle(void)
{
	asm volatile("wfe" : : : "memory");
}

unsigned int this_cpu_id(void)
{
	return read_sysreg(tpidr_el1);
}

u64 this_cpu_mpidr(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
}
