/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FAKE_PAGING_BREAK_H
#define _FAKE_PAGING_BREAK_H

#include <jailhouse/hypervisor.h>

/* called from arch_paging_break(), if set */
extern void (*fake_paging_break_hook)(const u64 *root, u64 virt, u64 size);
extern unsigned int fake_paging_breaks;

#endif /* !_FAKE_PAGING_BREAK_H */
