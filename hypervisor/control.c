// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls: one entry point that checks who calls and with what, and
 * the disable rendezvous of the root cell's CPUs.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/string.h>
#include <asm/sysregs.h>

static volatile unsigned int cpus_disabling;

static long hypervisor_get_info(unsigned long type)
{
	switch (type) {
	case JAILHOUSE_INFO_MEM_POOL_SIZE:
		return page_pool_pages();
	case JAILHOUSE_INFO_MEM_POOL_USED:
		return page_pool_used();
	case JAILHOUSE_INFO_REMAP_POOL_SIZE:
	case JAILHOUSE_INFO_REMAP_POOL_USED:
		/* devices are identity-mapped: there is no remap pool */
		return 0;
	case JAILHOUSE_INFO_NUM_CELLS:
		return 1;
	default:
		return -EINVAL;
	}
}

static long cpu_get_info(struct per_cpu *caller, unsigned long cpu_id,
			 unsigned long type)
{
	struct per_cpu *cpu;

	if (cpu_id >= hypervisor_header.max_cpus)
		return -EINVAL;
	cpu = per_cpu(cpu_id);
	if (!cpu->cell)
		return -EINVAL;
	if (caller->cell != &root_cell && cpu->cell != caller->cell)
		return -EPERM;
	if (type == JAILHOUSE_CPU_INFO_STATE)
		return JAILHOUSE_CPU_RUNNING;
	if (type >= JAILHOUSE_CPU_INFO_STAT_BASE &&
	    type < JAILHOUSE_CPU_INFO_STAT_BASE + JAILHOUSE_NUM_CPU_STATS)
		return cpu->stats[type - JAILHOUSE_CPU_INFO_STAT_BASE] &
			0x7fffffff;
	return -EINVAL;
}

/*
 * Every root CPU calls DISABLE; each waits until all have, so that none
 * leaves while another still depends on the hypervisor.
 */
static long disable(struct per_cpu *cpu)
{
	if (cpu->cell != &root_cell)
		return -EPERM;
	if (__atomic_fetch_add(&cpus_disabling, 1, __ATOMIC_SEQ_CST) == 0)
		printk("Shutting down hypervisor\n");
	dsb(ish);
	sev();
	while (__atomic_load_n(&cpus_disabling, __ATOMIC_ACQUIRE) <
	       hypervisor_header.online_cpus)
		wfe();
	cpu->disabling = true;
	return 0;
}

long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	struct per_cpu *cpu = this_cpu();
	const struct jailhouse_cell_desc *desc = cpu->cell->config;

	switch (code) {
	case JAILHOUSE_HC_DISABLE:
		return disable(cpu);
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(cpu, arg1, arg2);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		if (!CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(desc->flags))
			return -EPERM;
		printk("%c", (char)arg1);
		return 0;
	case JAILHOUSE_HC_CELL_CREATE:
	case JAILHOUSE_HC_CELL_START:
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
	case JAILHOUSE_HC_CELL_DESTROY:
	case JAILHOUSE_HC_CELL_GET_STATE:
		if (cpu->cell != &root_cell)
			return -EPERM;
		/* non-root cells are not supported by this version */
		return -ENOSYS;
	default:
		return -ENOSYS;
	}
}

/* Stop this CPU for good: what it did is printed by the caller. */
void cpu_park(const char *why)
{
	struct per_cpu *cpu = this_cpu();

	printk("CPU %u of cell '%s' parked: %s\n", cpu->cpu_id,
	       cpu->cell->config->name, why);
	for (;;)
		asm volatile("wfi");
}
