// SPDX-License-Identifier: GPL-2.0
/*
 * The offsets and sizes entry.S uses, taken from the C structures so that
 * the assembly cannot drift from them.
 *
 * This file is only compiled to assembly (-S, hypervisor/Makefile): each
 * OFFSET or SIZE leaves a line '.ascii "->NAME value"' there, which the
 * Makefile turns into '#define NAME value' in
 * arch/arm64/include/generated/asm-offsets.h.  Nothing of it is linked.
 */
#include <jailhouse/hypervisor.h>

#define DEFINE(sym, val) \
	asm volatile("\n.ascii \"->" #sym " %0\"" : : "i" (val))
#define OFFSET(sym, type, member) \
	DEFINE(sym, __builtin_offsetof(type, member))
#define SIZE(sym, type)		DEFINE(sym, sizeof(type))

void asm_offsets(void);

void asm_offsets(void)
{
	/* the image header entry.S lays out and reads */
	OFFSET(HEADER_SIGNATURE, struct jailhouse_header, signature);
	OFFSET(HEADER_CORE_SIZE, struct jailhouse_header, core_size);
	OFFSET(HEADER_PERCPU_SIZE, struct jailhouse_header, percpu_size);
	OFFSET(HEADER_ENTRY, struct jailhouse_header, entry);
	OFFSET(HEADER_CONSOLE_PAGE, struct jailhouse_header, console_page);
	OFFSET(HEADER_GCOV_INFO_HEAD, struct jailhouse_header, gcov_info_head);
	OFFSET(HEADER_MAX_CPUS, struct jailhouse_header, max_cpus);
	OFFSET(HEADER_ONLINE_CPUS, struct jailhouse_header, online_cpus);
	OFFSET(HEADER_DEBUG_CONSOLE_BASE, struct jailhouse_header,
	       debug_console_base);
	OFFSET(HEADER_HYP_VECTORS, struct jailhouse_header,
	       arm_linux_hyp_vectors);
	OFFSET(HEADER_HYP_ABI, struct jailhouse_header, arm_linux_hyp_abi);
	SIZE(HEADER_SIZE, struct jailhouse_header);

	/* the system configuration, which follows the per-CPU areas */
	OFFSET(SYSTEM_HV_PHYS_START, struct jailhouse_system,
	       hypervisor_memory.phys_start);
	OFFSET(SYSTEM_HV_SIZE, struct jailhouse_system,
	       hypervisor_memory.size);

	/* a CPU's area: struct per_cpu at its start, the stack at its end */
	DEFINE(PERCPU_SIZE, PERCPU_SIZE);
	SIZE(PERCPU_STRUCT_SIZE, struct per_cpu);

	/* the short path's hypercalls (entry.S, short_hypercall) */
	DEFINE(HC_HYPERVISOR_GET_INFO, JAILHOUSE_HC_HYPERVISOR_GET_INFO);
	DEFINE(HC_CPU_GET_INFO, JAILHOUSE_HC_CPU_GET_INFO);
	DEFINE(HVC_HYPERCALL_ESR, (EC_HVC64 << 26) | ESR_IL | JAILHOUSE_HVC_CODE);

	/* the guest registers saved at every trap */
	SIZE(FRAME_SIZE, struct trap_frame);
	OFFSET(FRAME_X0, struct trap_frame, x[0]);
	OFFSET(FRAME_X30, struct trap_frame, x[30]);
}
