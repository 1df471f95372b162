// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-patch probe for the QEMU bench.
 *
 * Loading this module proves that the kernel exports every symbol the
 * hypervisor driver depends on (modpost and the module loader refuse an
 * unexported one), and it reports at which exception level the kernel
 * runs: with the VHE patch the kernel must stay at EL1 with the hyp stub
 * at EL2, on CPUs with and without FEAT_VHE.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/io.h>
#include <asm/virt.h>

extern char __hyp_stub_vectors[];

/* The kernel-side symbols the driver uses, resolved at load time. */
static const void *const driver_symbols[] = {
	__hyp_stub_vectors,
	ioremap_page_range,
	__get_vm_area_caller,
	__boot_cpu_mode,
};

static unsigned int current_el(void)
{
	u64 el;

	asm volatile("mrs %0, CurrentEL" : "=r" (el));
	return (el >> 2) & 3;
}

/* ID_AA64MMFR1_EL1.VH, bits [11:8]: does the CPU implement FEAT_VHE? */
static bool cpu_has_vhe(void)
{
	u64 mmfr1;

	asm volatile("mrs %0, id_aa64mmfr1_el1" : "=r" (mmfr1));
	return ((mmfr1 >> 8) & 0xf) != 0;
}

static int __init elprobe_init(void)
{
	unsigned int i, resolved = 0;

	for (i = 0; i < ARRAY_SIZE(driver_symbols); i++)
		if (driver_symbols[i])
			resolved++;

	pr_info("elprobe: CPU implements FEAT_VHE: %s\n",
		cpu_has_vhe() ? "yes" : "no");
	pr_info("elprobe: CurrentEL=EL%u\n", current_el());
	pr_info("elprobe: hyp mode available: %s\n",
		is_hyp_mode_available() ? "yes" : "no");
	pr_info("elprobe: %u of %zu driver symbols resolved\n", resolved,
		ARRAY_SIZE(driver_symbols));
	return 0;
}

static void __exit elprobe_exit(void)
{
}

module_init(elprobe_init);
module_exit(elprobe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Checks the kernel patches the hypervisor driver needs");
