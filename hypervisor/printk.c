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

static spinlock_t printk_lock;
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

static void uart_put(char c)
{
	while (uart.is_busy(&uart))
		cpu_relax();
	uart.write_char(&uart, c);
}

static void emit(const char *text)
{
	struct jailhouse_virt_console *log = ring();

	log->busy = 1;
	memory_barrier();
	for (; *text; text++) {
		if (uart_ready) {
			if (*text == '\n')
				uart_put('\r');
			uart_put(*text);
		}
		log->content[log->tail % JAILHOUSE_CONSOLE_RING_SIZE] = *text;
		log->tail++;
	}
	memory_barrier();
	log->busy = 0;
}

void printk(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	spin_lock(&printk_lock);
	emit(buf);
	spin_unlock(&printk_lock);
}
