// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual timer fires every period (period=MICROSECONDS on the
 * command line, 100000 by default); each interrupt reports how late it
 * was handled against the deadline, and the least and largest so far.
 */
#include <inmate.h>

static u64 period, deadline;
static long min_ns = 0x7fffffffffffffffL, max_ns;

/* How late @now is against @deadline in ns (negative: early). */
static long lateness_ns(u64 now, u64 when)
{
	if (now >= when)
		return (long)timer_ticks_to_ns(now - when);
	return -(long)timer_ticks_to_ns(when - now);
}

static void timer_fired(unsigned int intid)
{
	u64 now = timer_get_ticks();
	long jitter = lateness_ns(now, deadline);

	(void)intid;
	if (jitter < min_ns)
		min_ns = jitter;
	if (jitter > max_ns)
		max_ns = jitter;

	/* the next deadline on the grid, unless we have fallen behind */
	deadline += period;
	if (deadline <= now)
		deadline = now + period;
	timer_start_at(deadline);

	printk("Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns\n",
	       jitter, min_ns, max_ns);
}

void inmate_main(void)
{
	long long period_us = cmdline_parse_int("period", 100000);

	printk("Initializing the GIC...\n");
	if (gic_init())
		return;
	gic_set_handler(TIMER_IRQ, timer_fired);
	gic_enable_irq(TIMER_IRQ);

	printk("Initializing the timer...\n");
	period = timer_us_to_ticks(period_us > 0 ? period_us : 100000);
	deadline = timer_start(period);
	irq_enable();

	/* the timer wakes us at least once a period */
	for (;;) {
		wfi();
		comm_region_poll();
	}
}
