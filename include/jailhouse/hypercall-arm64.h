/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Issuing hypercalls from a cell on arm64 (driver, inmates): code in x0,
 * arguments in x1 and x2, result in x0; the hypervisor may clobber x1-x3.
 */
#ifndef _JAILHOUSE_HYPERCALL_ARM64_H
#define _JAILHOUSE_HYPERCALL_ARM64_H

#include "hypercall.h"

/* "hvc #0x4a48", spelt from JAILHOUSE_HVC_CODE */
#define JAILHOUSE_STRINGIFY_(x)	#x
#define JAILHOUSE_STRINGIFY(x)	JAILHOUSE_STRINGIFY_(x)
#define JAILHOUSE_HVC_INSN	"hvc #" JAILHOUSE_STRINGIFY(JAILHOUSE_HVC_CODE)

static inline long jailhouse_call(unsigned long code)
{
	register unsigned long x0 asm("x0") = code;

	asm volatile(JAILHOUSE_HVC_INSN
		: "+r" (x0) : : "x1", "x2", "x3", "memory");
	return (long)x0;
}

static inline long jailhouse_call_arg1(unsigned long code, unsigned long arg1)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg1;

	asm volatile(JAILHOUSE_HVC_INSN
		: "+r" (x0), "+r" (x1) : : "x2", "x3", "memory");
	return (long)x0;
}

static inline long jailhouse_call_arg2(unsigned long code, unsigned long arg1,
				       unsigned long arg2)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg1;
	register unsigned long x2 asm("x2") = arg2;

	asm volatile(JAILHOUSE_HVC_INSN
		: "+r" (x0), "+r" (x1), "+r" (x2) : : "x3", "memory");
	return (long)x0;
}

/* The comm-region message protocol, cell side. */
static inline void
jailhouse_send_reply_from_cell(struct jailhouse_comm_region *comm_region,
			       __u32 reply)
{
	comm_region->msg_to_cell = JAILHOUSE_MSG_NONE;
	asm volatile("dmb ishst" : : : "memory");
	comm_region->reply_from_cell = reply;
}

#endif /* !_JAILHOUSE_HYPERCALL_ARM64_H */
