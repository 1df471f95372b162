// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC init of an RTOS (as Zephyr's): every SPI the distributor has
 * disabled, cleared, given a priority, level-triggered and routed to
 * this CPU, then the cell's own SPIs (own=, two INTIDs) enabled.  The
 * hypervisor drops what is not the cell's and the cell runs on; it then
 * reads back what it wrote to its own SPIs.
 */
#include <inmate.h>
#include <jailhouse/gic-v3-regs.h>

#define PRIORITY	0xa0U

static unsigned long gicd;

static void init_all_spis(unsigned int lines, u64 route)
{
	unsigned int intid;

	for (intid = 32; intid < lines; intid += 32) {
		mmio_write32(gicd + GICD_ICENABLER + intid / 8, ~0U);
		mmio_write32(gicd + GICD_ICPENDR + intid / 8, ~0U);
	}
	for (intid = 32; intid < lines; intid += 4)
		mmio_write32(gicd + GICD_IPRIORITYR + intid,
			     PRIORITY * 0x01010101U);
	for (intid = 32; intid < lines; intid += 16)
		mmio_write32(gicd + GICD_ICFGR + intid / 4, 0);
	for (intid = 32; intid < lines; intid++)
		mmio_write64(gicd + GICD_IROUTER + intid * 8, route);
}

static void enable(unsigned int intid)
{
	mmio_write32(gicd + GICD_ISENABLER + intid / 32 * 4,
		     1U << (intid % 32));
}

static bool own_state_written(unsigned int intid)
{
	u32 priority = mmio_read32(gicd + GICD_IPRIORITYR + (intid & ~3U)) >>
		(intid % 4 * 8) & 0xff;
	u32 enabled = mmio_read32(gicd + GICD_ISENABLER + intid / 32 * 4);

	return priority == PRIORITY && (enabled >> (intid % 32) & 1);
}

void inmate_main(void)
{
	unsigned int own = cmdline_parse_int("own", 40), lines;
	u64 route = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;

	gicd = comm_region->gicd_base;
	lines = ((mmio_read32(gicd + GICD_TYPER) & 0x1f) + 1) * 32;
	if (lines > 1020)
		lines = 1020;
	printk("gic-init: %u INTIDs, routing to 0x%llx\n", lines, route);
	init_all_spis(lines, route);
	enable(own);
	enable(own + 1);
	printk("gic-init: still running\n");
	printk("gic-init: own SPIs %u and %u written: %s\n", own, own + 1,
	       own_state_written(own) && own_state_written(own + 1) ?
	       "yes" : "no");
}
