// SPDX-License-Identifier: GPL-2.0
/*
 * The revision converter (common/config-convert.c) on one blob, copied
 * into a buffer of exactly its size.
 *
 * Invariants: a refusal says why; an accepted blob converts into a
 * buffer of exactly the native size and refuses one a byte shorter; the
 * result is revision 15 with the input's signature, and converts to
 * itself; the size the counts state agrees with the native size of a
 * revision-15 blob (and of a converted one), whatever head of it is
 * read; the input is never written.
 */
#include "fuzz.h"

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-convert.h>

static void check_stated(const uint8_t *blob, u64 size)
{
	u64 head = size < JAILHOUSE_CONFIG_HEAD_SIZE ? size :
		JAILHOUSE_CONFIG_HEAD_SIZE;
	const char *why = NULL;
	u64 stated = jailhouse_config_stated_size(blob, head, &why);

	fuzz_assert(stated || (why && *why));
	/* a complete head: the counts say what the blob is */
	if (stated && size >= 8 && blob[6] == JAILHOUSE_CONFIG_REVISION &&
	    !blob[7] && stated == size)
		fuzz_assert(jailhouse_config_native_size(blob, size, &why) ==
			    size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *blob = malloc(size ?: 1), *out, *again;
	const char *why = NULL;
	u64 native, native2;
	u16 rev;

	fuzz_assert(blob);
	memcpy(blob, data, size);
	check_stated(blob, size);
	native = jailhouse_config_native_size(blob, size, &why);
	if (!native) {
		fuzz_assert(why && *why);
		fuzz_assert(jailhouse_config_convert(blob, size, blob, 0,
						     &why) == -1);
		goto out;
	}
	fuzz_assert(native >= size && native - size <= 12);
	out = malloc(native);
	fuzz_assert(out);
	why = NULL;
	fuzz_assert(jailhouse_config_convert(blob, size, out, native - 1,
					     &why) == -1 && why);
	fuzz_assert(jailhouse_config_convert(blob, size, out, native,
					     &why) == 0);
	memcpy(&rev, out + 6, sizeof(rev));
	fuzz_assert(rev == JAILHOUSE_CONFIG_REVISION);
	fuzz_assert(!memcmp(out, blob, JAILHOUSE_SIGNATURE_SIZE));
	if (native == size)
		fuzz_assert(!memcmp(out, blob, size));

	/* the result passes through unchanged */
	native2 = jailhouse_config_native_size(out, native, &why);
	fuzz_assert(native2 == native);
	again = malloc(native);
	fuzz_assert(again);
	fuzz_assert(jailhouse_config_convert(out, native, again, native,
					     &why) == 0);
	fuzz_assert(!memcmp(again, out, native));
	if (native != size)
		/* converted: the counts of the result give its size */
		fuzz_assert(jailhouse_config_stated_size(out, native, &why) ==
			    native);
	check_stated(out, native);
	free(again);
	free(out);
out:
	fuzz_assert(!memcmp(blob, data, size));
	free(blob);
	return 0;
}
