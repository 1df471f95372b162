// SPDX-License-Identifier: GPL-2.0
/*
 * What every part of jailhouse.ko knows of the hypervisor: whether it
 * runs and with which configuration, its log ring, a cell's state; the
 * driver lock; and last_error, the reason for the last refusal.
 *
 * Every refusal says why, in the kernel log and in
 * /sys/devices/jailhouse/last_error, which the jailhouse tool prints: no
 * rebuild with CONFIG_TRACE_ERROR to learn what "Invalid argument" meant.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/processor.h>

#include <jailhouse/hypercall-arm64.h>

#include "jailhouse.h"

DEFINE_MUTEX(jailhouse_lock);
bool jailhouse_enabled;
struct jailhouse_system *jailhouse_sysconfig;
size_t jailhouse_sysconfig_size;
/* in the mapped image, while the hypervisor is loaded */
static struct jailhouse_virt_console *hv_console;
static unsigned int log_mark;
static char last_error[JAILHOUSE_ERROR_SIZE];

void set_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	pr_err("jailhouse: %s\n", last_error);
}

const char *jailhouse_last_error(void)
{
	return last_error;
}

void jailhouse_clear_error(void)
{
	last_error[0] = 0;
}

void jailhouse_console_attach(struct jailhouse_virt_console *ring)
{
	hv_console = ring;
	/* a new hypervisor's log has no mark yet */
	log_mark = 0;
}

/* Copy the ring while the hypervisor is not writing it. */
unsigned int jailhouse_console_read(char *buf, unsigned int *tail_out)
{
	const struct jailhouse_virt_console *ring = hv_console;
	unsigned int tail, len, n;

	do {
		while (READ_ONCE(ring->busy))
			cpu_relax();
		tail = READ_ONCE(ring->tail);
		smp_rmb();
		len = min_t(unsigned int, tail, JAILHOUSE_CONSOLE_RING_SIZE);
		for (n = 0; n < len; n++)
			buf[n] = ring->content[(tail - len + n) %
					       JAILHOUSE_CONSOLE_RING_SIZE];
		smp_rmb();
	} while (READ_ONCE(ring->busy) || READ_ONCE(ring->tail) != tail);
	*tail_out = tail;
	return len;
}

/* Remember where the log is now: errors after it are the next call's. */
void mark_hypervisor_log(void)
{
	static char log[JAILHOUSE_CONSOLE_RING_SIZE];

	if (hv_console)
		jailhouse_console_read(log, &log_mark);
}

/*
 * The last line the hypervisor logged with ERROR: since the mark (or
 * ever, before the first mark), for last_error.
 */
void take_hypervisor_error(void)
{
	static char log[JAILHOUSE_CONSOLE_RING_SIZE + 1];
	unsigned int tail, len;
	char *line, *text, *found = NULL;

	if (!hv_console)
		return;
	len = jailhouse_console_read(log, &tail);
	log[len] = 0;
	text = log;
	if (log_mark && tail - log_mark <= len)
		text = log + len - (tail - log_mark);
	for (line = strstr(text, "ERROR: "); line;
	     line = strstr(line + 1, "ERROR: "))
		found = line;
	if (!found)
		return;
	found += strlen("ERROR: ");
	len = strcspn(found, "\n");
	set_error("hypervisor: %.*s", (int)min_t(unsigned int, len, 400),
		  found);
}

/* The root cell (id 0) runs as long as the hypervisor does. */
long jailhouse_cell_state(unsigned int id)
{
	if (!id)
		return JAILHOUSE_CELL_RUNNING;
	return jailhouse_call_arg1(JAILHOUSE_HC_CELL_GET_STATE, id);
}
