// SPDX-License-Identifier: GPL-2.0
/*
 * The witness of the hostile suite: a cell that only wants to keep
 * running.  It fills 64 KiB of its RAM with a pattern, then checks it
 * over and over and counts a heartbeat in the page it shares with the
 * root cell (HEARTBEAT, its last 4 KiB of RAM): MAGIC, the count, and
 * 1 while the pattern holds, 2 once it did not.
 */
#include <inmate.h>

#define HEARTBEAT	0xff000UL
#define MAGIC		0x57544e53U	/* "WTNS" */
#define PATTERN_START	0x20000UL
#define PATTERN_END	0x30000UL

static u32 pattern_of(unsigned long addr)
{
	return (u32)(addr * 0x9e3779b1UL) ^ 0xa5a5a5a5U;
}

static bool pattern_holds(void)
{
	unsigned long addr;

	for (addr = PATTERN_START; addr < PATTERN_END; addr += 4)
		if (mmio_read32(addr) != pattern_of(addr))
			return false;
	return true;
}

void inmate_main(void)
{
	unsigned long addr;
	u32 beats = 0, ok = 1;

	for (addr = PATTERN_START; addr < PATTERN_END; addr += 4)
		mmio_write32(addr, pattern_of(addr));
	mmio_write32(HEARTBEAT + 8, ok);
	mmio_write32(HEARTBEAT, MAGIC);
	printk("witness: running\n");
	for (;;) {
		if (ok == 1 && !pattern_holds()) {
			ok = 2;
			printk("witness: my memory changed\n");
		}
		mmio_write32(HEARTBEAT + 8, ok);
		mmio_write32(HEARTBEAT + 4, ++beats);
		comm_region_poll();
		delay_us(1000);
	}
}
