// SPDX-License-Identifier: GPL-2.0
/*
 * The EL1 virtual timer (PPI 27): counter, one deadline, and the event
 * stream that lets cpu_idle() wake up by itself.
 */
#include "lib.h"

#define CNTV_CTL_ENABLE		1
#define CNTKCTL_EVNTEN		(1UL << 2)
#define CNTKCTL_EVNTI_SHIFT	4
#define CNTKCTL_EVENT_MASK	0xfcUL	/* EVNTEN, EVNTDIR, EVNTI */

#define NSEC_PER_SEC		1000000000ULL
#define USEC_PER_SEC		1000000ULL

u64 timer_get_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

u64 timer_get_ticks(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

u64 timer_ticks_to_ns(u64 ticks)
{
	u64 freq = timer_get_frequency();

	if (!freq)
		return 0;
	return ticks / freq * NSEC_PER_SEC +
		ticks % freq * NSEC_PER_SEC / freq;
}

u64 timer_us_to_ticks(u64 us)
{
	u64 freq = timer_get_frequency();

	return us / USEC_PER_SEC * freq +
		us % USEC_PER_SEC * freq / USEC_PER_SEC;
}

/* Fire at counter value @deadline (TIMER_IRQ, once). */
void timer_start_at(u64 deadline)
{
	write_sysreg(cntv_cval_el0, deadline);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

/* Fire in @ticks; returns the deadline. */
u64 timer_start(u64 ticks)
{
	u64 deadline = timer_get_ticks() + ticks;

	timer_start_at(deadline);
	return deadline;
}

void timer_stop(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	isb();
}

void delay_us(u64 us)
{
	u64 end = timer_get_ticks() + timer_us_to_ticks(us);

	while (timer_get_ticks() < end)
		cpu_idle();
}

/*
 * An event about every 0.5 to 1 ms: at each rising edge of counter bit
 * n, 2^(n+1) ticks apart, with n at most 15.
 */
void timer_cpu_init(void)
{
	u64 per_ms = timer_get_frequency() / 1000;
	unsigned int n = 0;

	while (n < 15 && (2UL << (n + 1)) <= per_ms)
		n++;
	write_sysreg(cntkctl_el1, (read_sysreg(cntkctl_el1) &
		     ~CNTKCTL_EVENT_MASK) | CNTKCTL_EVNTEN |
		     n << CNTKCTL_EVNTI_SHIFT);
	isb();
}
