/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MT8391's (MT8189's) EINT numbering, as data for the preprocessor:
 * one source for the hypervisor's tables (mtk-tables.c) and for the
 * configurations' macros (configs/arm64/genio-mt8391.h).  No types, no
 * declarations: a configuration includes it too.
 *
 * The SoC has five EINT instances; a global EINT number (0-209; EINT n
 * is the EINT of GPIO n for n = 0-181, EINTs 182-209 have no pad) is line
 * idx of one instance.  MT8391_EINT_RANGES(X, arg) calls
 * X(arg, first, last, instance, first_idx) for each run of global numbers
 * that an instance numbers consecutively (shared/reference/
 * mt8189-gpio-eint.md §1.3: every EINT 0-209 in exactly one run).
 */
#ifndef _JAILHOUSE_MTK_MT8391_H
#define _JAILHOUSE_MTK_MT8391_H

#define MT8391_NUM_EINTS	210	/* global EINTs 0-209 */
#define MT8391_EINT_PADS	182	/* EINTs 0-181 have GPIO n's pad */
#define MT8391_EINT_INSTANCES	5

/* lines per instance (indices 0..n-1) */
#define MT8391_EINT_LINES_0	51
#define MT8391_EINT_LINES_1	88
#define MT8391_EINT_LINES_2	34
#define MT8391_EINT_LINES_3	28
#define MT8391_EINT_LINES_4	9

/* the 4 KiB pages of eint0-eint4, in instance order */
#define MT8391_EINT_BASE_0	0x11ce0000
#define MT8391_EINT_BASE_1	0x11de0000
#define MT8391_EINT_BASE_2	0x11e60000
#define MT8391_EINT_BASE_3	0x1c01e000
#define MT8391_EINT_BASE_4	0x11f00000

#define MT8391_EINT_RANGES(X, a)					\
	X(a, 0, 11, 0, 0) X(a, 18, 24, 0, 12) X(a, 44, 47, 0, 19)	\
	X(a, 51, 54, 0, 23) X(a, 65, 68, 0, 27) X(a, 77, 80, 0, 31)	\
	X(a, 84, 87, 0, 35) X(a, 103, 114, 0, 39)			\
	X(a, 12, 17, 1, 0) X(a, 27, 28, 1, 6) X(a, 30, 43, 1, 8)	\
	X(a, 57, 64, 1, 22) X(a, 69, 76, 1, 30) X(a, 81, 83, 1, 38)	\
	X(a, 115, 155, 1, 41) X(a, 168, 173, 1, 82)			\
	X(a, 25, 26, 2, 0) X(a, 29, 29, 2, 2) X(a, 48, 50, 2, 3)	\
	X(a, 55, 56, 2, 6) X(a, 88, 102, 2, 8) X(a, 156, 158, 2, 23)	\
	X(a, 160, 162, 2, 26) X(a, 164, 165, 2, 29)			\
	X(a, 167, 167, 2, 31) X(a, 180, 181, 2, 32)			\
	X(a, 182, 209, 3, 0)						\
	X(a, 159, 159, 4, 0) X(a, 163, 163, 4, 1) X(a, 166, 166, 4, 2)	\
	X(a, 174, 179, 4, 3)

#define MT8391_EINT_NUM_RANGES	31

/*
 * Compile-time lookups: the instance (-1 outside 0-209) and the index
 * of global EINT @n.  Only one run matches, so the sums pick it.
 */
#define _MT8391_IN(n, f, l)	((int)(n) >= (f) && (int)(n) <= (l))
#define _MT8391_INST_T(n, f, l, i, x)					\
	(_MT8391_IN(n, f, l) ? (i) + 1 : 0) +
#define _MT8391_IDX_T(n, f, l, i, x)					\
	(_MT8391_IN(n, f, l) ? (x) + (n) - (f) : 0) +
#define MT8391_EINT_INST(n)	(MT8391_EINT_RANGES(_MT8391_INST_T, n) 0 - 1)
#define MT8391_EINT_IDX(n)	(MT8391_EINT_RANGES(_MT8391_IDX_T, n) 0)

#endif /* !_JAILHOUSE_MTK_MT8391_H */
