// SPDX-License-Identifier: GPL-2.0
/*
 * An SMC the cell may not make (smc=, by default the SiP call
 * 0xc2000001): refused, or the cell is stopped, as its configuration has
 * it.
 */
#include <inmate.h>

void inmate_main(void)
{
	unsigned long id = cmdline_parse_int("smc", 0xc2000001);
	long ret;

	printk("bad-smc: calling SMC 0x%lx\n", id);
	ret = smc_call(id, 0, 0, 0);
	printk("bad-smc: returned %ld\n", ret);
}
