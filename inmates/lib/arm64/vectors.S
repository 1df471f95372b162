/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL1 exception vectors.  The inmate runs at EL1h: an IRQ from there goes
 * to irq_handler(); every other exception is fatal and reported.
 */

	.macro	fatal_vector number
	.balign	0x80
	mov	x0, #\number
	b	fatal_exception
	.endm

	.section .vectors, "ax"
	.balign	0x800
	.globl	vectors
vectors:
	/* current EL with SP_EL0: not used */
	fatal_vector 0
	fatal_vector 1
	fatal_vector 2
	fatal_vector 3
	/* current EL with SP_EL1 */
	fatal_vector 4
	.balign	0x80
	b	irq_entry
	fatal_vector 6
	fatal_vector 7
	/* lower EL, AArch64 and AArch32: there is none */
	fatal_vector 8
	fatal_vector 9
	fatal_vector 10
	fatal_vector 11
	fatal_vector 12
	fatal_vector 13
	fatal_vector 14
	fatal_vector 15
	.balign	0x80

	.text
fatal_exception:
	mrs	x1, esr_el1
	mrs	x2, far_el1
	mrs	x3, elr_el1
	bl	exception_fatal

/* The caller-saved registers; nothing else changes under a C function. */
irq_entry:
	sub	sp, sp, #(22 * 8)
	stp	x0, x1, [sp, #(0 * 8)]
	stp	x2, x3, [sp, #(2 * 8)]
	stp	x4, x5, [sp, #(4 * 8)]
	stp	x6, x7, [sp, #(6 * 8)]
	stp	x8, x9, [sp, #(8 * 8)]
	stp	x10, x11, [sp, #(10 * 8)]
	stp	x12, x13, [sp, #(12 * 8)]
	stp	x14, x15, [sp, #(14 * 8)]
	stp	x16, x17, [sp, #(16 * 8)]
	stp	x18, x29, [sp, #(18 * 8)]
	str	x30, [sp, #(20 * 8)]
	bl	irq_handler
	ldp	x0, x1, [sp, #(0 * 8)]
	ldp	x2, x3, [sp, #(2 * 8)]
	ldp	x4, x5, [sp, #(4 * 8)]
	ldp	x6, x7, [sp, #(6 * 8)]
	ldp	x8, x9, [sp, #(8 * 8)]
	ldp	x10, x11, [sp, #(10 * 8)]
	ldp	x12, x13, [sp, #(12 * 8)]
	ldp	x14, x15, [sp, #(14 * 8)]
	ldp	x16, x17, [sp, #(16 * 8)]
	ldp	x18, x29, [sp, #(18 * 8)]
	ldr	x30, [sp, #(20 * 8)]
	add	sp, sp, #(22 * 8)
	eret
