/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake arch's inline primitives (the real ones are in
 * hypervisor/arch/arm64/include/asm/processor.h): barriers and cache
 * maintenance do nothing; a busy wait (cpu_relax(), cpu_wait_event())
 * calls the test's fake_cpu_relax(), if it has one, so that a test can
 * play the other CPUs a wait loop waits for; the running CPU is the one
 * the test's TPIDR_EL2 names.
 */
#ifndef _FAKE_ASM_PROCESSOR_H
#define _FAKE_ASM_PROCESSOR_H

#include <asm/sysregs.h>

void fake_cpu_relax(void) __attribute__((weak));

#define fake_wait()							\
	do {								\
		if (fake_cpu_relax)					\
			fake_cpu_relax();				\
	} while (0)

#define isb()			do { } while (0)
#define dsb(opt)		do { } while (0)
#define wfe()			fake_wait()
#define sev()			do { } while (0)
#define cpu_relax()		fake_wait()
#define dc_civac(addr)		do { (void)(addr); } while (0)

#define memory_barrier()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define write_barrier()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define cpu_wait_event()	fake_wait()
#define cpu_send_event()	do { } while (0)

#define arch_this_cpu_data()	((void *)fake_sysreg_read("tpidr_el2"))
#define arch_trap_pc()		fake_sysreg_read("elr_el2")

static inline void dcache_clean_inval(const volatile void *start,
				      unsigned long size)
{
	(void)start;
	(void)size;
}

#endif /* !_FAKE_ASM_PROCESSOR_H */
