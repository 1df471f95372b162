// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jailhouse/hypervisor.h>

#include "log.h"

char last_log[512];
unsigned int num_logs;
char all_logs[16384];

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void log_clear(void)
{
	all_logs[0] = 0;
	last_log[0] = 0;
}

int log_contains(const char *text)
{
	return strstr(all_logs, text) != NULL;
}

void vprintk(const char *fmt, va_list ap)
{
	vsnprintf(last_log, sizeof(last_log), fmt, ap);
	num_logs++;
	strncat(all_logs, last_log, sizeof(all_logs) - strlen(all_logs) - 1);
}
