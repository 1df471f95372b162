// SPDX-License-Identifier: GPL-2.0
/*
 * Per-cell budgets of refusal lines (hypervisor/log-budget.c): a cell
 * that makes the hypervisor refuse things without end (alternating SMC
 * IDs, a full MediaTek log table, foreign GIC writes) gets
 * LOG_BUDGET_LINES lines per window, then one line saying how many more
 * there were; another cell's budget is its own.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "log.h"

#include <jailhouse/hypervisor.h>

struct jailhouse_header hypervisor_header;

static u64 now_us;

u64 arch_counter_us(void)
{
	return now_us;
}

static struct jailhouse_cell_desc desc_a = { .name = "A" };
static struct jailhouse_cell_desc desc_b = { .name = "B" };

static void flood(struct cell *cell, unsigned int lines)
{
	unsigned int n;

	for (n = 0; n < lines; n++)
		printk_cell(cell, "Cell '%s': refused %u\n",
			    cell->config->name, n);
}

static void test_budget(void **state)
{
	struct cell a = { .config = &desc_a }, b = { .config = &desc_b };

	(void)state;
	now_us = 5;
	num_logs = 0;
	log_clear();
	flood(&a, 1000);
	assert_int_equal(num_logs, LOG_BUDGET_LINES);
	assert_true(log_contains("refused 31\n"));
	assert_false(log_contains("refused 32\n"));
	/* another cell is not silenced by A */
	flood(&b, 3);
	assert_int_equal(num_logs, LOG_BUDGET_LINES + 3);
	/* within the window: still nothing */
	now_us += LOG_BUDGET_WINDOW_US - 10;
	flood(&a, 1);
	assert_int_equal(num_logs, LOG_BUDGET_LINES + 3);
	/* the next window: the summary first, then the line */
	now_us += 10;
	flood(&a, 1);
	assert_int_equal(num_logs, LOG_BUDGET_LINES + 5);
	assert_true(log_contains("Cell 'A': 969 further lines about it "
				 "suppressed (at most 32 in 10 s)\n"
				 "Cell 'A': refused 0\n"));
	/* a flush says nothing when nothing was suppressed */
	log_budget_flush(&a);
	assert_int_equal(num_logs, LOG_BUDGET_LINES + 5);
	flood(&a, LOG_BUDGET_LINES + 2);
	log_budget_flush(&a);
	assert_string_equal(last_log, "Cell 'A': 3 further lines about it "
			    "suppressed (at most 32 in 10 s)\n");
	log_budget_flush(&a);
	assert_string_equal(last_log, "Cell 'A': 3 further lines about it "
			    "suppressed (at most 32 in 10 s)\n");
	assert_int_equal(num_logs, 2 * LOG_BUDGET_LINES + 5);
}

/* log_budget_take() for callers that print themselves. */
static void test_take(void **state)
{
	struct cell a = { .config = &desc_a };
	unsigned int n, allowed = 0;

	(void)state;
	now_us = 1000;
	for (n = 0; n < 100; n++)
		allowed += log_budget_take(&a);
	assert_int_equal(allowed, LOG_BUDGET_LINES);
	assert_int_equal(a.log_budget.suppressed, 100 - LOG_BUDGET_LINES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_take),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
