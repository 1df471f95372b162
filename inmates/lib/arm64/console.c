// SPDX-License-Identifier: GPL-2.0
/*
 * The console: the cell's UART, with the hypervisor's UART drivers, or
 * the hypervisor's debug console (one hypercall per character).
 *
 * Which one: the console of the cell configuration, as the comm region
 * has it, unless the command line says otherwise (con-type, con-base,
 * con-divider, con-regdist-1).  The hypervisor console is used when it
 * is permitted and either the configuration asks for it, con-virtual is
 * given, or there is no UART.
 */
#include <jailhouse/uart.h>
#include "lib.h"

static struct uart_chip uart;
static bool use_uart, use_hypercall;

/* Bakery lock: no atomic instructions on uncached memory. */
static volatile bool choosing[MAX_CPUS];
static volatile unsigned int ticket[MAX_CPUS];
static volatile unsigned int holder;	/* CPU number + 1; 0: none */

static const struct {
	const char *name;
	unsigned int type;
} con_types[] = {
	{ "PL011", JAILHOUSE_CON_TYPE_PL011 },
	{ "8250", JAILHOUSE_CON_TYPE_8250 },
	{ "IMX", JAILHOUSE_CON_TYPE_IMX },
	{ "NONE", JAILHOUSE_CON_TYPE_NONE },
};

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | 0x20) != (*b | 0x20))
			return false;
	return *a == *b;
}

static unsigned int con_type(unsigned int def)
{
	char name[8];
	unsigned int n;

	if (!cmdline_parse_str("con-type", name, sizeof(name), NULL))
		return def;
	for (n = 0; n < ARRAY_SIZE(con_types); n++)
		if (same_name(name, con_types[n].name))
			return con_types[n].type;
	return JAILHOUSE_CON_TYPE_NONE;
}

void console_init(void)
{
	const struct jailhouse_console *con = &comm_region->console;
	bool valid = !memcmp(comm_region->signature, COMM_REGION_MAGIC,
			     sizeof(comm_region->signature));
	u32 flags = valid ? comm_region->flags : 0;
	unsigned int type = valid ? con->type : JAILHOUSE_CON_TYPE_NONE;
	u16 con_flags = valid ? con->flags : 0;
	u64 base = valid ? con->address : 0;
	const struct uart_chip *driver;

	type = con_type(type);
	base = cmdline_parse_int("con-base", base);
	driver = base ? uart_driver(type) : NULL;

	if ((flags & COMM_REGION_DBG_PUTC_PERMITTED) &&
	    (cmdline_parse_bool("con-virtual",
				flags & COMM_REGION_DBG_PUTC_ACTIVE) ||
	     !driver)) {
		use_hypercall = true;
		return;
	}
	if (!driver)
		return;
	uart = *driver;
	uart.base = (volatile void *)base;
	uart.reg_dist = (con_flags & JAILHOUSE_CON_REGDIST_4) &&
		!cmdline_parse_bool("con-regdist-1", false) ? 4 : 1;
	uart.divider = cmdline_parse_int("con-divider",
					 valid ? con->divider : 0);
	uart.mdr_quirk = con_flags & JAILHOUSE_CON_MDR_QUIRK;
	uart.init(&uart);
	use_uart = true;
}

/* false: this CPU holds the lock already (a fault while printing) */
static bool print_lock(void)
{
	unsigned int me = this_cpu_id(), n, max = 0;

	if (holder == me + 1)
		return false;
	choosing[me] = true;
	dmb(sy);
	for (n = 0; n < MAX_CPUS; n++)
		if (ticket[n] > max)
			max = ticket[n];
	ticket[me] = max + 1;
	dmb(sy);
	choosing[me] = false;
	dmb(sy);
	for (n = 0; n < MAX_CPUS; n++) {
		while (choosing[n])
			;
		while (n != me && ticket[n] &&
		       (ticket[n] < ticket[me] ||
			(ticket[n] == ticket[me] && n < me)))
			;
	}
	holder = me + 1;
	return true;
}

static void print_unlock(void)
{
	holder = 0;
	dmb(sy);
	ticket[this_cpu_id()] = 0;
}

static void uart_putc(char c)
{
	while (uart.is_busy(&uart))
		asm volatile("yield");
	uart.write_char(&uart, c);
}

static void console_putc(char c)
{
	if (use_hypercall) {
		/* the hypervisor's console adds the '\r' itself */
		jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (u8)c);
	} else if (use_uart) {
		if (c == '\n')
			uart_putc('\r');
		uart_putc(c);
	}
}

/* @text as it is, not interleaved with other CPUs' or interrupts' */
void console_write(const char *text)
{
	u64 daif = read_sysreg(daif);
	bool locked;

	irq_disable();
	locked = print_lock();
	while (*text)
		console_putc(*text++);
	if (locked)
		print_unlock();
	write_sysreg(daif, daif);
}

/* The hypervisor's vsnprintf (format.c): at most 255 characters. */
void printk(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf);
}
