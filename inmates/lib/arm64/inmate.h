/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 inmate library: what a bare-metal program in a cell has.
 *
 * The image is linked at 0 and entered at 0 on the cell's first CPU, at
 * EL1 with the MMU and caches off.  The library turns on an identity map
 * (mmu.c: the image and the comm region Normal write-back, everything
 * else Device-nGnRE) unless the command line has "mmu=off", then sets
 * up a stack per CPU, the exception vectors, the console, and calls
 * inmate_main() on that first CPU.  The code works either way: it is
 * built with -mstrict-align and uses no atomic instructions (exclusives
 * need cacheable memory).
 */
#ifndef _INMATE_H
#define _INMATE_H

#define MAX_CPUS		8	/* first CPU + 7 started by smp_* */
#define STACK_SIZE		4096	/* per CPU */
#define CMDLINE_SIZE		256	/* at image offset 0x1000 */
#define COMM_REGION_BASE	0x80000000UL

#define MPIDR_AFF_MASK		0xff00ffffffUL
#define MPIDR_AFF0(mpidr)	((unsigned int)(mpidr) & 0xff)

#define TIMER_IRQ		27	/* EL1 virtual timer, a PPI */

#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMS	(-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)

#ifndef __ASSEMBLY__
#include <jailhouse/types.h>
#include <jailhouse/string.h>
#include <jailhouse/hypercall-arm64.h>

#define read_sysreg(reg) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " #reg : "=r" (__val));			\
	__val;								\
})

#define write_sysreg(reg, val)						\
	asm volatile("msr " #reg ", %0" : : "r" ((u64)(val)))

#define isb()		asm volatile("isb" : : : "memory")
#define dmb(opt)	asm volatile("dmb " #opt : : : "memory")
#define dsb(opt)	asm volatile("dsb " #opt : : : "memory")
#define wfi()		asm volatile("wfi" : : : "memory")

static inline void irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

/*
 * Device registers, one plain load or store each: an access the
 * hypervisor emulates must be decodable from the syndrome (no pairs, no
 * write-back addressing).
 */
static inline u32 mmio_read32(unsigned long addr)
{
	u32 val;

	asm volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write32(unsigned long addr, u32 val)
{
	asm volatile("str %w0, [%1]" : : "rZ" (val), "r" (addr) : "memory");
}

static inline u64 mmio_read64(unsigned long addr)
{
	u64 val;

	asm volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write64(unsigned long addr, u64 val)
{
	asm volatile("str %x0, [%1]" : : "rZ" (val), "r" (addr) : "memory");
}

/*
 * The identity map (mmu.c): the memory type of a range, in pages.  With
 * the MMU off (mmu=off), map_range() fails and changes nothing.
 */
#define MAP_DEVICE		0	/* Device-nGnRE, not executable */
#define MAP_NORMAL		1	/* write-back, inner shareable */
#define MAP_NORMAL_NC		2	/* non-cacheable, not executable */

int map_range(unsigned long start, unsigned long size, unsigned int type);
bool mmu_enabled(void);
/* true unless a program defines it false; "mmu=on|off" wins */
extern bool inmate_mmu_default;

/* PCI configuration space of the cell's virtual PCI host (bus 0) */
u32 pci_read_config(u16 bdf, unsigned int reg);
void pci_write_config(u16 bdf, unsigned int reg, u32 value);
int pci_find_device(u16 vendor, u16 device, u16 start);

/* The program: runs on the cell's first CPU; returning halts it. */
void inmate_main(void);

/* CPUs (setup.c, smp.c) */
void halt(void) __attribute__((noreturn));
void cpu_idle(void);
unsigned int this_cpu_id(void);
u64 this_cpu_mpidr(void);
long smc_call(unsigned long id, unsigned long arg1, unsigned long arg2,
	      unsigned long arg3);
int psci_cpu_on(u64 mpidr, unsigned long entry, unsigned long context);
int smp_start_cpu(u64 mpidr, void (*entry)(unsigned int cpu));

/* Console (console.c) */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void console_write(const char *text);

/* Command line (cmdline.c): "key=value key ..." */
extern char cmdline[CMDLINE_SIZE];
long long cmdline_parse_int(const char *name, long long def);
bool cmdline_parse_bool(const char *name, bool def);
const char *cmdline_parse_str(const char *name, char *buf, size_t size,
			      const char *def);

/* Communication region (comm.c) */
extern struct jailhouse_comm_region *const comm_region;
void comm_region_poll(void);
void comm_region_deny_shutdown(bool deny);
void comm_region_deny_shutdowns(unsigned int count);

/* GICv3 (gic.c) */
typedef void (*irq_handler_t)(unsigned int intid);

int gic_init(void);
void gic_set_handler(unsigned int intid, irq_handler_t handler);
void gic_enable_irq(unsigned int intid);
void gic_disable_irq(unsigned int intid);
bool gic_irq_pending(unsigned int intid);
void gic_clear_pending(unsigned int intid);
void gic_send_sgi(u64 mpidr, unsigned int sgi);

/* Generic timer, EL1 virtual (timer.c) */
u64 timer_get_frequency(void);
u64 timer_get_ticks(void);
u64 timer_ticks_to_ns(u64 ticks);
u64 timer_us_to_ticks(u64 us);
void timer_start_at(u64 deadline);
u64 timer_start(u64 ticks);
void timer_stop(void);
void delay_us(u64 us);

#endif /* !__ASSEMBLY__ */
#endif /* !_INMATE_H */
