// SPDX-License-Identifier: GPL-2.0
/*
 * Issues SMCs from the root cell to see how the hypervisor treats them:
 * PSCI_VERSION is answered, a SiP call the root cell's configuration does
 * not allow is refused (twice, to show it is logged once).
 */
#include <linux/module.h>

static long smc(unsigned long function)
{
	register unsigned long x0 asm("x0") = function;

	asm volatile("smc #0"
		     : "+r" (x0)
		     :
		     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
		       "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
		       "memory");
	return x0;
}

static int __init smcprobe_init(void)
{
	pr_info("smcprobe: PSCI_VERSION = 0x%lx\n", smc(0x84000000));
	pr_info("smcprobe: SiP 0xc2000001 = %ld\n", smc(0xc2000001));
	pr_info("smcprobe: SiP 0xc2000001 again = %ld\n", smc(0xc2000001));
	return 0;
}

static void __exit smcprobe_exit(void)
{
}

module_init(smcprobe_init);
module_exit(smcprobe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Issues SMCs to test the hypervisor's SMC handling");
