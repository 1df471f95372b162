// SPDX-License-Identifier: GPL-2.0
/*
 * The fake arch: what arch/arm64 does at EL2, reduced to what the core
 * can observe (fake/arch.h).  A CPU parks by arch_cpu_wait() returning
 * with cpu->parked set; it enters its cell again in fake_cpu_power_up(),
 * the second half of the real arch_cpu_wait().  Busy waits of the core
 * end up in fake_arch_step() through the test's fake_cpu_relax(), where
 * the other CPUs react to their kicks; a wait that would last forever
 * stops at relax_limit with a failed assertion instead of hanging.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arch.h"

struct fake_arch fake_arch;

/*
 * The hypervisor's memory: its header is the symbol hypervisor_header
 * (entry.S's at EL2), so the image carries that name.
 */
u8 fake_hv_image[FAKE_HV_SIZE] __asm__("hypervisor_header")
	__attribute__((aligned(PAGE_SIZE)));

void *fake_arch_memory(unsigned int cpus)
{
	assert_true(cpus <= FAKE_MAX_CPUS);
	memset(fake_hv_image, 0, sizeof(fake_hv_image));
	hypervisor_header.max_cpus = cpus;
	hypervisor_header.online_cpus = cpus;
	/* the "core" is the header page, as far as the layout goes */
	hypervisor_header.core_size = PAGE_SIZE;
	return fake_hv_image + PAGE_SIZE + cpus * PERCPU_SIZE;
}

unsigned long fake_sysreg_read(const char *name)
{
	if (!strcmp(name, "tpidr_el2"))
		return (unsigned long)fake_arch.current;
	if (!strcmp(name, "elr_el2"))
		return fake_arch.elr;
	return 0;
}

void fake_sysreg_write(const char *name, unsigned long value)
{
	(void)name;
	(void)value;
}

void arch_cpu_identify(struct per_cpu *cpu)
{
	cpu->arch.mpidr = cpu->cpu_id;
}

int arch_cpu_init(struct per_cpu *cpu)
{
	fake_arch.inits++;
	if (fake_arch.cpu_init_error)
		return fake_arch.cpu_init_error;
	cpu->cell = &root_cell;
	return 0;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	(void)cpu;
	fake_arch.restores++;
}

void arch_cpu_wait(struct per_cpu *cpu, struct trap_frame *frame)
{
	(void)frame;
	fake_arch.waits[cpu->cpu_id]++;
	cpu->power_on = false;
	cpu->parked = true;
	cpu->stop_requested = false;
}

bool fake_cpu_power_up(struct per_cpu *cpu)
{
	if (!cpu->parked || !cpu->power_on || cpu->held)
		return false;
	fake_arch.entries[cpu->cpu_id]++;
	cpu->failed = false;
	cpu->parked = false;
	return true;
}

void arch_cpu_kick(struct per_cpu *cpu)
{
	fake_arch.kicks[cpu->cpu_id]++;
}

void fake_arch_step(void)
{
	struct per_cpu *cpu;
	unsigned int id;

	fake_arch.now_us += fake_arch.us_per_relax;
	if (fake_arch.relax_limit &&
	    ++fake_arch.relax_calls >= fake_arch.relax_limit)
		fail_msg("a busy wait of the core did not end after %lu "
			 "steps", fake_arch.relax_calls);
	for (id = 0; id < hypervisor_header.max_cpus; id++) {
		cpu = per_cpu(id);
		if (cpu == fake_arch.current ||
		    (fake_arch.deaf_cpus & (1UL << id)))
			continue;
		/* switched on: it leaves the wait, as the real one would */
		if (fake_arch.run_switched_on)
			fake_cpu_power_up(cpu);
		if (cpu->stop_requested && !cpu->parked)
			arch_cpu_wait(cpu, NULL);
		/* kicked for a pause: it waits at EL2 (cpu_pause_point) */
		if (cpu->pause_request && !cpu->parked &&
		    cpu->pause_ack != cpu->pause_request) {
			cpu->pause_ack = cpu->pause_request;
			fake_arch.pauses[id]++;
		}
	}
}

/* Every running CPU of the root cell but the current one is paused. */
static bool root_paused(void)
{
	struct per_cpu *cpu;
	unsigned int id;

	for (id = 0; id < hypervisor_header.max_cpus; id++) {
		cpu = per_cpu(id);
		if (cpu == fake_arch.current || cpu->cell != &root_cell ||
		    cpu->parked || cpu->lost)
			continue;
		if (!cpu->pause_request || cpu->pause_ack != cpu->pause_request)
			return false;
	}
	return true;
}

void arch_flush_cell_tlbs(void)
{
	fake_arch.cell_tlb_flushes++;
	if (root_paused())
		fake_arch.paused_flushes++;
}

void arch_flush_hv_tlbs(void)
{
	fake_arch.hv_tlb_flushes++;
}

void arch_switch_hv_page_table(u64 *root)
{
	fake_arch.hv_root = root;
}

void *arch_map_temporary(u64 phys, u64 size)
{
	fake_arch.temp_maps++;
	if (phys < fake_arch.phys_base ||
	    phys + size > fake_arch.phys_base + fake_arch.phys_size)
		return NULL;
	return fake_arch.phys_host + (phys - fake_arch.phys_base);
}

void arch_unmap_temporary(u64 size)
{
	(void)size;
	fake_arch.temp_unmaps++;
}

int arch_temp_mapping_init(void)
{
	return 0;
}

u64 arch_counter_us(void)
{
	return fake_arch.now_us;
}
