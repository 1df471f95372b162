// SPDX-License-Identifier: GPL-2.0
/*
 * Waits for the shared EINT line (irq=, default 100: the QEMU bench's
 * EINT test block) and, for each interrupt, prints its number and the
 * EINT status it sees (its own lines only), then acknowledges them.
 * base= is the EINT block (default 0x7fb01000).
 */
#include <inmate.h>

#define EINT_STA	0x000
#define EINT_ACK	0x040

static unsigned long base;
static volatile unsigned int count;

static void eint_irq(unsigned int intid)
{
	u32 sta = mmio_read32(base + EINT_STA);

	count++;
	printk("eint-irq: interrupt %u (INTID %u), STA0 = 0x%08x\n", count,
	       intid, sta);
	mmio_write32(base + EINT_ACK, sta);
}

void inmate_main(void)
{
	unsigned int irq = cmdline_parse_int("irq", 100);

	base = cmdline_parse_int("base", 0x7fb01000);
	if (gic_init()) {
		printk("eint-irq: no GIC\n");
		return;
	}
	gic_set_handler(irq, eint_irq);
	gic_enable_irq(irq);
	irq_enable();
	printk("eint-irq: waiting for INTID %u\n", irq);
	for (;;) {
		comm_region_poll();
		cpu_idle();
	}
}
