/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image is entered at offset 0 on the cell's first CPU, and at
 * secondary_entry on the CPUs smp_start_cpu() switches on, whose PSCI
 * context (x0) is their number.  Each CPU gets its stack, its number in
 * TPIDR_EL1 and the vectors, then goes to C.  Interrupts stay masked.
 */
#include "inmate.h"

	.section .boot, "ax"
	.globl	__inmate_start
__inmate_start:
	b	primary_start

primary_start:
	msr	daifset, #0xf
	/* .bss: the other CPUs do not run yet */
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	mov	x0, #0
	b	cpu_start

	.globl	secondary_entry
secondary_entry:
	msr	daifset, #0xf
	/* not started by smp_start_cpu(): no stack to take */
	cbz	x0, park
	cmp	x0, #MAX_CPUS
	b.hs	park

cpu_start:
	msr	tpidr_el1, x0
	ldr	x1, =cpu_stacks
	add	x2, x0, #1
	mov	x3, #STACK_SIZE
	madd	x1, x2, x3, x1
	mov	sp, x1
	ldr	x1, =vectors
	msr	vbar_el1, x1
	isb
	b	inmate_entry

park:
	wfi
	b	park

	.ltorg
