// SPDX-License-Identifier: GPL-2.0
/*
 * A 32-bit write outside the cell (addr=, by default root cell RAM on
 * QEMU virt): the hypervisor must stop this CPU before the next line.
 */
#include <inmate.h>

void inmate_main(void)
{
	unsigned long addr = cmdline_parse_int("addr", 0x40000000);

	printk("bad-write: writing to 0x%lx\n", addr);
	mmio_write32(addr, 0xdeadbeef);
	printk("bad-write: still running\n");
}
