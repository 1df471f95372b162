/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The header at the start of jailhouse.bin, shared by the hypervisor (which
 * fills the build-time fields) and the driver (which fills the rest before
 * it enters the firmware on every CPU).
 */
#ifndef _JAILHOUSE_HEADER_H
#define _JAILHOUSE_HEADER_H

#define JAILHOUSE_SIGNATURE	"JAILHOUS"

/* arm_linux_hyp_abi: the hyp stub takes an opcode in x0 (kernel >= 4.12) */
#define HYP_STUB_ABI_LEGACY	0
#define HYP_STUB_ABI_OPCODE	1

/* Entry point: int entry(unsigned int cpu_id), Linux calling convention. */
typedef int (*jailhouse_entry)(unsigned int);

struct jailhouse_header {
	/* build time */
	char signature[8];
	unsigned long long core_size;	/* image up to the page pool */
	unsigned long long percpu_size;
	unsigned long long entry;	/* offset of the entry from the image */
	unsigned long long console_page; /* offset of the log ring */
	unsigned long long gcov_info_head;

	/* filled by the driver */
	unsigned int max_cpus;
	unsigned int online_cpus;
	/* filled by the hypervisor's arm64 entry */
	unsigned long long debug_console_base;

	/* filled by the driver */
	unsigned long long arm_linux_hyp_vectors;	/* phys of hyp stub */
	unsigned int arm_linux_hyp_abi;
};

/*
 * The hypervisor's log ring, at header.console_page: the root cell's
 * driver reads it.  The writer sets busy, appends at content[tail %
 * size] and advances tail (it only grows), then clears busy; a reader
 * copies while busy is clear and retries when tail moved.
 */
#define JAILHOUSE_CONSOLE_RING_SIZE	2048

struct jailhouse_virt_console {
	volatile unsigned int busy;
	volatile unsigned int tail;
	char content[JAILHOUSE_CONSOLE_RING_SIZE];
};

#endif /* !_JAILHOUSE_HEADER_H */
