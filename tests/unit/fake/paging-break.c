// SPDX-License-Identifier: GPL-2.0
/*
 * The fake arch's break-before-make TLB maintenance: counted, and handed
 * to a test's hook, which sees the table as it is at that moment.
 */
#include "paging-break.h"

void (*fake_paging_break_hook)(const u64 *root, u64 virt, u64 size);
unsigned int fake_paging_breaks;

void arch_paging_break(const u64 *root, u64 virt, u64 size)
{
	fake_paging_breaks++;
	if (fake_paging_break_hook)
		fake_paging_break_hook(root, virt, size);
}
