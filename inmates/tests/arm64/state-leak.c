// SPDX-License-Identifier: GPL-2.0
/*
 * What a CPU's previous owner leaves in it.  With "mode=dirty" the inmate
 * fills what a cell can leave behind: FP/SIMD registers and FPCR, timer
 * deadlines, PMU counters and selection, a breakpoint and a watchpoint
 * value; with "mode=check" it reads them back on the same CPU in a new
 * cell and says, for each, whether anything of an earlier owner (the
 * dirty cell, or root Linux that ran on the CPU meanwhile) is still
 * there.  Both read an IMPLEMENTATION DEFINED register (L2CTLR_EL1 of the
 * Cortex-A57) and ACTLR_EL1, which a cell may not see.
 */
#include <inmate.h>

#define PATTERN		0x5a5a5a5a00c0ffeeUL

static void fill_fp(unsigned long value)
{
	asm volatile(".arch_extension fp\n.arch_extension simd\n"
		     "dup v0.2d, %0\n  dup v1.2d, %0\n  dup v2.2d, %0\n"
		     "dup v3.2d, %0\n  dup v4.2d, %0\n  dup v5.2d, %0\n"
		     "dup v6.2d, %0\n  dup v7.2d, %0\n  dup v8.2d, %0\n"
		     "dup v9.2d, %0\n  dup v10.2d, %0\n dup v11.2d, %0\n"
		     "dup v12.2d, %0\n dup v13.2d, %0\n dup v14.2d, %0\n"
		     "dup v15.2d, %0\n dup v16.2d, %0\n dup v17.2d, %0\n"
		     "dup v18.2d, %0\n dup v19.2d, %0\n dup v20.2d, %0\n"
		     "dup v21.2d, %0\n dup v22.2d, %0\n dup v23.2d, %0\n"
		     "dup v24.2d, %0\n dup v25.2d, %0\n dup v26.2d, %0\n"
		     "dup v27.2d, %0\n dup v28.2d, %0\n dup v29.2d, %0\n"
		     "dup v30.2d, %0\n dup v31.2d, %0\n"
		     "msr fpcr, %1\n"
		     : : "r" (value), "r" (0x03000000UL) : "memory");
}

/* Any bit set in v0-v31 or FPCR. */
static unsigned long fp_bits(void)
{
	unsigned long acc, fpcr;

	asm volatile(".arch_extension fp\n.arch_extension simd\n"
		     "orr v0.16b, v0.16b, v1.16b\n"
		     "orr v0.16b, v0.16b, v2.16b\n"
		     "orr v0.16b, v0.16b, v3.16b\n"
		     "orr v0.16b, v0.16b, v4.16b\n"
		     "orr v0.16b, v0.16b, v5.16b\n"
		     "orr v0.16b, v0.16b, v6.16b\n"
		     "orr v0.16b, v0.16b, v7.16b\n"
		     "orr v0.16b, v0.16b, v8.16b\n"
		     "orr v0.16b, v0.16b, v9.16b\n"
		     "orr v0.16b, v0.16b, v10.16b\n"
		     "orr v0.16b, v0.16b, v11.16b\n"
		     "orr v0.16b, v0.16b, v12.16b\n"
		     "orr v0.16b, v0.16b, v13.16b\n"
		     "orr v0.16b, v0.16b, v14.16b\n"
		     "orr v0.16b, v0.16b, v15.16b\n"
		     "orr v0.16b, v0.16b, v16.16b\n"
		     "orr v0.16b, v0.16b, v17.16b\n"
		     "orr v0.16b, v0.16b, v18.16b\n"
		     "orr v0.16b, v0.16b, v19.16b\n"
		     "orr v0.16b, v0.16b, v20.16b\n"
		     "orr v0.16b, v0.16b, v21.16b\n"
		     "orr v0.16b, v0.16b, v22.16b\n"
		     "orr v0.16b, v0.16b, v23.16b\n"
		     "orr v0.16b, v0.16b, v24.16b\n"
		     "orr v0.16b, v0.16b, v25.16b\n"
		     "orr v0.16b, v0.16b, v26.16b\n"
		     "orr v0.16b, v0.16b, v27.16b\n"
		     "orr v0.16b, v0.16b, v28.16b\n"
		     "orr v0.16b, v0.16b, v29.16b\n"
		     "orr v0.16b, v0.16b, v30.16b\n"
		     "orr v0.16b, v0.16b, v31.16b\n"
		     "umov %0, v0.d[0]\n"
		     "umov x9, v0.d[1]\n"
		     "orr %0, %0, x9\n"
		     "mrs %1, fpcr\n"
		     : "=r" (acc), "=r" (fpcr) : : "x9", "memory");
	return acc | fpcr;
}

static void dirty(void)
{
	fill_fp(PATTERN);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(cntv_cval_el0, PATTERN);
	write_sysreg(cntp_cval_el0, PATTERN);
	write_sysreg(pmselr_el0, 1);
	write_sysreg(pmcntenset_el0, 1UL << 31);
	write_sysreg(pmcr_el0, read_sysreg(pmcr_el0) | 1);
	write_sysreg(dbgbvr0_el1, 0x1000);
	write_sysreg(dbgwvr0_el1, 0x2000);
	printk("state-leak: dirty done\n");
}

static const char *clean(bool yes)
{
	return yes ? "yes" : "NO";
}

static void check(void)
{
	printk("state-leak: fp clean: %s\n", clean(!fp_bits()));
	printk("state-leak: timers clean: %s\n",
	       clean(!read_sysreg(cntv_cval_el0) &&
		     !read_sysreg(cntp_cval_el0)));
	printk("state-leak: pmu clean: %s\n",
	       clean(!(read_sysreg(pmcr_el0) & 1) &&
		     !read_sysreg(pmcntenset_el0) &&
		     !read_sysreg(pmselr_el0)));
	printk("state-leak: debug clean: %s\n",
	       clean(!read_sysreg(dbgbvr0_el1) && !read_sysreg(dbgwvr0_el1)));
}

void inmate_main(void)
{
	char mode[16];

	cmdline_parse_str("mode", mode, sizeof(mode), "check");
	if (!strcmp(mode, "dirty"))
		dirty();
	else
		check();
	/* HCR_EL2.TIDCP and TAC: both read as 0 in a cell */
	printk("state-leak: impdef 0x%llx\n", read_sysreg(s3_1_c11_c0_2));
	printk("state-leak: actlr 0x%llx\n", read_sysreg(actlr_el1));
	printk("state-leak: done\n");
}
