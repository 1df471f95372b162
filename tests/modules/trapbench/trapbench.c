// SPDX-License-Identifier: GPL-2.0
/*
 * Cost of the traps a running cell takes, for the benchmark under QEMU
 * -icount (one instruction per virtual nanosecond): each operation is
 * timed with the virtual counter over many rounds, interrupts off.
 */
#include <linux/io.h>
#include <linux/module.h>
#include <asm/arch_timer.h>
#include <jailhouse/gic-v3-regs.h>
#include <jailhouse/hypercall-arm64.h>

#define ROUNDS		2000
#define GICD_BASE	0x08000000
#define GICR_BASE	0x080a0000

static bool hypervisor;
module_param(hypervisor, bool, 0444);

static u64 ticks_to_ns(u64 ticks)
{
	return ticks * 1000000000ULL / arch_timer_get_cntfrq();
}

static void report(const char *what, u64 start, u64 end)
{
	pr_info("trapbench: %s: %llu ns per operation\n", what,
		ticks_to_ns(end - start) / ROUNDS);
}

static int __init trapbench_init(void)
{
	void __iomem *gicd = ioremap(GICD_BASE, GICD_SIZE);
	void __iomem *gicr = ioremap(GICR_BASE +
				     smp_processor_id() * GICR_FRAME_SIZE,
				     GICR_FRAME_SIZE);
	unsigned long flags;
	unsigned int n;
	u64 start;
	u32 enabled;

	if (!gicd || !gicr)
		return -ENOMEM;
	local_irq_save(flags);

	start = __arch_counter_get_cntvct();
	for (n = 0; n < ROUNDS; n++)
		readl_relaxed(gicd + GICD_TYPER);
	report("GICD read", start, __arch_counter_get_cntvct());

	start = __arch_counter_get_cntvct();
	for (n = 0; n < ROUNDS; n++)
		readl_relaxed(gicr + GICR_SGI_BASE + GICR_ISENABLER0);
	report("own GICR read", start, __arch_counter_get_cntvct());

	/* re-enable what is enabled: SPIs 32-63 */
	enabled = readl_relaxed(gicd + GICD_ISENABLER + 4);
	start = __arch_counter_get_cntvct();
	for (n = 0; n < ROUNDS; n++)
		writel_relaxed(enabled, gicd + GICD_ISENABLER + 4);
	report("GICD_ISENABLER write", start, __arch_counter_get_cntvct());

	if (hypervisor) {
		start = __arch_counter_get_cntvct();
		for (n = 0; n < ROUNDS; n++)
			jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
					    JAILHOUSE_INFO_NUM_CELLS);
		report("hypercall", start, __arch_counter_get_cntvct());
	}

	local_irq_restore(flags);
	iounmap(gicr);
	iounmap(gicd);
	return 0;
}

static void __exit trapbench_exit(void)
{
}

module_init(trapbench_init);
module_exit(trapbench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Measures the cost of trapped accesses and hypercalls");
