/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String and formatting functions of the freestanding core, also compiled
 * into the inmate library.  Host builds (the CLI, the unit tests) take the
 * C library's, whose prototypes these match, so code shared with the
 * hypervisor (the configuration checker) includes this file and works in
 * both.
 */
#ifndef _JAILHOUSE_STRING_H
#define _JAILHOUSE_STRING_H

#include <jailhouse/types.h>

#if defined(__KERNEL__)
#include <linux/kernel.h>
#include <linux/string.h>
#elif defined(__JAILHOUSE_HYPERVISOR__) || defined(__JAILHOUSE_INMATE__)
#include <stdarg.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#else
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#endif

#endif /* !_JAILHOUSE_STRING_H */
