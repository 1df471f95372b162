// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile cell: one attack per life cycle, chosen with attack=NAME
 * (tests/system/hostile-suite.sh runs them all; the threat model and the
 * expected outcome of each are in Documentation/isolation.md).
 *
 * The cell reports in a page it shares with the root cell, at RESULT
 * (its last 4 KiB of RAM, ROOTSHARED in qemu-hostile-cell.c): MAGIC, the
 * phase (1 attack begun, 2 the attack returned and the cell survived,
 * 3 the attack spins for good, 4 the cell saw something it must not),
 * the offending value, and a heartbeat that spinning attacks count up.
 * The root decides from that, the cell's state and its own health
 * whether the hypervisor held.
 *
 * Runs with the MMU off (the suite passes mmu=off): every access below is
 * exactly the instruction written, with the width written.
 */
#include <inmate.h>
#include <jailhouse/gic-v3-regs.h>
#include <jailhouse/ivshmem-regs.h>
#include <lib.h>	/* secondary_entry, for the CPU_ON race */

#define RESULT		0xff000UL
#define MAGIC		0x4853544cU	/* "HSTL" */
#define PHASE_BEGUN	1
#define PHASE_SURVIVED	2
#define PHASE_SPINNING	3
#define PHASE_WRONG	4

/* the QEMU bench (configs/arm64/qemu-arm64.h, qemu-hostile-cell.c) */
#define ROOT_RAM	0x40000000UL
#define HV_RAM		0x7fc00000UL
#define WITNESS_RAM	0x7f000000UL
#define OWN_RAM_PHYS	0x7f100000UL
#define IVSHMEM_STATE	0x7fa00000UL
#define IVSHMEM_OUT0	0x7fa0a000UL	/* peer 0's (the root's) output */
#define IVSHMEM_RW	0x7fa01000UL
#define ROOT_UART_INTID	33
#define OWN_SPI		40
#define SIBLING_MPIDR	3
#define ROOT_MPIDR	0
#define GICR_STRIDE	0x20000UL
#define PSCI_CPU_OFF	0x84000002UL
#define PSCI_CPU_ON	0xc4000003UL
#define PSCI_CPU_ON_32	0x84000003UL
#define PSCI_AFFINITY	0xc4000004UL
#define PSCI_SUSPEND	0xc4000001UL
#define PSCI_SYS_OFF	0x84000008UL
#define PSCI_SYS_RESET	0x84000009UL
#define EPERM		1
#define ENOSYS		38

static unsigned long gicd, gicr;

static void result_write(unsigned int offset, u32 value)
{
	mmio_write32(RESULT + offset, value);
}

static void phase(u32 value)
{
	result_write(4, value);
}

/* The cell saw what it must not: another owner's state, a wrong answer. */
static void wrong(u64 value)
{
	result_write(8, (u32)value);
	result_write(16, (u32)(value >> 32));
	phase(PHASE_WRONG);
	printk("hostile: saw 0x%llx\n", value);
	halt();
}

static void expect(bool ok, u64 value)
{
	if (!ok)
		wrong(value);
}

static void heartbeat(void)
{
	static u32 beats;

	result_write(12, ++beats);
}

#define spin_forever(body)						\
	do {								\
		phase(PHASE_SPINNING);					\
		for (;;) {						\
			body;						\
			heartbeat();					\
		}							\
	} while (0)

static u32 bit_of(unsigned int intid)
{
	return 1U << (intid % 32);
}

static unsigned long gicd_word(unsigned long reg, unsigned int intid,
			       unsigned int bits)
{
	return gicd + reg + intid * bits / 32 / 8 * 4;
}

/* ---- memory ---- */

static void write_at(unsigned long addr)
{
	mmio_write32(addr, 0xdeadbeef);
}

static void mem_root_write(void) { write_at(ROOT_RAM); }
static void mem_root_read(void) { mmio_read32(ROOT_RAM + 0x1000); }
static void mem_hypervisor(void) { write_at(HV_RAM); }
static void mem_witness(void) { write_at(WITNESS_RAM + 0x20000); }
static void mem_own_phys(void) { write_at(OWN_RAM_PHYS); }
static void mem_high(void) { write_at(0xfffffff000UL); }
static void mem_ivshmem_state(void) { write_at(IVSHMEM_STATE); }
static void mem_ivshmem_out0(void) { write_at(IVSHMEM_OUT0); }

static void mem_exec_outside(void)
{
	((void (*)(void))ROOT_RAM)();
}

/* DC ZVA of a whole block outside: no syndrome, a line at once */
static void mem_dc_zva(void)
{
	asm volatile("dc zva, %0" : : "r" (ROOT_RAM) : "memory");
}

/* ---- accesses with no syndrome or the wrong shape ---- */

static void ldp_gicd(void)
{
	u64 a, b;

	asm volatile("ldp %0, %1, [%2]" : "=r" (a), "=r" (b) : "r" (gicd)
		     : "memory");
}

static void writeback_gicd(void)
{
	unsigned long addr = gicd + GICD_ISENABLER + 4;

	asm volatile("str %w1, [%0], #4" : "+r" (addr) : "r" (0U)
		     : "memory");
}

static void byte_gicd_ctlr(void)
{
	asm volatile("strb %w0, [%1]" : : "r" (0U), "r" (gicd) : "memory");
}

static void misaligned_gicd(void)
{
	u32 v;

	asm volatile("ldr %w0, [%1]" : "=r" (v) : "r" (gicd + GICD_TYPER + 1)
		     : "memory");
}

static void wide_isenabler(void)
{
	mmio_write64(gicd + GICD_ISENABLER + 4, ~0UL);
}

/* ---- the distributor state of an interrupt the root owns ---- */

static void foreign_bitwise(unsigned long reg)
{
	unsigned long word = gicd_word(reg, ROOT_UART_INTID, 1);

	mmio_write32(word, bit_of(ROOT_UART_INTID));
}

static void gicd_set_enable(void) { foreign_bitwise(GICD_ISENABLER); }
static void gicd_clear_enable(void) { foreign_bitwise(GICD_ICENABLER); }
static void gicd_set_pending(void) { foreign_bitwise(GICD_ISPENDR); }
static void gicd_clear_pending(void) { foreign_bitwise(GICD_ICPENDR); }
static void gicd_set_active(void) { foreign_bitwise(GICD_ISACTIVER); }
static void gicd_clear_active(void) { foreign_bitwise(GICD_ICACTIVER); }

static void gicd_group(void)
{
	mmio_write32(gicd_word(GICD_IGROUPR, ROOT_UART_INTID, 1), 0);
}

static void gicd_priority(void)
{
	asm volatile("strb %w0, [%1]" : : "r" (0xffU),
		     "r" (gicd + GICD_IPRIORITYR + ROOT_UART_INTID)
		     : "memory");
}

static void gicd_config(void)
{
	mmio_write32(gicd_word(GICD_ICFGR, ROOT_UART_INTID, 2), ~0U);
}

static void gicd_route(void)
{
	mmio_write64(gicd + GICD_IROUTER + ROOT_UART_INTID * 8,
		     SIBLING_MPIDR);
}

/* the upper half of the own SPI's route: any CPU (IRM) or Aff3 */
static void gicd_route_upper(void)
{
	unsigned long irouter = gicd + GICD_IROUTER + OWN_SPI * 8;
	u64 route;

	mmio_write32(irouter + 4, 0xff);
	mmio_write64(irouter, 1UL << 31);
	route = mmio_read64(irouter);
	expect(!(route & 0xff80000000UL), route);
}

static void gicd_ctlr_off(void)
{
	mmio_write32(gicd + GICD_CTLR, 0);
}

/* a foreign interrupt's state reads as nothing */
static void gicd_read_foreign(void)
{
	u32 enabled = mmio_read32(gicd_word(GICD_ISENABLER, ROOT_UART_INTID,
					    1));
	u32 prio = mmio_read32(gicd + GICD_IPRIORITYR +
			       (ROOT_UART_INTID & ~3U));
	u64 route = mmio_read64(gicd + GICD_IROUTER + ROOT_UART_INTID * 8);

	expect(!(enabled & bit_of(ROOT_UART_INTID)), enabled);
	expect(!(prio >> (ROOT_UART_INTID % 4 * 8) & 0xff), prio);
	expect(!route, route);
}

static void gicd_sweep_write(void)
{
	unsigned long off;

	for (off = 0; off < 0x10000; off += 4)
		mmio_write32(gicd + off, ~0U);
}

static void gicd_sweep_read(void)
{
	unsigned long off;

	for (off = 0; off < 0x10000; off += 4)
		mmio_read32(gicd + off);
}

static void gicd_storm(void)
{
	spin_forever(mmio_write32(gicd_word(GICD_ISENABLER, OWN_SPI, 1),
				  bit_of(OWN_SPI)));
}

/* ---- redistributors ---- */

static unsigned long gicr_of(unsigned int cpu)
{
	return comm_region->gicr_base + cpu * GICR_STRIDE;
}

/* another CPU's frames: GICR_TYPER finds it, its state reads as 0 */
static void gicr_foreign_read(void)
{
	unsigned long sgi_frame = gicr_of(ROOT_MPIDR) + GICR_SGI_BASE;
	u32 enabled = mmio_read32(sgi_frame + GICR_ISENABLER0);
	u32 prio = mmio_read32(sgi_frame + GICR_IPRIORITYR + 24);
	u64 typer = mmio_read64(gicr_of(ROOT_MPIDR) + GICR_TYPER);

	expect(!enabled, enabled);
	expect(!prio, prio);
	expect(typer >> 32 == ROOT_MPIDR, typer);
}

static void gicr_foreign_sgi(void)
{
	unsigned long sgi_frame = gicr_of(ROOT_MPIDR) + GICR_SGI_BASE;

	mmio_write32(sgi_frame + GICR_ICENABLER0, ~0U);
	mmio_write32(sgi_frame + GICR_IPRIORITYR, ~0U);
	mmio_write32(gicr_of(ROOT_MPIDR) + GICR_WAKER, 2);
}

/* SGI 0 is the hypervisor's kick: a priority that masks it */
static void gicr_sgi0_priority(void)
{
	mmio_write32(gicr + GICR_SGI_BASE + GICR_IPRIORITYR, ~0U);
	spin_forever();
}

static void gicr_waker(void)
{
	/* virtual: the cell sees it asleep, the CPU's next owner does not */
	mmio_write32(gicr + GICR_WAKER, 2);
}

static void gicr_propbaser(void)
{
	mmio_write64(gicr + GICR_PROPBASER, ROOT_RAM | 0xf);
}

static void gicr_pendbaser(void)
{
	mmio_write64(gicr + GICR_PENDBASER, ROOT_RAM);
}

static void gicr_byte_enable(void)
{
	asm volatile("strb %w0, [%1]" : : "r" (0xffU),
		     "r" (gicr + GICR_SGI_BASE + GICR_ICENABLER0) : "memory");
}

static void gicr_sweep(void)
{
	unsigned long off;

	for (off = GICR_SGI_BASE + 0x80; off < GICR_SGI_BASE + 0x1000;
	     off += 4)
		mmio_write32(gicr + off, ~0U);
}

/* ---- SGIs ---- */

static void sgi(u64 value)
{
	write_sysreg(icc_sgi1r_el1, value);
	isb();
}

/* ICC_SGI1R_EL1: target list 15:0, Aff1 23:16, INTID 27:24, IRM 40 */
static void sgi_root(void) { sgi((7UL << 24) | (1U << ROOT_MPIDR)); }
static void sgi_all_targets(void) { sgi((7UL << 24) | 0xffff); }
static void sgi_broadcast(void) { sgi((7UL << 24) | (1UL << 40)); }
static void sgi_aff1(void) { sgi((1UL << 16) | (7UL << 24) | 1); }
static void sgi_kick_sibling(void) { sgi(1U << SIBLING_MPIDR); }

static void sgi_storm(void)
{
	spin_forever(sgi((7UL << 24) | (1UL << 40)));
}

/* ---- PSCI ---- */

static void sibling_off(unsigned int cpu)
{
	(void)cpu;
	smc_call(PSCI_CPU_OFF, 0, 0, 0);
}

static void psci_on_foreign(void)
{
	long ret = smc_call(PSCI_CPU_ON, ROOT_MPIDR, 0, 0);

	expect(ret == PSCI_DENIED || ret == PSCI_INVALID_PARAMS, ret);
	ret = smc_call(PSCI_CPU_ON_32, 4, 0, 0);
	expect(ret == PSCI_DENIED || ret == PSCI_INVALID_PARAMS, ret);
}

static void psci_on_self(void)
{
	long ret = smc_call(PSCI_CPU_ON, this_cpu_mpidr(), 0, 0);

	expect(ret == PSCI_ALREADY_ON, ret);
}

static void psci_on_bad_entry(void)
{
	smc_call(PSCI_CPU_ON, SIBLING_MPIDR, ROOT_RAM, 0);
	delay_us(100000);
}

static void psci_affinity_foreign(void)
{
	long ret = smc_call(PSCI_AFFINITY, ROOT_MPIDR, 0, 0);

	expect(ret == PSCI_INVALID_PARAMS, ret);
}

static void psci_off(void)
{
	smc_call(PSCI_CPU_OFF, 0, 0, 0);
}

/* an interrupt always pending, masked: every CPU_SUSPEND returns at once */
static void psci_suspend_storm(void)
{
	gic_init();
	write_sysreg(cntv_cval_el0, 0);
	write_sysreg(cntv_ctl_el0, 1);
	gic_enable_irq(TIMER_IRQ);
	spin_forever(smc_call(PSCI_SUSPEND, 0, 0, 0));
}

/* the sibling is switched off and on again, as fast as it goes */
static void psci_on_off_race(void)
{
	int slot = smp_start_cpu(SIBLING_MPIDR, sibling_off);

	if (slot < 0)
		wrong(slot);
	spin_forever(psci_cpu_on(SIBLING_MPIDR, (unsigned long)secondary_entry,
				 slot));
}

static void psci_system_off(void) { smc_call(PSCI_SYS_OFF, 0, 0, 0); }
static void psci_system_reset(void) { smc_call(PSCI_SYS_RESET, 0, 0, 0); }

static void psci_unknown(void)
{
	long ret = smc_call(0x8400001fUL, 0, 0, 0);

	expect(ret == PSCI_NOT_SUPPORTED, ret);
}

/* ---- SMC, HVC, hypercalls ---- */

static void smc_sip64(void) { smc_call(0xc2000001UL, 0, 0, 0); }
static void smc_sip32(void) { smc_call(0x82000001UL, 0, 0, 0); }
static void smc_oem(void) { smc_call(0x83000000UL, 0, 0, 0); }

static void smc_refused(unsigned long id)
{
	long ret = smc_call(id, 0, 0, 0);

	expect(ret == PSCI_NOT_SUPPORTED, ret);
}

static void smc_standard(void) { smc_refused(0x84000100UL); }
static void smc_trusted_os(void) { smc_refused(0xbf00ff01UL); }
static void smc_hypervisor(void) { smc_refused(0xc6000000UL); }

static void smc_flood(void)
{
	unsigned long n = 0;

	spin_forever(smc_call(0x84000100UL + (n++ & 0xff), 0, 0, 0));
}

static void hvc_other(void)
{
	asm volatile("hvc #1" : : : "x0", "x1", "x2", "x3", "memory");
}

static void hypercall_denied(void)
{
	long ret = jailhouse_call(JAILHOUSE_HC_DISABLE);

	expect(ret == -EPERM, ret);
	ret = jailhouse_call_arg2(JAILHOUSE_HC_CELL_CREATE, ROOT_RAM, 0);
	expect(ret == -EPERM, ret);
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_DESTROY, 0);
	expect(ret == -EPERM, ret);
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_SET_LOADABLE, 1);
	expect(ret == -EPERM, ret);
	ret = jailhouse_call_arg1(JAILHOUSE_HC_CELL_START, 1);
	expect(ret == -EPERM, ret);
}

static void hypercall_unknown(void)
{
	long ret = jailhouse_call_arg2(0x4242, ~0UL, ~0UL);

	expect(ret == -ENOSYS, ret);
}

static void hypercall_info_garbage(void)
{
	long ret = jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, ~0UL,
				       ~0UL);

	expect(ret < 0, ret);
}

static void hypercall_storm(void)
{
	spin_forever(jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
					 0));
}

static void console_flood(void)
{
	/* NUL: the hypervisor's console lock, not the log's lines */
	spin_forever(jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 0));
}

/* ---- system registers, timer, PMU, caches ---- */

static void sysreg_actlr(void)
{
	u64 actlr;

	write_sysreg(actlr_el1, ~0UL);
	actlr = read_sysreg(actlr_el1);
	expect(!actlr, actlr);
}

/*
 * L2CTLR_EL1 of the Cortex-A57: trapped on hardware (HCR_EL2.TIDCP), reads
 * 0; QEMU does not trap it and has it read-only.  Either way the write
 * must not stick.
 */
static void sysreg_impdef(void)
{
	u64 before = read_sysreg(s3_1_c11_c0_2), after;

	write_sysreg(s3_1_c11_c0_2, ~before);
	after = read_sysreg(s3_1_c11_c0_2);
	expect(after == before, after);
}

static void timer_storm(void)
{
	gic_init();
	write_sysreg(cntv_cval_el0, 0);
	write_sysreg(cntv_ctl_el0, 1);
	gic_enable_irq(TIMER_IRQ);
	irq_enable();
	spin_forever();
}

#define PMU_IRQ		23

static void pmu_storm(void)
{
	gic_init();
	gic_enable_irq(PMU_IRQ);
	write_sysreg(pmcr_el0, 7);
	write_sysreg(pmintenset_el1, 1UL << 31);
	write_sysreg(pmevtyper0_el0, 0x11);
	write_sysreg(pmccntr_el0, ~0UL);
	write_sysreg(pmcntenset_el0, 1UL << 31);
	spin_forever(write_sysreg(pmccntr_el0, ~0UL));
}

static void dc_set_way(void)
{
	unsigned long way;

	for (way = 0; way < 0x1000; way += 0x40)
		asm volatile("dc cisw, %0" : : "r" (way) : "memory");
}

static void masked_spin(void)
{
	asm volatile("msr daifset, #0xf" : : : "memory");
	spin_forever();
}

/* asleep for good, with every interrupt masked: "quiet" */
static void masked_wfi(void)
{
	asm volatile("msr daifset, #0xf" : : : "memory");
	for (;;)
		wfi();
}

/* ---- IVSHMEM and the virtual PCI host ---- */

static int ivshmem_bdf(void)
{
	int bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID, 0);

	if (bdf < 0)
		wrong(0x1dead);
	return bdf;
}

static void pci_sweep(void)
{
	unsigned int reg, bdf;

	for (bdf = 0; bdf < 0x100; bdf += 8)
		for (reg = 0; reg < 0x100; reg += 4)
			pci_write_config(bdf, reg, ~0U);
}

static unsigned long bar0(int bdf)
{
	return pci_read_config(bdf, 0x10) & ~0xfUL;
}

static void pci_bar_on_root(void)
{
	int bdf = ivshmem_bdf();

	pci_write_config(bdf, 0x10, ROOT_RAM);
	pci_write_config(bdf, 4, 2);
	mmio_read32(ROOT_RAM);
}

/* The device's registers (BAR 0), placed in the BAR window if need be. */
static unsigned long ivshmem_regs(void)
{
	int bdf = ivshmem_bdf();

	if (!bar0(bdf))
		pci_write_config(bdf, 0x10, 0x0c100000UL);
	pci_write_config(bdf, 4, 2);
	return bar0(bdf);
}

static void ivshmem_doorbell_storm(void)
{
	unsigned long regs = ivshmem_regs();

	spin_forever(mmio_write32(regs + 12, 0));
}

static void ivshmem_doorbell_bad(void)
{
	unsigned long regs = ivshmem_regs();

	mmio_write32(regs + 12, 0xffff0000U);
	mmio_write32(regs + 12, 0x0007ffffU);
	mmio_write32(regs + 8, ~0U);	/* state */
	mmio_write32(regs + 4, ~0U);	/* interrupt control */
}

static void ivshmem_rw_section(void)
{
	/* shared read/write: allowed, and not outside the cell */
	u32 value;

	mmio_write32(IVSHMEM_RW, 0x1234);
	value = mmio_read32(IVSHMEM_RW);
	expect(value == 0x1234, value);
}

/*
 * The shared PL011 switched off (UARTCR), then work for the hypervisor's
 * console: its output must not wait for the UART without bound.  The
 * root cell switches it on again afterwards.
 */
static void uart_disable(void)
{
	unsigned int n;

	mmio_write32(0x09000030UL, 0);
	foreign_bitwise(GICD_ISENABLER);
	for (n = 0; n < 200; n++)
		jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 0);
}

/* ---- management ---- */

static void comm_deny(void)
{
	/* two denials, then it lets go: the suite's destroy tries three times */
	comm_region_deny_shutdowns(2);
	spin_forever(comm_region_poll());
}

static void comm_garbage(void)
{
	mmio_write32((unsigned long)&comm_region->cell_state, 0x5a5a5a5a);
	mmio_write32((unsigned long)&comm_region->reply_from_cell, ~0U);
	spin_forever();
}

static void sibling_spin(unsigned int cpu)
{
	(void)cpu;
	asm volatile("msr daifset, #0xf" : : : "memory");
	for (;;)
		;
}

static void both_cpus_spin(void)
{
	smp_start_cpu(SIBLING_MPIDR, sibling_spin);
	masked_spin();
}

static void sibling_kick_storm(unsigned int cpu)
{
	(void)cpu;
	for (;;)
		sgi(1U << 2);
}

static void kick_storm_both(void)
{
	smp_start_cpu(SIBLING_MPIDR, sibling_kick_storm);
	sgi_storm();
}

static void sibling_started_off(void)
{
	smp_start_cpu(SIBLING_MPIDR, sibling_off);
	delay_us(10000);
}

struct attack {
	const char *name;
	void (*run)(void);
};

static const struct attack attacks[] = {
	{ "mem-root-write", mem_root_write },
	{ "mem-root-read", mem_root_read },
	{ "mem-hypervisor", mem_hypervisor },
	{ "mem-witness", mem_witness },
	{ "mem-own-phys", mem_own_phys },
	{ "mem-high", mem_high },
	{ "mem-ivshmem-state", mem_ivshmem_state },
	{ "mem-ivshmem-out0", mem_ivshmem_out0 },
	{ "mem-exec-outside", mem_exec_outside },
	{ "mem-dc-zva", mem_dc_zva },
	{ "ldp-gicd", ldp_gicd },
	{ "writeback-gicd", writeback_gicd },
	{ "byte-gicd-ctlr", byte_gicd_ctlr },
	{ "misaligned-gicd", misaligned_gicd },
	{ "wide-isenabler", wide_isenabler },
	{ "gicd-set-enable", gicd_set_enable },
	{ "gicd-clear-enable", gicd_clear_enable },
	{ "gicd-set-pending", gicd_set_pending },
	{ "gicd-clear-pending", gicd_clear_pending },
	{ "gicd-set-active", gicd_set_active },
	{ "gicd-clear-active", gicd_clear_active },
	{ "gicd-group", gicd_group },
	{ "gicd-priority", gicd_priority },
	{ "gicd-config", gicd_config },
	{ "gicd-route", gicd_route },
	{ "gicd-route-upper", gicd_route_upper },
	{ "gicd-ctlr-off", gicd_ctlr_off },
	{ "gicd-read-foreign", gicd_read_foreign },
	{ "gicd-sweep-write", gicd_sweep_write },
	{ "gicd-sweep-read", gicd_sweep_read },
	{ "gicd-storm", gicd_storm },
	{ "gicr-foreign-read", gicr_foreign_read },
	{ "gicr-foreign-sgi", gicr_foreign_sgi },
	{ "gicr-sgi0-priority", gicr_sgi0_priority },
	{ "gicr-waker", gicr_waker },
	{ "gicr-propbaser", gicr_propbaser },
	{ "gicr-pendbaser", gicr_pendbaser },
	{ "gicr-byte-enable", gicr_byte_enable },
	{ "gicr-sweep", gicr_sweep },
	{ "sgi-root", sgi_root },
	{ "sgi-all-targets", sgi_all_targets },
	{ "sgi-broadcast", sgi_broadcast },
	{ "sgi-aff1", sgi_aff1 },
	{ "sgi-kick-sibling", sgi_kick_sibling },
	{ "sgi-storm", sgi_storm },
	{ "psci-on-foreign", psci_on_foreign },
	{ "psci-on-self", psci_on_self },
	{ "psci-on-bad-entry", psci_on_bad_entry },
	{ "psci-affinity-foreign", psci_affinity_foreign },
	{ "psci-off", psci_off },
	{ "psci-suspend-storm", psci_suspend_storm },
	{ "psci-on-off-race", psci_on_off_race },
	{ "psci-system-off", psci_system_off },
	{ "psci-system-reset", psci_system_reset },
	{ "psci-unknown", psci_unknown },
	{ "smc-sip64", smc_sip64 },
	{ "smc-sip32", smc_sip32 },
	{ "smc-oem", smc_oem },
	{ "smc-standard", smc_standard },
	{ "smc-trusted-os", smc_trusted_os },
	{ "smc-hypervisor", smc_hypervisor },
	{ "smc-flood", smc_flood },
	{ "hvc-other", hvc_other },
	{ "hypercall-denied", hypercall_denied },
	{ "hypercall-unknown", hypercall_unknown },
	{ "hypercall-info-garbage", hypercall_info_garbage },
	{ "hypercall-storm", hypercall_storm },
	{ "console-flood", console_flood },
	{ "sysreg-actlr", sysreg_actlr },
	{ "sysreg-impdef", sysreg_impdef },
	{ "timer-storm", timer_storm },
	{ "pmu-storm", pmu_storm },
	{ "dc-set-way", dc_set_way },
	{ "masked-spin", masked_spin },
	{ "masked-wfi", masked_wfi },
	{ "pci-sweep", pci_sweep },
	{ "pci-bar-on-root", pci_bar_on_root },
	{ "ivshmem-doorbell-storm", ivshmem_doorbell_storm },
	{ "ivshmem-doorbell-bad", ivshmem_doorbell_bad },
	{ "ivshmem-rw-section", ivshmem_rw_section },
	{ "uart-disable", uart_disable },
	{ "comm-deny", comm_deny },
	{ "comm-garbage", comm_garbage },
	{ "both-cpus-spin", both_cpus_spin },
	{ "kick-storm-both", kick_storm_both },
	{ "sibling-started-off", sibling_started_off },
};

void inmate_main(void)
{
	char name[40];
	unsigned int n;

	gicd = comm_region->gicd_base;
	gicr = gicr_of(MPIDR_AFF0(this_cpu_mpidr()));
	cmdline_parse_str("attack", name, sizeof(name), "");
	result_write(4, 0);
	result_write(8, 0);
	result_write(12, 0);
	result_write(16, 0);
	result_write(0, MAGIC);
	for (n = 0; n < ARRAY_SIZE(attacks); n++) {
		if (strcmp(attacks[n].name, name))
			continue;
		printk("hostile: %s\n", name);
		phase(PHASE_BEGUN);
		attacks[n].run();
		phase(PHASE_SURVIVED);
		printk("hostile: %s survived\n", name);
		return;
	}
	printk("hostile: no attack '%s'\n", name);
	wrong(0);
}
