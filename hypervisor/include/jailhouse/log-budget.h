/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell's budget of log lines about what it did that was refused or
 * dropped (a foreign GIC write, an SMC it may not make, ...), so that no
 * cell can flood the console (DESIGN.md, principle 1): at most
 * LOG_BUDGET_LINES such lines per LOG_BUDGET_WINDOW_US and cell; the
 * rest are counted, and one line says how many were suppressed when the
 * next window begins or log_budget_flush() is called.
 *
 *	if (log_budget_take(cell))
 *		printk("Cell '%s': ...\n", cell->config->name, ...);
 * or
 *	printk_cell(cell, "Cell '%s': ...\n", cell->config->name, ...);
 *
 * The state is struct cell's log_budget, zero for a new cell.  Any CPU
 * may call these, outside or inside a lock of its own (they take only a
 * short lock of their own and printk's).
 */
#ifndef _JAILHOUSE_LOG_BUDGET_H
#define _JAILHOUSE_LOG_BUDGET_H

#include <jailhouse/types.h>

#define LOG_BUDGET_LINES	32
#define LOG_BUDGET_WINDOW_US	10000000ULL	/* 10 s */

struct log_budget {
	u64 window_start;		/* arch_counter_us() */
	u32 lines;			/* printed in this window */
	u32 suppressed;			/* not printed in this window */
};

struct cell;

/* May @cell's next line be printed?  If not, it is counted. */
bool log_budget_take(struct cell *cell);
/* printk() of a line @cell caused, within its budget. */
void printk_cell(struct cell *cell, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The line about what was suppressed, if anything was (at destroy). */
void log_budget_flush(struct cell *cell);

#endif /* !_JAILHOUSE_LOG_BUDGET_H */
