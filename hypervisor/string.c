// SPDX-License-Identifier: GPL-2.0
/*
 * The few C library string functions the freestanding core uses.
 */
#include <jailhouse/string.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	u8 *d = dest;
	const u8 *s = src;

	while (n--)
		*d++ = *s++;
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	u8 *p = s;

	while (n--)
		*p++ = (u8)c;
	return s;
}

int memcmp(const void *s1, const void *s2, size_t n)
{
	const u8 *a = s1, *b = s2;

	for (; n; n--, a++, b++)
		if (*a != *b)
			return *a - *b;
	return 0;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t len = 0;

	while (len < maxlen && s[len])
		len++;
	return len;
}

size_t strlen(const char *s)
{
	return strnlen(s, (size_t)-1);
}

int strncmp(const char *s1, const char *s2, size_t n)
{
	for (; n; n--, s1++, s2++) {
		if (*s1 != *s2)
			return (u8)*s1 - (u8)*s2;
		if (!*s1)
			break;
	}
	return 0;
}

int strcmp(const char *s1, const char *s2)
{
	return strncmp(s1, s2, (size_t)-1);
}
