// SPDX-License-Identifier: GPL-2.0
/*
 * The command line: "key=value" and bare "key" tokens separated by
 * blanks, loaded by "jailhouse cell load ... -s STRING -a 0x1000" into
 * this buffer at image offset 0x1000.  When a key is given twice, the
 * last one counts.  A string of CMDLINE_SIZE characters or more is cut.
 */
#include "lib.h"

char cmdline[CMDLINE_SIZE] __attribute__((section(".cmdline")));

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The value of @name, its length in @len ("" for a bare key), or NULL. */
static const char *find(const char *name, size_t *len)
{
	size_t end = strnlen(cmdline, CMDLINE_SIZE), nlen = strlen(name);
	size_t pos = 0, start;
	const char *value = NULL;

	while (pos < end) {
		while (pos < end && is_blank(cmdline[pos]))
			pos++;
		start = pos;
		while (pos < end && !is_blank(cmdline[pos]))
			pos++;
		if (pos - start < nlen ||
		    strncmp(cmdline + start, name, nlen))
			continue;
		if (pos - start == nlen) {
			value = cmdline + pos;
			*len = 0;
		} else if (cmdline[start + nlen] == '=') {
			value = cmdline + start + nlen + 1;
			*len = pos - start - nlen - 1;
		}
	}
	return value;
}

static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

/* Decimal or 0x-prefixed hexadecimal, may be negative; else @def. */
long long cmdline_parse_int(const char *name, long long def)
{
	unsigned long long value = 0;
	unsigned int base = 10, digit;
	bool negative = false;
	const char *s;
	size_t len;

	s = find(name, &len);
	if (s && len && *s == '-') {
		negative = true;
		s++;
		len--;
	}
	if (s && len > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
		base = 16;
		s += 2;
		len -= 2;
	}
	if (!s || !len)
		return def;
	for (; len; len--, s++) {
		digit = digit_value(*s);
		if (digit >= base)
			return def;
		value = value * base + digit;
	}
	return negative ? -(long long)value : (long long)value;
}

static bool value_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && !strncmp(s, word, len);
}

/* A bare key, 1, y, yes, on, true: true; 0, n, no, off, false: false */
bool cmdline_parse_bool(const char *name, bool def)
{
	static const char *const yes[] = { "1", "y", "yes", "on", "true" };
	static const char *const no[] = { "0", "n", "no", "off", "false" };
	const char *s;
	unsigned int n;
	size_t len;

	s = find(name, &len);
	if (!s)
		return def;
	if (!len)
		return true;
	for (n = 0; n < ARRAY_SIZE(yes); n++) {
		if (value_is(s, len, yes[n]))
			return true;
		if (value_is(s, len, no[n]))
			return false;
	}
	return def;
}

/*
 * The value of @name copied into @buf (cut to @size - 1 characters) and
 * @buf returned, or @def if the key is not there.
 */
const char *cmdline_parse_str(const char *name, char *buf, size_t size,
			      const char *def)
{
	const char *s;
	size_t len;

	s = find(name, &len);
	if (!s || !size)
		return def;
	if (len >= size)
		len = size - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}
