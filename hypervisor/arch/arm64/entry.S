/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor image: its header, the entry Linux calls on every CPU,
 * the bootstrap into EL2 and the exception vectors.
 *
 * The image is linked position-independent at 0 and runs at EL2 with an
 * identity map (VA = PA), wherever the reserved memory is: one binary
 * for every board.  Before EL2 it runs at EL1 through the driver's
 * mapping, so that part uses PC-relative addressing only.
 */
#include <asm/sysregs.h>
#include <generated/asm-offsets.h>

/* Linux's hyp stub: install the vectors in x1 */
#define HVC_SET_VECTORS		0

/* level-1 block: valid, AttrIndx 0 (normal), AP RES1, inner shareable, AF */
#define BOOT_BLOCK_ATTR		0x741
#define BOOT_SCTLR		(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I)
#define BOOT_TCR		(TCR_EL2_RES1 | TCR_T0SZ(48) | TCR_IRGN0_WBWA | \
				 TCR_ORGN0_WBWA | TCR_SH0_INNER)
#define R_AARCH64_RELATIVE	1027

/*
 * struct jailhouse_header, field by field: each one is checked against
 * its offset in the C structure, and the whole against its size.
 */
	.macro	header_field offset
	.if	. - hypervisor_header != \offset
	.error	"entry.S: the image header differs from struct jailhouse_header"
	.endif
	.endm

	.section .header, "a"
	.globl hypervisor_header
hypervisor_header:
	header_field HEADER_SIGNATURE
	.ascii	"JAILHOUS"
	header_field HEADER_CORE_SIZE
	.quad	__page_pool - hypervisor_header
	header_field HEADER_PERCPU_SIZE
	.quad	PERCPU_SIZE
	header_field HEADER_ENTRY
	.quad	arch_entry - hypervisor_header
	header_field HEADER_CONSOLE_PAGE
	.quad	console_page - hypervisor_header
	header_field HEADER_GCOV_INFO_HEAD
	.quad	0
	header_field HEADER_MAX_CPUS
	.long	0
	header_field HEADER_ONLINE_CPUS
	.long	0
	header_field HEADER_DEBUG_CONSOLE_BASE
	.quad	0
	header_field HEADER_HYP_VECTORS
	.quad	0
	header_field HEADER_HYP_ABI
	.long	0
	.long	0
	header_field HEADER_SIZE

	.text
/*
 * int arch_entry(unsigned int cpu_id), at EL1, called by the driver on
 * every online CPU with interrupts off.  x0-x17 are ours to use.
 */
	.globl arch_entry
arch_entry:
	mov	x9, x0
	adr	x10, hypervisor_header
	/* the system configuration follows the per-CPU areas */
	ldr	x11, [x10, #HEADER_CORE_SIZE]
	ldr	w12, [x10, #HEADER_MAX_CPUS]
	mov	x13, #PERCPU_SIZE
	madd	x11, x12, x13, x11
	add	x11, x10, x11
	ldr	x14, [x11, #SYSTEM_HV_PHYS_START]
	ldr	x15, [x11, #SYSTEM_HV_SIZE]

	/* write the image back to memory: EL2 starts with caches off */
	mrs	x16, ctr_el0
	ubfx	x16, x16, #16, #4	/* DminLine: log2 of words */
	mov	x17, #4
	lsl	x16, x17, x16
	mov	x12, x10
	add	x13, x10, x15
1:	dc	civac, x12
	add	x12, x12, x16
	cmp	x12, x13
	b.lo	1b
	dsb	sy
	isb

	/* let the hyp stub install the bootstrap vectors, then enter */
	adr	x12, bootstrap_vectors
	sub	x12, x12, x10
	add	x1, x14, x12
	mov	x0, #HVC_SET_VECTORS
	hvc	#0
	mov	x0, x9
	mov	x1, x14
	hvc	#0
	/* back at EL1, x0 = 0 or a negative error code */
	ret

/* The stack grows down from the end of a CPU's area to its struct per_cpu. */
	.if	PERCPU_STRUCT_SIZE > PERCPU_SIZE / 2
	.error	"entry.S: struct per_cpu takes more than half of its area"
	.endif

/*
 * EL2, MMU off.  x0 = cpu_id, x1 = physical base of the image.
 * x18-x30 belong to Linux and survive; the C code keeps x18 (-ffixed-x18).
 */
el2_bootstrap:
	adr	x2, hypervisor_header
	ldr	x3, [x2, #HEADER_CORE_SIZE]
	add	x3, x2, x3
	mov	x4, #PERCPU_SIZE
	madd	x3, x0, x4, x3		/* this CPU's per_cpu */
	add	x4, x3, x4
	mov	sp, x4
	msr	tpidr_el2, x3

	/* identity map, 1 GiB blocks, of the 2 GiB from the image's GiB */
	adrp	x5, bootstrap_l0
	adrp	x6, bootstrap_l1
	lsr	x7, x2, #39
	and	x7, x7, #511
	orr	x8, x6, #3
	str	x8, [x5, x7, lsl #3]
	lsr	x9, x2, #30
	and	x7, x9, #511
	lsl	x9, x9, #30
	mov	x10, #BOOT_BLOCK_ATTR
	orr	x9, x9, x10
	str	x9, [x6, x7, lsl #3]
	add	x7, x7, #1
	and	x7, x7, #511
	mov	x10, #(1 << 30)
	add	x9, x9, x10
	str	x9, [x6, x7, lsl #3]
	dsb	sy

	ldr	x9, =MAIR_EL2_VALUE
	msr	mair_el2, x9
	mrs	x9, id_aa64mmfr0_el1
	and	x9, x9, #7
	lsl	x9, x9, #TCR_PS_SHIFT
	ldr	x10, =BOOT_TCR
	orr	x9, x9, x10
	msr	tcr_el2, x9
	msr	ttbr0_el2, x5
	isb
	tlbi	alle2
	dsb	sy
	isb
	ldr	x9, =BOOT_SCTLR
	msr	sctlr_el2, x9
	isb

	/* apply the relocations; every CPU writes the same values */
	adrp	x5, __rela_start
	add	x5, x5, :lo12:__rela_start
	adrp	x6, __rela_end
	add	x6, x6, :lo12:__rela_end
2:	cmp	x5, x6
	b.hs	3f
	ldp	x7, x8, [x5], #16
	ldr	x9, [x5], #8
	cmp	w8, #R_AARCH64_RELATIVE
	b.ne	2b
	add	x9, x9, x2
	str	x9, [x2, x7]
	b	2b
3:	dsb	ish

	stp	x29, x30, [sp, #-16]!
	mov	x1, x3
	bl	el2_init
	ldp	x29, x30, [sp], #16
	cbnz	x0, bootstrap_failed
	/*
	 * Return straight to arch_entry's caller: the rest of arch_entry is
	 * hypervisor memory, which the root cell no longer maps.
	 */
	msr	elr_el2, x30
	eret

/* Give EL2 back to the hyp stub and return the error to Linux. */
bootstrap_failed:
	mrs	x1, sctlr_el2
	bic	x1, x1, #SCTLR_M
	bic	x1, x1, #SCTLR_C
	bic	x1, x1, #SCTLR_I
	msr	sctlr_el2, x1
	isb
	tlbi	alle2
	dsb	sy
	isb
	eret

	/*
	 * The two vector tables (2 KiB each, 2 KiB-aligned) come first in
	 * .text (hypervisor.lds), one after the other, then the trap code:
	 * their alignment costs no gap in the middle of the code.
	 */
	.section .text.vectors, "ax"
	.macro ventry target
	.align	7
	b	\target
	.endm

	.align	11
	.globl el2_vectors
el2_vectors:
	.rept	8
	ventry	el2_fault		/* current EL */
	.endr
	ventry	trap_sync		/* lower EL, AArch64 */
	ventry	trap_irq
	ventry	trap_fiq
	ventry	el2_fault		/* SError: HCR_EL2.AMO is clear */
	ventry	trap_sync		/* lower EL, AArch32 (a cell's EL0) */
	ventry	trap_irq
	ventry	trap_fiq
	ventry	el2_fault

	/*
	 * The same, for a CPU whose firmware asks for branch-predictor
	 * hardening (SMCCC_ARCH_WORKAROUND_1, set per CPU at enable): every
	 * entry from a cell first has the firmware invalidate the branch
	 * predictor, so that a cell cannot train EL2's branches.  CPUs that
	 * need none keep el2_vectors and pay nothing.
	 */
	.align	11
	.globl el2_vectors_hardened
el2_vectors_hardened:
	.rept	8
	ventry	el2_fault		/* current EL */
	.endr
	ventry	hardened_sync		/* lower EL, AArch64 */
	ventry	hardened_irq
	ventry	hardened_fiq
	ventry	el2_fault
	ventry	hardened_sync		/* lower EL, AArch32 */
	ventry	hardened_irq
	ventry	hardened_fiq
	ventry	el2_fault

	.align	11
bootstrap_vectors:
	.rept	8
	ventry	bootstrap_vectors
	.endr
	ventry	el2_bootstrap		/* lower EL, AArch64, synchronous */
	.rept	7
	ventry	bootstrap_vectors
	.endr

	/*
	 * save_frame and restore_frame_and_return keep x0-x30 in 16 pairs
	 * of slots from the frame's start: struct trap_frame's x[].
	 */
	.if	FRAME_X0 != 0 || FRAME_X30 != 30 * 8 || FRAME_SIZE != 16 * 16
	.error	"entry.S: the saved registers differ from struct trap_frame"
	.endif

	/* x4-x15, which C code may clobber, in their frame slots */
	.macro save_x4_x15
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	.endm

	.macro restore_x4_x15
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	.endm

	/* the frame but x16 and x17, which trap_sync saved first */
	.macro save_frame_rest
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	save_x4_x15
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	str	x30, [sp, #16 * 15]
	.endm

	.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x16, x17, [sp, #16 * 8]
	save_frame_rest
	.endm

	.macro restore_frame_and_return
	ldp	x2, x3, [sp, #16 * 1]
	restore_x4_x15
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #16 * 15]
	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #FRAME_SIZE
	eret
	.endm

	/*
	 * The short path: HYPERVISOR_GET_INFO and CPU_GET_INFO, the
	 * hypercalls a running cell (or the driver's sysfs) makes often, need
	 * no full trap frame.  Only the registers C code may clobber are
	 * saved (x1-x3 the hypercall ABI lets the hypervisor clobber), and
	 * nothing else runs: a stop request or an interrupt to inject comes
	 * with the hypervisor's SGI, taken as soon as this returns.  Anything
	 * else, a hypercall of another code included, goes the long way,
	 * which pays two instructions for the test (EC bit 5 sends aborts,
	 * the common MMIO traps, straight on).
	 */
trap_sync:
	sub	sp, sp, #FRAME_SIZE
	stp	x16, x17, [sp, #16 * 8]
	mrs	x16, esr_el2
	tbnz	w16, #31, long_sync
	mov	w17, #(HVC_HYPERCALL_ESR & 0xffff)
	movk	w17, #(HVC_HYPERCALL_ESR >> 16), lsl #16
	cmp	w16, w17
	b.ne	long_sync
	cmp	x0, #HC_HYPERVISOR_GET_INFO
	b.eq	short_hypercall
	cmp	x0, #HC_CPU_GET_INFO
	b.ne	long_sync
short_hypercall:
	save_x4_x15
	stp	x18, x30, [sp, #16 * 9]	/* no frame: any free slot */
	bl	arch_short_hypercall
	restore_x4_x15
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x30, [sp, #16 * 9]
	add	sp, sp, #FRAME_SIZE
	eret

long_sync:
	save_frame_rest
	mov	x0, sp
	bl	arch_handle_sync
	cbnz	x0, leave_hypervisor
	restore_frame_and_return

trap_irq:
	save_frame
	mov	x0, sp
	bl	arch_handle_irq
	restore_frame_and_return

	/* SMCCC_ARCH_WORKAROUND_1 may use x0-x3: they are kept */
	.macro harden_then target
	stp	x0, x1, [sp, #-32]!
	stp	x2, x3, [sp, #16]
	mov	w0, #(SMCCC_ARCH_WORKAROUND_1 & 0xffff)
	movk	w0, #(SMCCC_ARCH_WORKAROUND_1 >> 16), lsl #16
	smc	#0
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	b	\target
	.endm

hardened_sync:
	harden_then trap_sync
hardened_irq:
	harden_then trap_irq
hardened_fiq:
	harden_then trap_fiq

trap_fiq:
	save_frame
	mov	x0, sp
	bl	arch_handle_fiq
	restore_frame_and_return

/*
 * Disable: the C code has restored Linux's EL2 set-up and written the
 * frame back to memory; turn the MMU off and return to EL1.
 */
leave_hypervisor:
	mrs	x0, sctlr_el2
	bic	x0, x0, #SCTLR_M
	bic	x0, x0, #SCTLR_C
	bic	x0, x0, #SCTLR_I
	msr	sctlr_el2, x0
	isb
	tlbi	alle2
	dsb	sy
	isb
	restore_frame_and_return

el2_fault:
	mov	x0, sp
	bl	arch_handle_el2_fault
1:	wfi
	b	1b

	.ltorg

	.bss
	.align	12
bootstrap_l0:
	.space	4096
bootstrap_l1:
	.space	4096
