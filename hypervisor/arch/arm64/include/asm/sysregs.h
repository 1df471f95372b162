/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 system registers and the bits the hypervisor uses.
 */
#ifndef _JAILHOUSE_ASM_SYSREGS_H
#define _JAILHOUSE_ASM_SYSREGS_H

#ifdef __ASSEMBLY__
#define _UL(x)			x
#else
#define _UL(x)			x##UL
#endif

#define SCTLR_M			(_UL(1) << 0)
#define SCTLR_C			(_UL(1) << 2)
#define SCTLR_I			(_UL(1) << 12)
#define SCTLR_EL2_RES1		_UL(0x30c50830)

/* HCR_EL2 of a partitioning hypervisor (abi-facts §7.4) */
#define HCR_VM			(_UL(1) << 0)
#define HCR_FMO			(_UL(1) << 3)
#define HCR_IMO			(_UL(1) << 4)
#define HCR_TSC			(_UL(1) << 19)
#define HCR_TIDCP		(_UL(1) << 20)
#define HCR_TAC			(_UL(1) << 21)
#define HCR_RW			(_UL(1) << 31)

/* TCR_EL2: 48-bit VA, 4 KiB granule, inner/outer WB-WA, inner shareable */
#define TCR_EL2_RES1		((_UL(1) << 31) | (_UL(1) << 23))
#define TCR_T0SZ(bits)		(64 - (bits))
#define TCR_IRGN0_WBWA		(_UL(1) << 8)
#define TCR_ORGN0_WBWA		(_UL(1) << 10)
#define TCR_SH0_INNER		(_UL(3) << 12)
#define TCR_PS_SHIFT		16

/* VTCR_EL2 */
#define VTCR_RES1		(_UL(1) << 31)
#define VTCR_SL0_L0		(_UL(2) << 6)
#define VTCR_IRGN0_WBWA		(_UL(1) << 8)
#define VTCR_ORGN0_WBWA		(_UL(1) << 10)
#define VTCR_SH0_INNER		(_UL(3) << 12)
#define VTCR_PS_SHIFT		16

/* MAIR: 0 normal WB RA/WA, 1 device-nGnRE, 2 normal non-cacheable */
#define MAIR_EL2_VALUE		_UL(0x00000000004404ff)
#define MAIR_IDX_NORMAL		0
#define MAIR_IDX_DEVICE		1

#define ESR_EC(esr)		(((esr) >> 26) & 0x3f)
#define ESR_IL			(_UL(1) << 25)
#define ESR_ISS(esr)		((esr) & 0x1ffffff)

#define EC_WFX			0x01
#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define EC_SYS64		0x18
#define EC_IABT_LOW		0x20
#define EC_DABT_LOW		0x24

#define SPSR_EL1H_MASKED	_UL(0x3c5)
#define SCTLR_EL1_RES1		_UL(0x30d00800)
#define CPACR_EL1_FPEN		(_UL(3) << 20)

#define MPIDR_AFF_MASK		_UL(0xff00ffffff)

/* SMCCC calls the hypervisor makes itself or knows (entry.S too) */
#define SMCCC_VERSION		0x80000000
#define SMCCC_ARCH_FEATURES	0x80000001
#define SMCCC_ARCH_WORKAROUND_1	0x80008000

/* CPTR_EL2 (HCR_EL2.E2H 0): no trap but SVE/SME where not implemented */
#define CPTR_EL2_RES1		_UL(0x000032ff)
#define CPTR_EL2_TZ		(_UL(1) << 8)
#define CPTR_EL2_TSM		(_UL(1) << 12)
/* CNTHCTL_EL2: EL1 reaches the physical counter and timer */
#define CNTHCTL_EL1PCTEN	(_UL(1) << 0)
#define CNTHCTL_EL1PCEN		(_UL(1) << 1)
/* PMCR_EL0: event counter and cycle counter reset, N */
#define PMCR_P			(_UL(1) << 1)
#define PMCR_C			(_UL(1) << 2)
#define PMCR_N(pmcr)		(((pmcr) >> 11) & 0x1f)
/* ID register fields */
#define ID_PFR0_SVE(pfr0)	(((pfr0) >> 32) & 0xf)
#define ID_PFR1_SME(pfr1)	(((pfr1) >> 24) & 0xf)
#define ID_DFR0_PMUVER(dfr0)	(((dfr0) >> 8) & 0xf)
#define ID_DFR0_BRPS(dfr0)	((((dfr0) >> 12) & 0xf) + 1)
#define ID_DFR0_WRPS(dfr0)	((((dfr0) >> 20) & 0xf) + 1)

#ifndef __ASSEMBLY__
#define read_sysreg(reg) ({						\
	unsigned long __val;						\
	asm volatile("mrs %0, " #reg : "=r" (__val));			\
	__val;								\
})

#define write_sysreg(reg, val)						\
	asm volatile("msr " #reg ", %0" : : "r" ((unsigned long)(val)))

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_SYSREGS_H */
