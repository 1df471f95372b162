// SPDX-License-Identifier: GPL-2.0
/*
 * Byte bitmaps of the configuration ABI; see jailhouse/bitmap.h.
 */
#include <jailhouse/bitmap.h>

unsigned int bitmap8_next(const u8 *map, unsigned int nbits,
			  unsigned int start)
{
	unsigned int nr = start;

	while (nr < nbits) {
		u8 rest = map[nr / 8] >> (nr % 8);

		if (rest) {
			nr += __builtin_ctz(rest);
			return nr < nbits ? nr : nbits;
		}
		nr = (nr / 8 + 1) * 8;
	}
	return nbits;
}

unsigned int bitmap8_weight(const u8 *map, unsigned int nbits)
{
	unsigned int nr, weight = 0;

	for_each_bit8(nr, map, nbits)
		weight++;
	return weight;
}

bool bitmap8_subset(const u8 *sub, unsigned int sub_bytes,
		    const u8 *super, unsigned int super_bytes)
{
	unsigned int n;

	for (n = 0; n < sub_bytes; n++) {
		u8 allowed = n < super_bytes ? super[n] : 0;

		if (sub[n] & ~allowed)
			return false;
	}
	return true;
}

bool bitmap8_intersects(const u8 *a, unsigned int a_bytes,
			const u8 *b, unsigned int b_bytes)
{
	unsigned int n, bytes = a_bytes < b_bytes ? a_bytes : b_bytes;

	for (n = 0; n < bytes; n++)
		if (a[n] & b[n])
			return true;
	return false;
}
