// SPDX-License-Identifier: GPL-2.0
/*
 * Revision-14 to revision-15 conversion (hypervisor/config-convert.c).
 * The revision-14 blobs are made from revision-15 ones by taking out the
 * fields revision 15 added (abi-facts §1.17), so converting them back
 * must give the original bytes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-convert.h>

struct cell15 {
	struct jailhouse_cell_desc desc;
	u8 cpus[8];
	struct jailhouse_memory mem[2];
	struct jailhouse_irqchip irqchip;
} __attribute__((packed));

struct system15 {
	struct jailhouse_system sys;
	u8 cpus[8];
	struct jailhouse_memory mem[1];
} __attribute__((packed));

static void fill_cell(struct jailhouse_cell_desc *d, u16 revision)
{
	memcpy(d->signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	d->architecture = JAILHOUSE_ARM64;
	d->revision = revision;
	strcpy(d->name, "demo");
	d->cpu_set_size = 8;
	d->num_memory_regions = 2;
	d->num_irqchips = 1;
	d->vpci_irq_base = 108;
	d->cpu_reset_address = 0x1000;
	d->console.address = 0x09000000;
}

/* Remove @len bytes at @off from @buf of @size bytes. */
static size_t cut(u8 *buf, size_t size, size_t off, size_t len)
{
	memmove(buf + off, buf + off + len, size - off - len);
	return size - len;
}

static void test_cell_from_v14(void **state)
{
	struct cell15 native, out;
	u8 v14[sizeof(native)];
	const char *why = NULL;
	size_t size;

	(void)state;
	memset(&native, 0, sizeof(native));
	fill_cell(&native.desc, 15);
	native.cpus[0] = 0x2;
	native.mem[1].phys_start = 0x7f000000;
	native.irqchip.pin_base = 128;

	memcpy(v14, &native, sizeof(native));
	size = cut(v14, sizeof(v14), 80, 8);
	((struct jailhouse_cell_desc *)v14)->revision = 14;

	assert_int_equal(jailhouse_config_native_size(v14, size, &why),
			 sizeof(native));
	assert_int_equal(jailhouse_config_convert(v14, size, &out,
						  sizeof(out), &why), 0);
	assert_memory_equal(&out, &native, sizeof(native));
}

static void test_system_from_v14(void **state)
{
	struct system15 native, out;
	u8 v14[sizeof(native)];
	const char *why = NULL;
	size_t size;

	(void)state;
	memset(&native, 0, sizeof(native));
	memcpy(native.sys.signature, JAILHOUSE_SYSTEM_SIGNATURE, 5);
	native.sys.architecture = JAILHOUSE_ARM64;
	native.sys.revision = 15;
	native.sys.hypervisor_memory.phys_start = 0x7fc00000;
	native.sys.platform_info.arm.gicr_base = 0x080a0000;
	native.sys.root_cell.cpu_set_size = 8;
	native.sys.root_cell.num_memory_regions = 1;
	native.sys.root_cell.vpci_irq_base = 96;
	native.cpus[0] = 0xf;
	native.mem[0].size = 0x1000;

	memcpy(v14, &native, sizeof(native));
	size = cut(v14, sizeof(v14), 360 + 80, 8);	/* cell counts */
	size = cut(v14, size, 356, 4);			/* gicr_size */
	((struct jailhouse_system *)v14)->revision = 14;

	assert_int_equal(size, sizeof(native) - 12);
	assert_int_equal(jailhouse_config_native_size(v14, size, &why),
			 sizeof(native));
	assert_int_equal(jailhouse_config_convert(v14, size, &out,
						  sizeof(out), &why), 0);
	assert_memory_equal(&out, &native, sizeof(native));
}

static void test_native_passes_through(void **state)
{
	struct cell15 native, out;
	const char *why = NULL;

	(void)state;
	memset(&native, 0, sizeof(native));
	fill_cell(&native.desc, 15);
	assert_int_equal(jailhouse_config_native_size(&native, sizeof(native),
						      &why), sizeof(native));
	assert_int_equal(jailhouse_config_convert(&native, sizeof(native),
						  &out, sizeof(out), &why), 0);
	assert_memory_equal(&out, &native, sizeof(native));
}

static void test_other_revision_refused(void **state)
{
	struct cell15 cell;
	const char *why = NULL;

	(void)state;
	memset(&cell, 0, sizeof(cell));
	fill_cell(&cell.desc, 13);
	assert_int_equal(jailhouse_config_native_size(&cell, sizeof(cell),
						      &why), 0);
	assert_non_null(strstr(why, "neither 15 (native) nor 14"));
}

/*
 * ProventusNova's fork keeps revision 14 but adds num_vendors and a
 * vendor array: the size does not fit upstream's layout.
 */
static void test_fork_layout_refused(void **state)
{
	struct cell15 cell;
	const char *why = NULL;
	u8 out[sizeof(cell)];

	(void)state;
	memset(&cell, 0, sizeof(cell));
	fill_cell(&cell.desc, 14);
	assert_int_equal(jailhouse_config_native_size(&cell, sizeof(cell),
						      &why), 0);
	assert_non_null(strstr(why, "ProventusNova"));
	assert_int_equal(jailhouse_config_convert(&cell, sizeof(cell), out,
						  sizeof(out), &why), -1);
}

static void test_garbage_refused(void **state)
{
	const char *why = NULL;
	u8 junk[200];

	(void)state;
	memset(junk, 0x5a, sizeof(junk));
	assert_int_equal(jailhouse_config_native_size(junk, sizeof(junk),
						      &why), 0);
	assert_non_null(strstr(why, "no JHSYS or JHCLL"));
	memcpy(junk, "JHCLL", 5);
	junk[6] = 14;
	junk[7] = 0;
	assert_int_equal(jailhouse_config_native_size(junk, 100, &why), 0);
	assert_non_null(strstr(why, "truncated"));
}

static void test_small_buffer_refused(void **state)
{
	struct cell15 native;
	u8 v14[sizeof(native)], out[sizeof(native) - 1];
	const char *why = NULL;
	size_t size;

	(void)state;
	memset(&native, 0, sizeof(native));
	fill_cell(&native.desc, 15);
	memcpy(v14, &native, sizeof(native));
	size = cut(v14, sizeof(v14), 80, 8);
	((struct jailhouse_cell_desc *)v14)->revision = 14;
	assert_int_equal(jailhouse_config_convert(v14, size, out, sizeof(out),
						  &why), -1);
	assert_non_null(strstr(why, "too small"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_from_v14),
		cmocka_unit_test(test_system_from_v14),
		cmocka_unit_test(test_native_passes_through),
		cmocka_unit_test(test_other_revision_refused),
		cmocka_unit_test(test_fork_layout_refused),
		cmocka_unit_test(test_garbage_refused),
		cmocka_unit_test(test_small_buffer_refused),
	};

	return cmocka_run_group_tests_name("convert", tests, NULL, NULL);
}
