// SPDX-License-Identifier: GPL-2.0
/*
 * The hypercalls as a cell other than the root sees them: what it may
 * ask, what it is refused, and an unknown code.  Each line shows the
 * call and its result.
 */
#include <inmate.h>

static void call(const char *name, unsigned long code, unsigned long arg1,
		 unsigned long arg2)
{
	long ret = jailhouse_call_arg2(code, arg1, arg2);

	printk("hvc-test: %s(%lu, %lu) = %ld\n", name, arg1, arg2, ret);
}

void inmate_main(void)
{
	printk("hvc-test: start\n");
	call("HYPERVISOR_GET_INFO", JAILHOUSE_HC_HYPERVISOR_GET_INFO,
	     JAILHOUSE_INFO_NUM_CELLS, 0);
	call("HYPERVISOR_GET_INFO", JAILHOUSE_HC_HYPERVISOR_GET_INFO,
	     1000, 0);
	call("CELL_CREATE", JAILHOUSE_HC_CELL_CREATE, 0, 0);
	call("CELL_GET_STATE", JAILHOUSE_HC_CELL_GET_STATE, 0, 0);
	call("DISABLE", JAILHOUSE_HC_DISABLE, 0, 0);
	call("DEBUG_CONSOLE_PUTC", JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, '\n', 0);
	call("unknown", 0x4242, 0, 0);
	printk("hvc-test: done\n");
}
