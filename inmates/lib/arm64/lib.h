/* SPDX-License-Identifier: GPL-2.0 */
/* Between the parts of the inmate library; not for programs. */
#ifndef _INMATE_LIB_H
#define _INMATE_LIB_H

#include "inmate.h"

/* start.S; the stacks it hands out are in setup.c */
extern char secondary_entry[];
extern char __bss_end[];	/* inmate.lds */
extern u8 cpu_stacks[MAX_CPUS][STACK_SIZE];

/* called from start.S and vectors.S */
void inmate_entry(unsigned int cpu) __attribute__((noreturn));
void irq_handler(void);
void exception_fatal(unsigned long vector, u64 esr, u64 far, u64 elr)
	__attribute__((noreturn));

/* mmu.c; start.S loads the registers, at these offsets, on each CPU */
struct mmu_regs {
	u64 mair;	/* 0 */
	u64 tcr;	/* 8 */
	u64 ttbr0;	/* 16; 0: the MMU stays off */
};

#define SCTLR_M		(1UL << 0)

#define tlbi_vmalle1is()	asm volatile("tlbi vmalle1is" : : : "memory")

extern struct mmu_regs mmu_regs;
void mmu_init(void);
void mmu_switch_on(const struct mmu_regs *regs);

void comm_region_set_state(u32 state);
void console_init(void);
void timer_cpu_init(void);
void smp_secondary_main(unsigned int cpu) __attribute__((noreturn));

#endif /* !_INMATE_LIB_H */
