/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arch interface: everything the arch-neutral core needs of the CPU
 * architecture.  arch/arm64/ implements it for EL2; tests/unit/fake/
 * implements it for the host, so that the core's cell lifecycle, paging
 * and dispatch logic run in unit tests (Documentation/architecture.md).
 *
 * Inline primitives come from <asm/processor.h> (barriers, the event
 * wait, cpu_relax(), cache maintenance, the running CPU's data); the
 * translation-table formats from <asm/paging.h> (used by paging.c only);
 * the per-CPU and per-cell state of the arch from <asm/percpu.h>.
 */
#ifndef _JAILHOUSE_ARCH_H
#define _JAILHOUSE_ARCH_H

#include <jailhouse/types.h>
#include <asm/processor.h>
#include <asm/percpu.h>

struct per_cpu;
struct cell;

/* ---- CPUs ---- */

/* At enable, first thing on every CPU: what identifies it. */
void arch_cpu_identify(struct per_cpu *cpu);
/* At enable, on every CPU after the shared set-up: take over EL2. */
int arch_cpu_init(struct per_cpu *cpu);
/* Give the CPU back to Linux as it was (failed enable, disable). */
void arch_cpu_restore(struct per_cpu *cpu);
/*
 * Park the running @cpu: mark it parked and wait until it is switched on
 * (cpu->power_on), then enter its cell at cpu->on_entry with a clean
 * register file.
 */
void arch_cpu_wait(struct per_cpu *cpu, struct trap_frame *frame);
/* Make @cpu take a trap into the hypervisor soon. */
void arch_cpu_kick(struct per_cpu *cpu);

/* ---- memory ---- */

/* After a change of any cell's stage 2: every CPU's guest TLBs. */
void arch_flush_cell_tlbs(void);
/* After a change of the hypervisor's own tables: every CPU's EL2 TLBs. */
void arch_flush_hv_tlbs(void);
/*
 * Break-before-make: an entry of the table at @root (the hypervisor's
 * own, or a cell's stage 2) that translated [virt, virt + size) was made
 * invalid; when this returns, the write is seen by every CPU's table
 * walker and no CPU's TLB holds a translation of the range any more.
 */
void arch_paging_break(const u64 *root, u64 virt, u64 size);
/* The running CPU translates through @root from now on. */
void arch_switch_hv_page_table(u64 *root);
/*
 * EL2's window onto memory it does not own (the root cell's): the tables
 * for it are made at enable; [phys, phys + size) is seen at the returned
 * address until arch_unmap_temporary(size).  NULL if it cannot be.
 */
int arch_temp_mapping_init(void);
void *arch_map_temporary(u64 phys, u64 size);
void arch_unmap_temporary(u64 size);

/* ---- time and traps ---- */

/* A monotonic clock in microseconds. */
u64 arch_counter_us(void);
/*
 * arch_trap_pc(), from <asm/processor.h>: where the trapped access of
 * the running CPU's guest was made.
 */

/* ---- called by the arch's own entry code ---- */

bool arch_leave_hypervisor(struct trap_frame *frame);
int arch_handle_sync(struct trap_frame *frame);
long arch_short_hypercall(unsigned long code, unsigned long arg1,
			  unsigned long arg2);
void arch_handle_irq(struct trap_frame *frame);
void arch_handle_fiq(struct trap_frame *frame);
void arch_handle_el2_fault(struct trap_frame *frame);

#endif /* !_JAILHOUSE_ARCH_H */
