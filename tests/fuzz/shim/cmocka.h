/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What tests/unit/fake/arch.c uses of cmocka, for the fuzz targets: a
 * failed assertion there (a busy wait of the core that never ends) is a
 * crash libFuzzer reports and keeps the input of.
 */
#ifndef _FUZZ_SHIM_CMOCKA_H
#define _FUZZ_SHIM_CMOCKA_H

#include <stdio.h>
#include <stdlib.h>

#define assert_true(c)							\
	do {								\
		if (!(c)) {						\
			fprintf(stderr, "%s:%d: %s is false\n",		\
				__FILE__, __LINE__, #c);		\
			abort();					\
		}							\
	} while (0)

#define fail_msg(...)							\
	do {								\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	} while (0)

#endif /* !_FUZZ_SHIM_CMOCKA_H */
