// SPDX-License-Identifier: GPL-2.0
/*
 * Revision-14 (upstream Jailhouse v0.12) to revision-15 configuration
 * conversion; see jailhouse/config-convert.h.
 *
 * Revision 15 adds three fields and nothing else: platform_info.arm
 * .gicr_size after gicr_base (system only), and num_smc_ids and
 * num_vendors after num_stream_ids (every cell descriptor).  An upstream
 * blob has neither SMC IDs nor vendor entries, so the new fields are 0 and
 * the trailing arrays move unchanged.
 */
#include <jailhouse/config-convert.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/string.h>

/* Revision 14 layout facts (abi-facts §1.2, §1.3) */
#define V14_SYSTEM_ROOT_CELL	356	/* offset of root_cell */
#define V14_CELL_DESC_SIZE	132
#define V14_CELL_NUM_STREAM_IDS	76	/* last count before the new ones */
#define V15_GROWTH_SYSTEM	4	/* gicr_size */
#define V15_GROWTH_CELL		8	/* num_smc_ids, num_vendors */

#define CELL_COUNTS_END		(V14_CELL_NUM_STREAM_IDS + 4)

static const char *const sig_system = JAILHOUSE_SYSTEM_SIGNATURE;
static const char *const sig_cell = JAILHOUSE_CELL_DESC_SIGNATURE;

static u16 get_u16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

/* Size of a revision-14 cell descriptor at @desc with its arrays. */
static u64 v14_cell_size(const u8 *desc)
{
	struct jailhouse_cell_desc counts;

	/* the revision-15 helper on the counts the two layouts share */
	memset(&counts, 0, sizeof(counts));
	memcpy(&counts, desc, CELL_COUNTS_END);
	return jailhouse_cell_config_size(&counts) - sizeof(counts) +
		V14_CELL_DESC_SIZE;
}

static bool is_system(const u8 *blob, u64 size)
{
	return size >= JAILHOUSE_SIGNATURE_SIZE &&
		!memcmp(blob, sig_system, JAILHOUSE_SIGNATURE_SIZE);
}

u64 jailhouse_config_stated_size(const void *head, u64 head_size,
				 const char **why)
{
	const u8 *b = head;
	u64 cell_off;
	u16 revision;

	if (head_size < 8 || (!is_system(b, head_size) &&
			      memcmp(b, sig_cell, JAILHOUSE_SIGNATURE_SIZE))) {
		*why = "not a Jailhouse configuration (no JHSYS or JHCLL "
			"signature)";
		return 0;
	}
	revision = get_u16(b + 6);
	if (revision == JAILHOUSE_CONFIG_REVISION) {
		cell_off = is_system(b, head_size) ?
			offsetof(struct jailhouse_system, root_cell) : 0;
		if (head_size < cell_off + sizeof(struct jailhouse_cell_desc))
			goto short_head;
		return cell_off + jailhouse_cell_config_size(
			(const struct jailhouse_cell_desc *)(b + cell_off));
	}
	if (revision == JAILHOUSE_CONFIG_REVISION_V14) {
		cell_off = is_system(b, head_size) ? V14_SYSTEM_ROOT_CELL : 0;
		if (head_size < cell_off + V14_CELL_DESC_SIZE)
			goto short_head;
		return cell_off + v14_cell_size(b + cell_off);
	}
	*why = "configuration revision is neither 15 (native) nor 14 "
		"(upstream, converted); rebuild it against this tree's "
		"include/jailhouse/cell-config.h";
	return 0;

short_head:
	*why = "configuration truncated: shorter than its descriptor";
	return 0;
}

u64 jailhouse_config_native_size(const void *blob, u64 size,
				 const char **why)
{
	const u8 *b = blob;
	u64 cell_off, v14_size;
	u16 revision;

	if (size < 8 || (!is_system(b, size) &&
			 memcmp(b, sig_cell, JAILHOUSE_SIGNATURE_SIZE))) {
		*why = "not a Jailhouse configuration (no JHSYS or JHCLL "
			"signature)";
		return 0;
	}
	revision = get_u16(b + 6);
	if (revision == JAILHOUSE_CONFIG_REVISION)
		return size;
	if (revision != JAILHOUSE_CONFIG_REVISION_V14) {
		*why = "configuration revision is neither 15 (native) nor 14 "
			"(upstream, converted); rebuild it against this "
			"tree's include/jailhouse/cell-config.h";
		return 0;
	}

	cell_off = is_system(b, size) ? V14_SYSTEM_ROOT_CELL : 0;
	if (size < cell_off + V14_CELL_DESC_SIZE) {
		*why = "revision-14 configuration is truncated: shorter than "
			"its descriptor";
		return 0;
	}
	v14_size = cell_off + v14_cell_size(b + cell_off);
	if (v14_size != size) {
		*why = "revision-14 configuration whose size does not match "
			"its counts: truncated, or built for a fork that keeps "
			"revision 14 with another layout (ProventusNova); "
			"rebuild it from source against this tree";
		return 0;
	}
	return size + V15_GROWTH_CELL + (cell_off ? V15_GROWTH_SYSTEM : 0);
}

int jailhouse_config_convert(const void *blob, u64 size, void *out,
			     u64 out_size, const char **why)
{
	const u8 *in = blob;
	u8 *o = out;
	u64 native = jailhouse_config_native_size(blob, size, why);
	u64 in_off = 0, out_off = 0;
	u16 rev = JAILHOUSE_CONFIG_REVISION;

	if (!native)
		return -1;
	if (out_size < native) {
		*why = "conversion buffer too small";
		return -1;
	}
	if (get_u16(in + 6) == JAILHOUSE_CONFIG_REVISION) {
		memcpy(o, in, size);
		return 0;
	}

	if (is_system(in, size)) {
		/* header and platform info, then gicr_size = 0 */
		memcpy(o, in, V14_SYSTEM_ROOT_CELL);
		memset(o + V14_SYSTEM_ROOT_CELL, 0, V15_GROWTH_SYSTEM);
		memcpy(o + 6, &rev, sizeof(rev));
		in_off = V14_SYSTEM_ROOT_CELL;
		out_off = V14_SYSTEM_ROOT_CELL + V15_GROWTH_SYSTEM;
	}
	/* the cell descriptor up to num_stream_ids, two zero counts, rest */
	memcpy(o + out_off, in + in_off, CELL_COUNTS_END);
	if (!out_off)	/* a cell, not the root cell inside a system */
		memcpy(o + 6, &rev, sizeof(rev));
	memset(o + out_off + CELL_COUNTS_END, 0, V15_GROWTH_CELL);
	memcpy(o + out_off + CELL_COUNTS_END + V15_GROWTH_CELL,
	       in + in_off + CELL_COUNTS_END, size - in_off - CELL_COUNTS_END);
	return 0;
}
