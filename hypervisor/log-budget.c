// SPDX-License-Identifier: GPL-2.0
/*
 * Per-cell budgets of refusal lines: see jailhouse/log-budget.h.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/log-budget.h>
#include <jailhouse/spinlock.h>

DEFINE_SPINLOCK(budget_lock);

static void print_suppressed(const struct cell *cell, u32 count)
{
	if (count)
		printk("Cell '%s': %u further lines about it suppressed (at "
		       "most %u in %llu s)\n", cell->config->name, count,
		       LOG_BUDGET_LINES, LOG_BUDGET_WINDOW_US / 1000000);
}

/* A new window if the last one is over; what it suppressed. */
static u32 next_window(struct log_budget *b, u64 now)
{
	u32 suppressed = 0;

	if (b->lines && now - b->window_start < LOG_BUDGET_WINDOW_US)
		return 0;
	suppressed = b->suppressed;
	b->window_start = now;
	b->lines = 0;
	b->suppressed = 0;
	return suppressed;
}

bool log_budget_take(struct cell *cell)
{
	struct log_budget *b = &cell->log_budget;
	u64 now = arch_counter_us();
	u32 suppressed;
	bool allowed;

	spin_lock(&budget_lock);
	suppressed = next_window(b, now);
	allowed = b->lines < LOG_BUDGET_LINES;
	if (allowed)
		b->lines++;
	else
		b->suppressed++;
	spin_unlock(&budget_lock);
	print_suppressed(cell, suppressed);
	return allowed;
}

void printk_cell(struct cell *cell, const char *fmt, ...)
{
	va_list ap;

	if (!log_budget_take(cell))
		return;
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void log_budget_flush(struct cell *cell)
{
	struct log_budget *b = &cell->log_budget;
	u32 suppressed;

	spin_lock(&budget_lock);
	suppressed = b->suppressed;
	b->suppressed = 0;
	spin_unlock(&budget_lock);
	print_suppressed(cell, suppressed);
}
