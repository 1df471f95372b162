// SPDX-License-Identifier: GPL-2.0
/*
 * EL2 mappings for tests of device code: they always succeed, the test
 * maps the pages itself (host memory).
 */
#include <jailhouse/hypervisor.h>

u64 *hv_page_table;

int paging_map(u64 *root, u64 virt, u64 phys, u64 size, unsigned long flags)
{
	(void)root, (void)virt, (void)phys, (void)size, (void)flags;
	return 0;
}

int paging_map_device(u64 base, u64 size)
{
	(void)base, (void)size;
	return 0;
}

void arch_flush_hv_tlbs(void)
{
}
