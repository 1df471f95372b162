/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Revision handling of configuration binaries, shared by the driver and
 * the tools: revision-15 blobs pass through, upstream revision-14 blobs are
 * converted to revision 15, anything else is refused with a reason.
 */
#ifndef _JAILHOUSE_CONFIG_CONVERT_H
#define _JAILHOUSE_CONFIG_CONVERT_H

#include <jailhouse/types.h>

/*
 * Size of @blob (@size bytes, a system or a cell configuration) in the
 * native revision-15 layout, or 0 if it cannot be converted; then *@why
 * says why in one sentence.  Converting is needed when the result differs
 * from @size or the revision is not 15.
 */
u64 jailhouse_config_native_size(const void *blob, u64 size,
				 const char **why);

/* Enough of a blob to know its size: the revision-15 system header. */
#define JAILHOUSE_CONFIG_HEAD_SIZE	500

/*
 * Size of the blob whose first @head_size bytes are at @head, as its own
 * counts describe it (revision 14 or 15), or 0 with *@why set.
 */
u64 jailhouse_config_stated_size(const void *head, u64 head_size,
				 const char **why);

/*
 * Write @blob as revision 15 to @out (of @out_size bytes, at least the
 * native size).  Returns 0, or -1 with *@why set.  @out may not overlap
 * @blob.  The revision fields of the output say 15.
 */
int jailhouse_config_convert(const void *blob, u64 size, void *out,
			     u64 out_size, const char **why);

#endif /* !_JAILHOUSE_CONFIG_CONVERT_H */
