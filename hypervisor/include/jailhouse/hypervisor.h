/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Core state of the hypervisor: memory layout, per-CPU data, the root
 * cell, and the functions the parts call each other through.
 */
#ifndef _JAILHOUSE_HYPERVISOR_H
#define _JAILHOUSE_HYPERVISOR_H

#include <stdarg.h>
#include <jailhouse/types.h>
#include <jailhouse/bitmap.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/limits.h>
#include <jailhouse/log-budget.h>
#include <jailhouse/mmio.h>
#include <jailhouse/arch.h>

#define PAGE_SIZE		JAILHOUSE_PAGE_SIZE
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PERCPU_SIZE		16384UL
#define MAX_CPUS		JAILHOUSE_MAX_CPUS
#define MAX_CELLS		JAILHOUSE_MAX_CELLS	/* root included */
#define MAX_CONFIG_PAGES	16	/* a cell configuration's copy */

#define ALIGN_UP(x, a)		(((x) + (a) - 1) & ~((a) - 1))
#define BIT(n)			(1UL << (n))

#define EPERM		1
#define ENOENT		2
#define EIO		5
#define E2BIG		7
#define ENOMEM		12
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ERANGE		34
#define ENOSYS		38

struct cell {
	const struct jailhouse_cell_desc *config;
	unsigned int id;
	u64 *s2_root;			/* stage-2 level-0 table */
	u8 cpu_set[MAX_CPUS / 8];
	/* non-root cells */
	unsigned int config_pages;	/* the copy of the configuration */
	struct jailhouse_comm_region *comm_page;
	bool loadable;			/* LOADABLE regions lent to root */
	/* the arch's: its interrupts (asm/percpu.h) */
	struct arch_cell arch;
	/* its IVSHMEM devices, a page */
	struct ivshmem_endpoint *endpoints;
	unsigned int num_endpoints;
	/* the emulated MMIO regions its accesses may reach */
	struct mmio_table mmio;
	/* its lines about refused accesses (jailhouse/log-budget.h) */
	struct log_budget log_budget;
};

/* Every cell, the root cell first; NULL slots are free. */
extern struct cell *cells[MAX_CELLS];

#define for_each_cell(c, n)						\
	for ((n) = 0; (n) < MAX_CELLS; (n)++)				\
		if (((c) = cells[n]) != NULL)

static inline bool cell_has_cpu(const struct cell *cell, unsigned int cpu)
{
	return cpu < MAX_CPUS && bitmap8_test(cell->cpu_set, cpu);
}

#define for_each_cell_cpu(cpu, cell)					\
	for ((cpu) = 0; (cpu) < hypervisor_header.max_cpus; (cpu)++)	\
		if (cell_has_cpu(cell, cpu))

struct per_cpu {
	unsigned int cpu_id;
	struct cell *cell;
	u32 stats[JAILHOUSE_NUM_CPU_STATS];
	/* the arch's: its id, interrupt state, EL2 state (asm/percpu.h) */
	struct arch_per_cpu arch;
	/*
	 * A CPU that is off (PSCI CPU_OFF, taken for a new cell, stopped
	 * by the root cell, or failed) waits in the hypervisor until it is
	 * switched on at on_entry in the cell it belongs to then.
	 */
	volatile bool parked;
	volatile bool power_on;
	/*
	 * Held off by the root cell (its cell is being stopped, loaded or
	 * has failed here): the CPU stays in the wait whatever its cell
	 * does, until the root cell starts or destroys the cell.
	 */
	volatile bool held;
	volatile bool lost;		/* a fault at EL2 stopped it for good */
	volatile bool stop_requested;	/* go to the wait, from any trap */
	volatile bool failed;		/* parked for a violation */
	volatile u64 on_entry;
	volatile u64 on_context;
	/* the disable rendezvous */
	bool disabling;
	/*
	 * The root cell's stage 2 changes: its running CPUs wait at EL2
	 * (cpu_pause_point()) while pause_request is the number of the
	 * pause; pause_ack is the number of the last one they waited in.
	 */
	volatile unsigned long pause_request;
	volatile unsigned long pause_ack;
};

extern struct jailhouse_header hypervisor_header;
extern struct jailhouse_system *system_config;
extern struct cell root_cell;
extern unsigned long hypervisor_phys;

static inline struct per_cpu *per_cpu(unsigned int cpu)
{
	return (struct per_cpu *)((unsigned long)&hypervisor_header +
				  hypervisor_header.core_size +
				  cpu * PERCPU_SIZE);
}

/* The cell's lowest-numbered CPU, the one a cell starts on; NULL if none. */
static inline struct per_cpu *cell_first_cpu(const struct cell *cell)
{
	unsigned int cpu;

	for_each_cell_cpu(cpu, cell)
		return per_cpu(cpu);
	return NULL;
}

/* The running CPU's data. */
static inline struct per_cpu *this_cpu(void)
{
	return (struct per_cpu *)arch_this_cpu_data();
}

/* printk.c */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);
void console_init(void);
extern u8 console_page[];

/* paging.c */
#define PAGE_FLAG_DEVICE	BIT(0)
#define PAGE_FLAG_STAGE2	BIT(2)
#define PAGE_FLAG_NOWRITE	BIT(3)	/* stage 2: read-only */
#define PAGE_FLAG_NOREAD	BIT(4)	/* stage 2: no reads */
#define PAGE_FLAG_NOEXEC	BIT(5)	/* stage 2: execute-never */
/* EL2: a page mapped for cells' sub-page regions, not the hypervisor's */
#define PAGE_FLAG_CELL_IO	BIT(6)

int page_pool_init(unsigned long start, unsigned long end);
void *page_alloc(void);
void *pages_alloc(unsigned int count);
void pages_free(void *first, unsigned int count);
void page_free(void *page);
unsigned long page_pool_pages(void);
unsigned long page_pool_used(void);
int paging_map(u64 *root, u64 virt, u64 phys, u64 size, unsigned long flags);
int paging_unmap(u64 *root, u64 virt, u64 size);
int paging_map_device(u64 base, u64 size);
u64 paging_lookup(const u64 *root, u64 virt, u64 *desc);
void paging_destroy(u64 *root);
void paging_merge(u64 *root);
void paging_prune(u64 *root, u64 virt);
extern u64 *hv_page_table;

/* setup.c, cell.c */
int el2_init(unsigned int cpu_id, struct per_cpu *cpu);
int root_cell_init(void);

/* cell.c */
int cell_map_regions(struct cell *cell);
int cell_map_subpage_regions(struct cell *cell);
void cell_unmap_subpage_regions(struct cell *cell);
int cell_take_memory(struct cell *cell);
void cell_return_memory(struct cell *cell);
int cell_lend_loadable(struct cell *cell, bool to_root);

static inline u64 mmio_read(volatile void *addr, unsigned int size)
{
	switch (size) {
	case 1:
		return *(volatile u8 *)addr;
	case 2:
		return *(volatile u16 *)addr;
	case 4:
		return *(volatile u32 *)addr;
	default:
		return *(volatile u64 *)addr;
	}
}

static inline void mmio_write(volatile void *addr, unsigned int size,
			      u64 value)
{
	switch (size) {
	case 1:
		*(volatile u8 *)addr = value;
		break;
	case 2:
		*(volatile u16 *)addr = value;
		break;
	case 4:
		*(volatile u32 *)addr = value;
		break;
	default:
		*(volatile u64 *)addr = value;
		break;
	}
}

/* control.c */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);
void cpu_fail(struct trap_frame *frame, const char *why);
void cell_stop_cpus(struct cell *cell, struct per_cpu *except);
void cell_update_state(struct cell *cell);
void cell_end_itself(struct per_cpu *cpu, struct trap_frame *frame,
		     const char *how);
void cpu_lost(struct per_cpu *cpu);
void cpu_pause_point(struct per_cpu *cpu);
long cell_cpu_on(struct per_cpu *caller, struct per_cpu *target, u64 entry,
		 u64 context);

#endif /* !_JAILHOUSE_HYPERVISOR_H */
