/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image is entered at offset 0 on the cell's first CPU, and at
 * secondary_entry on the CPUs smp_start_cpu() switches on, whose PSCI
 * context (x0) is their number.  Each CPU gets its stack, its number in
 * TPIDR_EL1 and the vectors, then goes to C.  Interrupts stay masked.
 *
 * The first CPU turns its MMU on in C (mmu_init(), before anything
 * else); the others here, before they touch memory but mmu_regs: their
 * stacks may be in the first CPU's cache already.
 */
#include "inmate.h"

#define SCTLR_M		(1 << 0)
#define SCTLR_C		(1 << 2)
#define SCTLR_I		(1 << 12)

	.section .boot, "ax"
	.globl	__inmate_start
__inmate_start:
	b	primary_start

primary_start:
	msr	daifset, #0xf
	/*
	 * .bss (the other CPUs do not run yet), first out of every cache:
	 * a cell that ran here before with its caches on may have left
	 * lines there, dirty ones even, which would overwrite what is
	 * written now, or hide it once the caches are on.  (The driver
	 * cleaned the loaded image to the point of coherency.)  At EL1
	 * under stage 2, DC IVAC would be DC CIVAC anyway.
	 */
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
	mrs	x2, ctr_el0
	ubfx	x2, x2, #16, #4		/* DminLine: log2 of words */
	mov	x3, #4
	lsl	x2, x3, x2
	sub	x3, x2, #1
	bic	x3, x0, x3
1:	dc	civac, x3
	add	x3, x3, x2
	cmp	x3, x1
	b.lo	1b
	dsb	sy
2:	cmp	x0, x1
	b.hs	3f
	str	xzr, [x0], #8
	b	2b
3:	dsb	sy
	mov	x0, #0
	b	cpu_start

	.globl	secondary_entry
secondary_entry:
	msr	daifset, #0xf
	/* not started by smp_start_cpu(): no stack to take */
	cbz	x0, park
	cmp	x0, #MAX_CPUS
	b.hs	park
	mov	x19, x0
	ldr	x0, =mmu_regs
	bl	mmu_switch_on
	mov	x0, x19

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

/*
 * MAIR, TCR and TTBR0 from *x0 (struct mmu_regs), then the MMU and both
 * caches on, with nothing of an earlier translation left in the TLB or
 * the instruction cache.  TTBR0 0: nothing.  No stack; x0-x2 change.
 */
	.globl	mmu_switch_on
mmu_switch_on:
	ldr	x2, [x0, #16]
	cbz	x2, 1f
	ldr	x1, [x0]
	msr	mair_el1, x1
	ldr	x1, [x0, #8]
	msr	tcr_el1, x1
	msr	ttbr0_el1, x2
	isb
	tlbi	vmalle1
	ic	iallu
	dsb	nsh
	isb
	mrs	x1, sctlr_el1
	orr	x1, x1, #SCTLR_M
	orr	x1, x1, #SCTLR_C
	orr	x1, x1, #SCTLR_I
	msr	sctlr_el1, x1
	isb
	ic	iallu
	dsb	nsh
	isb
1:	ret

	.ltorg
