// SPDX-License-Identifier: GPL-2.0
/*
 * A GIC init that writes the state of an interrupt the cell does not own
 * (irq=, by default INTID 33, QEMU virt's UART of the root cell): enable,
 * clear-enable, clear-pending, priority, configuration and route, the
 * way Linux and RTOSes initialise every SPI.  The hypervisor drops these
 * writes and the cell runs on.
 */
#include <inmate.h>
#include <jailhouse/gic-v3-regs.h>

void inmate_main(void)
{
	unsigned int irq = cmdline_parse_int("irq", 33);
	unsigned long gicd = comm_region->gicd_base;
	u32 bit = 1U << (irq % 32), word = irq / 32 * 4;

	printk("bad-irq: writing the state of INTID %u\n", irq);
	mmio_write32(gicd + GICD_ISENABLER + word, bit);
	mmio_write32(gicd + GICD_ICENABLER + word, bit);
	mmio_write32(gicd + GICD_ICPENDR + word, bit);
	mmio_write32(gicd + GICD_IPRIORITYR + (irq & ~3U),
		     0xffU << (irq % 4 * 8));
	mmio_write32(gicd + GICD_ICFGR + irq / 16 * 4, 2U << (irq % 16 * 2));
	mmio_write64(gicd + GICD_IROUTER + irq * 8,
		     read_sysreg(mpidr_el1) & MPIDR_AFF_MASK);
	printk("bad-irq: still running\n");
}
