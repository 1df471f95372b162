// SPDX-License-Identifier: GPL-2.0
/*
 * The cell's CPUs: the first one switches on every other CPU of the cell
 * (MPIDR Aff0 0-7; PSCI DENIED means not ours), checks that an SGI it
 * sends itself with interrupts masked shows as pending and can be
 * cleared, then plays SGI ping-pong with each of the others.  CPUs are
 * named by MPIDR Aff0.  The CPUs take turns at printing.
 */
#include <inmate.h>

#define SGI_PING	5
#define SGI_PONG	6
#define SGI_SELF	7
#define MAX_AFF0	8
#define WAIT_US		1000000
#define TICK_US		10000

static u64 first_mpidr;
static u64 mpidr_of[MAX_CPUS];
static volatile bool go[MAX_CPUS], up[MAX_CPUS];
static volatile unsigned int pong_from;	/* Aff0 + 1 of the sender */
static volatile unsigned int pongs;

/* Wait until *@flag is set, answering messages meanwhile. */
static bool wait_for(volatile bool *flag)
{
	u64 end = timer_get_ticks() + timer_us_to_ticks(WAIT_US);

	while (!*flag) {
		if (timer_get_ticks() > end)
			return false;
		comm_region_poll();
		cpu_idle();
	}
	return true;
}

static void got_ping(unsigned int intid)
{
	unsigned int me = MPIDR_AFF0(this_cpu_mpidr());

	printk("smp-demo: CPU %u got SGI %u\n", me, intid);
	pong_from = me + 1;
	gic_send_sgi(first_mpidr, SGI_PONG);
}

static void got_pong(unsigned int intid)
{
	printk("smp-demo: CPU %u got SGI %u from CPU %u\n",
	       MPIDR_AFF0(first_mpidr), intid, pong_from - 1);
	pong_from = 0;
	pongs++;
}

static void got_self(unsigned int intid)
{
	printk("smp-demo: CPU %u got SGI %u after clearing it\n",
	       MPIDR_AFF0(this_cpu_mpidr()), intid);
}

/* wakes the first CPU now and then to answer the hypervisor */
static void tick(unsigned int intid)
{
	(void)intid;
	timer_start(timer_us_to_ticks(TICK_US));
}

static void secondary_main(unsigned int cpu)
{
	while (!go[cpu])
		cpu_idle();
	if (!gic_init()) {
		gic_enable_irq(SGI_PING);
		irq_enable();
	}
	printk("smp-demo: CPU %u up\n", MPIDR_AFF0(this_cpu_mpidr()));
	dmb(sy);
	up[cpu] = true;
	for (;;)
		wfi();
}

/* Returns how many CPUs came up. */
static unsigned int start_cpus(void)
{
	unsigned int aff0, count = 0;
	u64 mpidr;
	int cpu;

	for (aff0 = 0; aff0 < MAX_AFF0; aff0++) {
		mpidr = (first_mpidr & ~0xffUL) | aff0;
		if (mpidr == first_mpidr)
			continue;
		cpu = smp_start_cpu(mpidr, secondary_main);
		if (cpu == PSCI_DENIED)
			continue;
		if (cpu < 0) {
			printk("smp-demo: CPU %u: PSCI error %d\n", aff0, cpu);
			continue;
		}
		printk("smp-demo: started CPU %u\n", aff0);
		mpidr_of[cpu] = mpidr;
		dmb(sy);
		go[cpu] = true;
		if (wait_for(&up[cpu]))
			count++;
		else
			printk("smp-demo: CPU %u did not come up\n", aff0);
	}
	return count;
}

/* With interrupts still masked on this CPU. */
static void check_pending_sgi(void)
{
	gic_send_sgi(first_mpidr, SGI_SELF);
	printk("smp-demo: SGI %u pending: %s\n", SGI_SELF,
	       gic_irq_pending(SGI_SELF) ? "yes" : "no");
	gic_clear_pending(SGI_SELF);
	printk("smp-demo: SGI %u cleared: %s\n", SGI_SELF,
	       gic_irq_pending(SGI_SELF) ? "no" : "yes");
}

static void ping(unsigned int cpu)
{
	unsigned int before = pongs;
	u64 end = timer_get_ticks() + timer_us_to_ticks(WAIT_US);

	gic_send_sgi(mpidr_of[cpu], SGI_PING);
	while (pongs == before) {
		if (timer_get_ticks() > end) {
			printk("smp-demo: no answer from CPU %u\n",
			       MPIDR_AFF0(mpidr_of[cpu]));
			return;
		}
		comm_region_poll();
		cpu_idle();
	}
}

void inmate_main(void)
{
	unsigned int cpu, count;

	first_mpidr = this_cpu_mpidr();
	printk("smp-demo: CPU %u up\n", MPIDR_AFF0(first_mpidr));
	if (gic_init())
		return;
	gic_set_handler(SGI_PING, got_ping);
	gic_set_handler(SGI_PONG, got_pong);
	gic_set_handler(SGI_SELF, got_self);
	gic_set_handler(TIMER_IRQ, tick);
	gic_enable_irq(SGI_PONG);
	gic_enable_irq(SGI_SELF);
	gic_enable_irq(TIMER_IRQ);

	count = start_cpus();
	check_pending_sgi();
	irq_enable();
	for (cpu = 1; cpu < MAX_CPUS; cpu++)
		if (up[cpu])
			ping(cpu);
	printk("smp-demo: done, %u CPUs\n", count + 1);

	timer_start(timer_us_to_ticks(TICK_US));
	for (;;) {
		wfi();
		comm_region_poll();
	}
}
