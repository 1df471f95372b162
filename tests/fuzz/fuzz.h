/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the fuzz targets: splitting an input into pieces, reading
 * fields from it, and failing an invariant (a crash libFuzzer reports).
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Between the files of an input: a system configuration, then cells. */
#define FUZZ_SEPARATOR		"\nJHFUZZ\n"
#define FUZZ_SEPARATOR_LEN	8
#define FUZZ_MAX_PIECES		9

struct fuzz_piece {
	const uint8_t *data;
	size_t size;
};

/*
 * Split @data at every separator into at most FUZZ_MAX_PIECES pieces
 * (the last one takes the rest); returns how many.
 */
static inline unsigned int fuzz_split(const uint8_t *data, size_t size,
				      struct fuzz_piece *pieces)
{
	unsigned int n = 0;
	const uint8_t *end = data + size, *p = data, *sep;

	while (n < FUZZ_MAX_PIECES - 1) {
		sep = memmem(p, end - p, FUZZ_SEPARATOR, FUZZ_SEPARATOR_LEN);
		if (!sep)
			break;
		pieces[n].data = p;
		pieces[n++].size = sep - p;
		p = sep + FUZZ_SEPARATOR_LEN;
	}
	pieces[n].data = p;
	pieces[n++].size = end - p;
	return n;
}

/* A little-endian field of @len bytes at *@pos, 0 past the end. */
static inline uint64_t fuzz_take(const uint8_t *data, size_t size,
				 size_t *pos, unsigned int len)
{
	uint64_t value = 0;
	unsigned int n;

	for (n = 0; n < len; n++, (*pos)++)
		if (*pos < size)
			value |= (uint64_t)data[*pos] << (8 * n);
	return value;
}

#define fuzz_fail(...)							\
	do {								\
		fprintf(stderr, "INVARIANT: " __VA_ARGS__);		\
		fputc('\n', stderr);					\
		abort();						\
	} while (0)

#define fuzz_assert(cond)						\
	do {								\
		if (!(cond))						\
			fuzz_fail("%s:%d: %s", __FILE__, __LINE__,	\
				  #cond);				\
	} while (0)

#endif /* !_FUZZ_H */
