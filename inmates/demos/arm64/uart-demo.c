// SPDX-License-Identifier: GPL-2.0
/*
 * "Hello N from cell!" every half second (period=MICROSECONDS on the
 * command line), answering the hypervisor's messages in between; with
 * deny-shutdown=N it refuses the first N shutdown requests.
 */
#include <inmate.h>

void inmate_main(void)
{
	u64 period = timer_us_to_ticks(cmdline_parse_int("period", 500000));
	u64 next = timer_get_ticks();
	unsigned int n;

	comm_region_deny_shutdowns(cmdline_parse_int("deny-shutdown", 0));
	for (n = 1;; n++) {
		printk("Hello %u from cell!\n", n);
		next += period;
		while (timer_get_ticks() < next) {
			comm_region_poll();
			cpu_idle();
		}
	}
}
