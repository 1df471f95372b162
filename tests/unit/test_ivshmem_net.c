// SPDX-License-Identifier: GPL-2.0
/*
 * The ivshmem-net ring geometry (include/jailhouse/ivshmem-net.h) against
 * values worked out by hand from the wire format that upstream Jailhouse's
 * ivshmem-net driver and Zephyr's eth_ivshmem share (legacy virtio ring
 * size with event indexes, 64-byte alignment, the largest power of two
 * whose header is under an eighth of the section): descriptor count,
 * header size, ring offsets, data area and MTUs for six section sizes,
 * the n = 32 quirk, and the refusal of sections that are too small.  The
 * expected numbers are not the code's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/ivshmem-net.h>

struct expected {
	u64 section;
	u32 n;
	u64 header, avail, used, data;
	u32 default_mtu, max_mtu;
};

/* section size -> geometry, as both existing implementations compute it */
static const struct expected table[] = {
	{ 0x1000, 32, 0x700, 0x200, 0x280, 0x900, 144, 576 },
	{ 0x4000, 64, 0x700, 0x400, 0x4c0, 0x3900, 912, 3648 },
	{ 0x10000, 256, 0x1a80, 0x1000, 0x1240, 0xe580, 3672, 14688 },
	{ 0x3f000, 1024, 0x6880, 0x4000, 0x4840, 0x38780, 14456, 57824 },
	{ 0x7f000, 2048, 0xd080, 0x8000, 0x9040, 0x71f80, 16384, 65535 },
	{ 0xff000, 4096, 0x1a080, 0x10000, 0x12040, 0xff000 - 0x1a080,
	  16384, 65535 },
};

static void check(const struct expected *e)
{
	struct ivshmem_net_geometry geo;

	print_message("L = 0x%llx\n", (unsigned long long)e->section);
	assert_int_equal(ivshmem_net_geometry(e->section, &geo), 0);
	assert_int_equal(geo.section_size, e->section);
	assert_int_equal(geo.num_desc, e->n);
	assert_int_equal(geo.header_size, e->header);
	assert_int_equal(geo.avail_offset, e->avail);
	assert_int_equal(geo.used_offset, e->used);
	assert_int_equal(geo.data_size, e->data);
	assert_int_equal(ivshmem_net_default_mtu(&geo), e->default_mtu);
	assert_int_equal(ivshmem_net_max_mtu(&geo), e->max_mtu);
	/* the event words: right after avail.ring[n] and used.ring[n] */
	assert_int_equal(geo.used_event_offset, e->avail + 4 + 2 * e->n);
	assert_int_equal(geo.avail_event_offset, e->used + 4 + 8 * e->n);
	assert_true(geo.avail_event_offset + 2 <= geo.header_size);
}

static void test_fact_sheet_table(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(table); i++)
		check(&table[i]);
}

/* the JAILHOUSE_SHMEM_NET_REGIONS section, spelled out (§3 bold row) */
static void test_net_regions(void **state)
{
	struct ivshmem_net_geometry geo;

	(void)state;
	assert_int_equal(ivshmem_net_geometry(0x7f000, &geo), 0);
	assert_int_equal(geo.num_desc, 2048);
	assert_int_equal(geo.header_size, 0xd080);
	assert_int_equal(geo.used_event_offset, 0x9004);
	assert_int_equal(geo.avail_event_offset, 0xd044);
}

/* ≥ 0xFF000: always 4096 descriptors, the header of 0x1A080 */
static void test_large_sections(void **state)
{
	struct ivshmem_net_geometry geo;

	(void)state;
	assert_int_equal(ivshmem_net_geometry(0x200000, &geo), 0);
	assert_int_equal(geo.num_desc, 4096);
	assert_int_equal(geo.header_size, 0x1a080);
	assert_int_equal(geo.data_size, 0x200000 - 0x1a080);
	assert_int_equal(ivshmem_net_default_mtu(&geo), 16384);
	assert_int_equal(ivshmem_net_max_mtu(&geo), 65535);
}

/*
 * Too small: no n >= 64 fits, so n = 32 with the 0x700-byte header of
 * n = 64, and the data area must hold 4 * 68 bytes: 0x810 is the least.
 */
static void test_too_small(void **state)
{
	struct ivshmem_net_geometry geo;

	(void)state;
	assert_int_equal(ivshmem_net_geometry(0x800, &geo), -1);
	assert_int_equal(geo.num_desc, 32);
	assert_int_equal(geo.header_size, 0x700);
	assert_int_equal(ivshmem_net_geometry(0, &geo), -1);
	assert_int_equal(geo.data_size, 0);
	assert_int_equal(ivshmem_net_geometry(0x6ff, &geo), -1);
	assert_int_equal(geo.data_size, 0);
	assert_int_equal(ivshmem_net_geometry(0x80f, &geo), -1);

	assert_int_equal(ivshmem_net_min_section_size(), 0x700 + 4 * 68);
	assert_int_equal(ivshmem_net_geometry(0x810, &geo), 0);
	assert_int_equal(geo.num_desc, 32);
	assert_int_equal(geo.data_size, 4 * 68);
	assert_int_equal(ivshmem_net_max_mtu(&geo), 68);
	/* data / 16 would be 17: the default never goes below 68 */
	assert_int_equal(ivshmem_net_default_mtu(&geo), 68);
}

/* virtio's vring_need_event, with wrap-around */
static void test_need_event(void **state)
{
	(void)state;
	assert_true(ivshmem_net_need_event(0, 1, 0));
	assert_false(ivshmem_net_need_event(0, 0, 0));
	assert_true(ivshmem_net_need_event(5, 8, 3));
	assert_true(ivshmem_net_need_event(7, 8, 3));
	assert_false(ivshmem_net_need_event(8, 8, 3));
	assert_false(ivshmem_net_need_event(2, 8, 3));
	assert_true(ivshmem_net_need_event(0xffff, 2, 0xfffe));
	assert_false(ivshmem_net_need_event(2, 2, 0xfffe));
	/* the peer's event word still 0: only crossing 0 kicks */
	assert_false(ivshmem_net_need_event(0, 100, 99));
	assert_true(ivshmem_net_need_event(0, 1, 0xffff));
}

static void test_constants(void **state)
{
	(void)state;
	assert_int_equal(IVSHMEM_NET_PROTOCOL, 0x0001);
	assert_int_equal(IVSHMEM_NET_PCI_CLASS, 0xff0001);
	assert_int_equal(IVSHMEM_NET_STATE_RESET, 0);
	assert_int_equal(IVSHMEM_NET_STATE_INIT, 1);
	assert_int_equal(IVSHMEM_NET_STATE_READY, 2);
	assert_int_equal(IVSHMEM_NET_STATE_RUN, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fact_sheet_table),
		cmocka_unit_test(test_net_regions),
		cmocka_unit_test(test_large_sections),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_need_event),
		cmocka_unit_test(test_constants),
	};

	return cmocka_run_group_tests_name("ivshmem-net", tests, NULL, NULL);
}
