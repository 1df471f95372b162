// SPDX-License-Identifier: GPL-2.0
/*
 * Drives pins of a mediated MediaTek GPIO block (base=, default the QEMU
 * bench's test block) as if they were all its own, and prints what it
 * reads back: the hypervisor lets only the cell's pins through.
 *   DOUT0 = all ones: reads show pins 4-7
 *   DOUT_SET0 = all ones: written with only pins 4-7 (the log says so)
 *   MODE0 = 0x77777777: reads show the nibbles of pins 4-7
 *   MISC (0x600, undescribed): reads 0 for a cell
 * Two seconds later it reads DOUT0 again (the root cell wrote meanwhile).
 */
#include <inmate.h>

#define DOUT		0x100
#define DOUT_SET	0x104
#define MODE		0x300
#define MISC		0x600

void inmate_main(void)
{
	unsigned long base = cmdline_parse_int("base", 0x7fb00000);
	u64 end;

	mmio_write32(base + DOUT, 0xffffffff);
	mmio_write32(base + DOUT_SET, 0xffffffff);
	printk("gpio-toggle: DOUT0 = 0x%08x\n", mmio_read32(base + DOUT));
	mmio_write32(base + MODE, 0x77777777);
	printk("gpio-toggle: MODE0 = 0x%08x\n", mmio_read32(base + MODE));
	mmio_write32(base + MISC, 0x12345678);
	printk("gpio-toggle: MISC = 0x%08x\n", mmio_read32(base + MISC));
	end = timer_get_ticks() + timer_us_to_ticks(2000000);
	while (timer_get_ticks() < end) {
		comm_region_poll();
		cpu_idle();
	}
	printk("gpio-toggle: DOUT0 later = 0x%08x\n", mmio_read32(base + DOUT));
	for (;;) {
		comm_region_poll();
		cpu_idle();
	}
}
