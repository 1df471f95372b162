// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling an interrupt the cell does not own (irq=, by default INTID 33,
 * QEMU virt's UART of the root cell) in GICD_ISENABLER.
 */
#include <inmate.h>

#define GICD_ISENABLER		0x0100

void inmate_main(void)
{
	unsigned int irq = cmdline_parse_int("irq", 33);
	unsigned long gicd = comm_region->gicd_base;

	printk("bad-irq: enabling INTID %u\n", irq);
	mmio_write32(gicd + GICD_ISENABLER + irq / 32 * 4, 1U << (irq % 32));
	printk("bad-irq: still running\n");
}
