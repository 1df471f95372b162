// SPDX-License-Identifier: GPL-2.0
/*
 * printk: to the debug UART of the system configuration, and into the log
 * ring that the root cell's driver reads (/sys/devices/jailhouse/console,
 * "jailhouse console").
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/spinlock.h>
#include <jailhouse/string.h>
#include <jailhouse/uart.h>

DEFINE_SPINLOCK(printk_lock);
static struct uart_chip uart;
static bool uart_ready;

static struct jailhouse_virt_console *ring(void)
{
	return (struct jailhouse_virt_console *)console_page;
}

/* The UART is identity-mapped: the caller mapped it before. */
void console_init(void)
{
	const struct jailhouse_console *con = &system_config->debug_console;
	const struct uart_chip *driver = uart_driver(con->type);

	if (!driver || !(con->flags & JAILHOUSE_CON_ACCESS_MMIO))
		return;
	uart = *driver;
	uart.base = (volatile void *)con->address;
	uart.reg_dist = con->flags & JAILHOUSE_CON_REGDIST_4 ? 4 : 1;
	uart.divider = con->divider;
	uart.mdr_quirk = con->flags & JAILHOUSE_CON_MDR_QUIRK;
	uart.init(&uart);
	uart_ready = true;
}

/*
 * Polls of a busy UART per character before the UART's share of the
 * output is dropped: a character takes about 1 ms at 9600 baud, far
 * fewer polls on any CPU.  A cell that disables a UART it shares with
 * the root must not hang every CPU that logs (the log ring stays whole).
 */
#define UART_POLLS		100000

static bool uart_stalled;	/* a character timed out */

static bool uart_wait(unsigned long polls)
{
	while (uart.is_busy(&uart)) {
		if (!polls--)
			return false;
		cpu_relax();
	}
	return true;
}

static bool uart_put(char c)
{
	if (!uart_wait(UART_POLLS))
		return false;
	uart.write_char(&uart, c);
	return true;
}

/*
 * Does this message go to the UART?  After a time-out, only if the UART
 * is ready at once: a dead UART costs one poll per message.
 */
static bool uart_usable(void)
{
	if (!uart_ready)
		return false;
	if (uart_stalled && uart.is_busy(&uart))
		return false;
	uart_stalled = false;
	return true;
}

static void emit(const char *text)
{
	struct jailhouse_virt_console *log = ring();
	bool to_uart = uart_usable();

	log->busy = 1;
	memory_barrier();
	for (; *text; text++) {
		if (to_uart && *text == '\n')
			to_uart = uart_put('\r');
		if (to_uart)
			to_uart = uart_put(*text);
		if (!to_uart && uart_ready)
			uart_stalled = true;
		log->content[log->tail % JAILHOUSE_CONSOLE_RING_SIZE] = *text;
		log->tail++;
	}
	memory_barrier();
	log->busy = 0;
}

void vprintk(const char *fmt, va_list ap)
{
	char buf[256];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	spin_lock(&printk_lock);
	emit(buf);
	spin_unlock(&printk_lock);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
