/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64's primitives behind the arch interface that the core uses inline:
 * barriers, the event wait, cache maintenance and the running CPU's data.
 * The core uses only the neutral names (memory_barrier(), cpu_relax(),
 * ...); the host unit tests replace this file (tests/unit/fake/asm/).
 */
#ifndef _JAILHOUSE_ASM_PROCESSOR_H
#define _JAILHOUSE_ASM_PROCESSOR_H

#include <asm/sysregs.h>

#define isb()		asm volatile("isb" : : : "memory")
#define dsb(opt)	asm volatile("dsb " #opt : : : "memory")
#define wfe()		asm volatile("wfe" : : : "memory")
#define sev()		asm volatile("sev" : : : "memory")
#define cpu_relax()	asm volatile("yield" : : : "memory")
/* clean and invalidate the data cache line of @addr to the PoC */
#define dc_civac(addr)	asm volatile("dc civac, %0" : : "r" (addr) : "memory")

/* every earlier access is seen by all CPUs before any later one */
#define memory_barrier()	dsb(ish)
/* every earlier write (e.g. a page-table entry) is seen by the walker */
#define write_barrier()		dsb(ishst)
/* sleep until an event: another CPU's cpu_send_event(), an interrupt */
#define cpu_wait_event()	wfe()
#define cpu_send_event()	sev()

/* TPIDR_EL2 holds the running CPU's struct per_cpu (arch/arm64/entry.S). */
#define arch_this_cpu_data()	((void *)read_sysreg(tpidr_el2))
/* ELR_EL2: where the guest was when it trapped */
#define arch_trap_pc()		read_sysreg(elr_el2)

/*
 * Clean and invalidate [start, start + size) to the point of coherency,
 * for an observer with its MMU or caches off (a cell starting up, the
 * disable path).  16 bytes: the smallest data cache line there is.
 */
static inline void dcache_clean_inval(const volatile void *start,
				      unsigned long size)
{
	unsigned long line = (unsigned long)start & ~15UL;

	dsb(ish);
	for (; line < (unsigned long)start + size; line += 16)
		dc_civac(line);
	dsb(sy);
}

#endif /* !_JAILHOUSE_ASM_PROCESSOR_H */
