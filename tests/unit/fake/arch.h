/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake arch (fake/arch.c): the arch interface of the hypervisor on
 * the host, single-threaded.  Every CPU's data lives in fake memory laid
 * out as at EL2; the "running" CPU is the one fake_arch.current names.
 * What the core asked of the arch is counted here for the tests to see.
 */
#ifndef _FAKE_ARCH_H
#define _FAKE_ARCH_H

#include <jailhouse/hypervisor.h>

struct fake_arch {
	struct per_cpu *current;	/* this_cpu() */
	unsigned long elr;		/* arch_trap_pc() */
	u64 now_us;			/* arch_counter_us() */
	u64 us_per_relax;		/* the clock advances in busy waits */
	u64 *hv_root;			/* arch_switch_hv_page_table() */
	int cpu_init_error;		/* what arch_cpu_init() returns */
	/* CPUs that do not react to a kick: they never park */
	u64 deaf_cpus;
	/* busy waits let a parked CPU that was switched on leave the wait */
	bool run_switched_on;
	unsigned long relax_calls, relax_limit;
	unsigned int cell_tlb_flushes, hv_tlb_flushes;
	/* cell TLB flushes while the root cell's other CPUs were paused */
	unsigned int paused_flushes;
	unsigned int pauses[MAX_CPUS];	/* pauses a CPU acknowledged */
	unsigned int kicks[MAX_CPUS];
	unsigned int waits[MAX_CPUS];	/* arch_cpu_wait() */
	unsigned int entries[MAX_CPUS];	/* fake_cpu_power_up() */
	unsigned int inits, restores;
	/* root memory the hypervisor reads: phys_base.. at phys_host */
	u64 phys_base, phys_size;
	u8 *phys_host;
	unsigned int temp_maps, temp_unmaps;
};

extern struct fake_arch fake_arch;

#define FAKE_MAX_CPUS		8
#define FAKE_HV_SIZE		(4UL << 20)
/* the image, whose symbol is hypervisor_header */
extern u8 fake_hv_image[FAKE_HV_SIZE] __asm__("hypervisor_header");

/*
 * Hypervisor memory as at EL2, zeroed: header, @cpus per-CPU areas, then
 * the system configuration and the page pool up to FAKE_HV_SIZE.
 * Returns where the system configuration goes.
 */
void *fake_arch_memory(unsigned int cpus);

/*
 * The other CPUs take a trap: those with a stop request park, those
 * asked to pause say they do; with run_switched_on, those switched on
 * leave the wait.
 */
void fake_arch_step(void);
/* A parked CPU switched on (cpu->power_on) enters its cell. */
bool fake_cpu_power_up(struct per_cpu *cpu);

#endif /* !_FAKE_ARCH_H */
