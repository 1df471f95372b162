// SPDX-License-Identifier: GPL-2.0
/*
 * What the hypervisor's device code calls of the rest of it and a test
 * does not need: EL2 mappings always succeed (the test maps the pages
 * itself), shared interrupt lines are accepted.
 */
#include <jailhouse/gic.h>

u64 *hv_page_table;

int paging_map(u64 *root, u64 virt, u64 phys, u64 size, unsigned long flags)
{
	(void)root, (void)virt, (void)phys, (void)size, (void)flags;
	return 0;
}

int gic_register_shared_irq(unsigned int intid, gic_shared_target_fn target)
{
	(void)intid, (void)target;
	return 0;
}
