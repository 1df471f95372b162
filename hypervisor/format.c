// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf for the freestanding core: the subset of printf that the
 * hypervisor's messages use.
 *
 *   %c %s %d %i %u %x %X %p %%, length modifiers h, hh, l, ll, z,
 *   flags '-' and '0', a field width (also '*') and, for %s, a precision.
 *
 * The result is always terminated when size > 0; the return value is the
 * length the full output would have, as in C.
 */
#include <jailhouse/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	bool left;
	bool zero;
	unsigned int width;
	int precision;		/* -1: none */
};

static void put(struct out *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void pad(struct out *out, char c, unsigned int count)
{
	while (count--)
		put(out, c);
}

static void put_string(struct out *out, const char *s, const struct spec *sp)
{
	size_t len, n;

	if (!s)
		s = "(null)";
	len = strnlen(s, sp->precision < 0 ? (size_t)-1 : (size_t)sp->precision);
	if (!sp->left && sp->width > len)
		pad(out, ' ', sp->width - len);
	for (n = 0; n < len; n++)
		put(out, s[n]);
	if (sp->left && sp->width > len)
		pad(out, ' ', sp->width - len);
}

static void put_number(struct out *out, unsigned long long value,
		       bool negative, unsigned int base, bool upper,
		       const char *prefix, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	unsigned int len = 0, total, plen = strlen(prefix);

	do {
		tmp[len++] = digits[value % base];
		value /= base;
	} while (value);
	total = len + plen + (negative ? 1 : 0);

	if (!sp->left && !sp->zero && sp->width > total)
		pad(out, ' ', sp->width - total);
	if (negative)
		put(out, '-');
	while (*prefix)
		put(out, *prefix++);
	if (!sp->left && sp->zero && sp->width > total)
		pad(out, '0', sp->width - total);
	while (len)
		put(out, tmp[--len]);
	if (sp->left && sp->width > total)
		pad(out, ' ', sp->width - total);
}

static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	sp->left = sp->zero = false;
	sp->width = 0;
	sp->precision = -1;
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else
			break;
	}
	if (*fmt == '*') {
		int width = va_arg(*ap, int);

		if (width < 0) {
			sp->left = true;
			width = -width;
		}
		sp->width = width;
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		sp->precision = 0;
		fmt++;
		if (*fmt == '*') {
			sp->precision = va_arg(*ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp->precision = sp->precision * 10 + (*fmt++ - '0');
	}
	return fmt;
}

/* Length modifier: 0 int, 1 long, 2 long long, 3 size_t (h/hh act as int) */
static const char *parse_length(const char *fmt, int *length, int *shorten)
{
	*length = 0;
	*shorten = 0;
	if (fmt[0] == 'h') {
		*shorten = fmt[1] == 'h' ? 8 : 16;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	}
	if (fmt[0] == 'l') {
		*length = fmt[1] == 'l' ? 2 : 1;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	}
	if (fmt[0] == 'z') {
		*length = 3;
		return fmt + 1;
	}
	return fmt;
}

static unsigned long long fetch_unsigned(va_list *ap, int length, int shorten)
{
	unsigned long long v;

	if (length == 2)
		v = va_arg(*ap, unsigned long long);
	else if (length == 1)
		v = va_arg(*ap, unsigned long);
	else if (length == 3)
		v = va_arg(*ap, size_t);
	else
		v = va_arg(*ap, unsigned int);
	if (shorten)
		v &= (1ULL << shorten) - 1;
	return v;
}

static long long fetch_signed(va_list *ap, int length, int shorten)
{
	long long v;

	if (length == 2)
		v = va_arg(*ap, long long);
	else if (length == 1)
		v = va_arg(*ap, long);
	else if (length == 3)
		v = (long long)va_arg(*ap, size_t);
	else
		v = va_arg(*ap, int);
	if (shorten == 8)
		v = (signed char)v;
	else if (shorten == 16)
		v = (short)v;
	return v;
}

static void convert(struct out *out, char conv, const struct spec *sp,
		    int length, int shorten, va_list *ap)
{
	unsigned long long u;
	long long s;
	char c;

	switch (conv) {
	case 'c':
		c = (char)va_arg(*ap, int);
		put(out, c);
		break;
	case 's':
		put_string(out, va_arg(*ap, const char *), sp);
		break;
	case 'd':
	case 'i':
		s = fetch_signed(ap, length, shorten);
		u = s < 0 ? -(unsigned long long)s : (unsigned long long)s;
		put_number(out, u, s < 0, 10, false, "", sp);
		break;
	case 'u':
		put_number(out, fetch_unsigned(ap, length, shorten), false, 10,
			   false, "", sp);
		break;
	case 'x':
	case 'X':
		put_number(out, fetch_unsigned(ap, length, shorten), false, 16,
			   conv == 'X', "", sp);
		break;
	case 'p':
		put_number(out, (unsigned long)va_arg(*ap, void *), false, 16,
			   false, "0x", sp);
		break;
	case '%':
		put(out, '%');
		break;
	default:
		/* unknown conversion: show it as written */
		put(out, '%');
		put(out, conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out out = { .buf = buf, .size = size, .len = 0 };
	int length, shorten;
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&out, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		fmt = parse_length(fmt, &length, &shorten);
		if (!*fmt)
			break;
		convert(&out, *fmt++, &sp, length, shorten, &args);
	}
	va_end(args);
	if (size)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return (int)out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
