/* SPDX-License-Identifier: GPL-2.0 */
/* Between the parts of the inmate library; not for programs. */
#ifndef _INMATE_LIB_H
#define _INMATE_LIB_H

#include "inmate.h"

/* start.S; the stacks it hands out are in setup.c */
extern char secondary_entry[];
extern u8 cpu_stacks[MAX_CPUS][STACK_SIZE];

/* called from start.S and vectors.S */
void inmate_entry(unsigned int cpu) __attribute__((noreturn));
void irq_handler(void);
void exception_fatal(unsigned long vector, u64 esr, u64 far, u64 elr)
	__attribute__((noreturn));

void comm_region_set_state(u32 state);
void console_init(void);
void timer_cpu_init(void);
void smp_secondary_main(unsigned int cpu) __attribute__((noreturn));

#endif /* !_INMATE_LIB_H */
