/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bitmaps as the configuration ABI stores them: an array of bytes, bit n
 * in byte n / 8 at position n % 8 (cpu sets), or of 32-bit words, bit n in
 * word n / 32 (irqchip and vendor pin bitmaps).  Both read the same on a
 * little-endian machine, but these helpers never rely on that, and they
 * never read past the size they are given: a cpu set may be any number of
 * bytes long.
 */
#ifndef _JAILHOUSE_BITMAP_H
#define _JAILHOUSE_BITMAP_H

#include <jailhouse/types.h>

static inline bool bitmap8_test(const u8 *map, unsigned int nr)
{
	return (map[nr / 8] >> (nr % 8)) & 1;
}

static inline void bitmap8_set(u8 *map, unsigned int nr)
{
	map[nr / 8] |= (u8)(1U << (nr % 8));
}

static inline void bitmap8_clear(u8 *map, unsigned int nr)
{
	map[nr / 8] &= (u8)~(1U << (nr % 8));
}

static inline bool bitmap32_test(const u32 *map, unsigned int nr)
{
	return (map[nr / 32] >> (nr % 32)) & 1;
}

static inline void bitmap32_set(u32 *map, unsigned int nr)
{
	map[nr / 32] |= 1U << (nr % 32);
}

static inline void bitmap32_clear(u32 *map, unsigned int nr)
{
	map[nr / 32] &= ~(1U << (nr % 32));
}

/*
 * Index of the first set bit at or after @start in a byte bitmap of
 * @nbits bits, or @nbits if there is none.
 */
unsigned int bitmap8_next(const u8 *map, unsigned int nbits,
			  unsigned int start);

/* Number of set bits among the first @nbits. */
unsigned int bitmap8_weight(const u8 *map, unsigned int nbits);

/*
 * Whether every bit set in @sub (of @sub_bytes bytes) is also set in
 * @super (of @super_bytes bytes); bits beyond @super count as clear.
 */
bool bitmap8_subset(const u8 *sub, unsigned int sub_bytes,
		    const u8 *super, unsigned int super_bytes);

/* Whether the two byte bitmaps share a set bit (the shorter one rules). */
bool bitmap8_intersects(const u8 *a, unsigned int a_bytes,
			const u8 *b, unsigned int b_bytes);

#define for_each_bit8(nr, map, nbits)					\
	for ((nr) = bitmap8_next(map, nbits, 0); (nr) < (nbits);	\
	     (nr) = bitmap8_next(map, nbits, (nr) + 1))

#endif /* !_JAILHOUSE_BITMAP_H */
