// SPDX-License-Identifier: GPL-2.0
/*
 * IVSHMEM v2 and the virtual PCI host (hypervisor/ivshmem.c) on the host:
 * two cells linked by one device, their configuration space, register
 * BAR, doorbells, state table and the peer going away.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "log.h"

#include <jailhouse/gic.h>
#include <jailhouse/ivshmem.h>

#define ECAM		0x0c000000UL
#define BAR0		0x0c100000UL
#define STATE_SIZE	0x1000

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;

static struct jailhouse_system sys;
static u32 *state_table;
static unsigned int raised[16], num_raised;

struct test_cell_config {
	struct jailhouse_cell_desc desc;
	struct jailhouse_memory mem[4];
	struct jailhouse_pci_device pci[1];
} __attribute__((packed));

static struct test_cell_config config_a, config_b, config_c;
static struct cell cell_a, cell_b, cell_c;
static struct per_cpu cpu_a, cpu_b;
static u8 pages[3][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static unsigned int pages_used;
static struct mmio_region regions_a[4], regions_b[4], regions_c[4];

void *page_alloc(void)
{
	void *page = pages[pages_used++ % 3];

	memset(page, 0, PAGE_SIZE);
	return page;
}

void page_free(void *page)
{
	(void)page;
}

void gic_raise_spi(unsigned int intid)
{
	if (num_raised < 16)
		raised[num_raised++] = intid;
}

static void make_config(struct test_cell_config *c, const char *name,
			unsigned int dev_id, unsigned int vpci_irq_base)
{
	u64 shmem = (u64)state_table;
	unsigned int n;

	memset(c, 0, sizeof(*c));
	strcpy(c->desc.name, name);
	c->desc.num_memory_regions = 4;
	c->desc.num_pci_devices = 1;
	c->desc.vpci_irq_base = vpci_irq_base;
	c->mem[0] = (struct jailhouse_memory) {
		.phys_start = shmem, .virt_start = shmem, .size = STATE_SIZE,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
	};
	c->mem[1] = (struct jailhouse_memory) {
		.phys_start = shmem + STATE_SIZE,
		.virt_start = shmem + STATE_SIZE, .size = 0x10000,
	};
	for (n = 0; n < 2; n++)
		c->mem[2 + n] = (struct jailhouse_memory) {
			.phys_start = shmem + 0x11000 + n * 0x1000,
			.virt_start = shmem + 0x11000 + n * 0x1000,
			.size = 0x1000,
		};
	c->pci[0] = (struct jailhouse_pci_device) {
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
		.bdf = 0 << 3,
		.bar_mask = { 0xfffff000 },
		.shmem_regions_start = 0,
		.shmem_dev_id = dev_id,
		.shmem_peers = 2,
		.shmem_protocol = 0x4001,
	};
}

static int setup(void **state)
{
	(void)state;
	state_table = aligned_alloc(PAGE_SIZE, STATE_SIZE);
	memset(state_table, 0xaa, STATE_SIZE);
	sys.platform_info.pci_mmconfig_base = ECAM;
	sys.platform_info.pci_mmconfig_end_bus = 0;
	system_config = &sys;
	make_config(&config_a, "a", 0, 100);
	make_config(&config_b, "b", 1, 108);
	make_config(&config_c, "c", 1, 116);
	cell_a.config = &config_a.desc;
	cell_b.config = &config_b.desc;
	cell_c.config = &config_c.desc;
	cpu_a.cell = &cell_a;
	cpu_b.cell = &cell_b;
	cell_a.mmio = (struct mmio_table){
		.regions = regions_a, .capacity = 4,
	};
	cell_b.mmio = (struct mmio_table){
		.regions = regions_b, .capacity = 4,
	};
	cell_c.mmio = (struct mmio_table){
		.regions = regions_c, .capacity = 4,
	};
	assert_int_equal(ivshmem_cell_init(&cell_a), 0);
	assert_int_equal(ivshmem_cell_init(&cell_b), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ivshmem_cell_exit(&cell_a);
	ivshmem_cell_exit(&cell_b);
	free(state_table);
	return 0;
}

static u64 access(struct per_cpu *cpu, u64 address, unsigned int size,
		  bool is_write, u64 value, bool *denied)
{
	struct mmio_access mmio = {
		.address = address, .size = size, .is_write = is_write,
		.value = value,
	};
	enum mmio_result result = mmio_dispatch(cpu, &mmio);

	assert_int_not_equal(result, MMIO_NOT_MINE);
	if (denied)
		*denied = result == MMIO_VIOLATION;
	else
		assert_int_equal(result, MMIO_HANDLED);
	return mmio.value;
}

/* Map BAR0 at @bar and enable memory decoding and the interrupt. */
static void enable_device(struct per_cpu *cpu, u64 bar)
{
	access(cpu, ECAM + 0x10, 4, true, bar, NULL);
	access(cpu, ECAM + 0x04, 2, true, 0x2, NULL);
	access(cpu, bar + 0x08, 4, true, 1, NULL);
}

/* The first peer found the state table full of junk: zeroed. */
static void test_state_table_zeroed(void **state)
{
	(void)state;
	assert_int_equal(state_table[0], 0);
	assert_int_equal(state_table[STATE_SIZE / 4 - 1], 0);
}

static void test_identity(void **state)
{
	(void)state;
	assert_int_equal(access(&cpu_a, ECAM, 4, false, 0, NULL),
			 0x4106110a);
	assert_int_equal(access(&cpu_a, ECAM + 2, 2, false, 0, NULL), 0x4106);
	assert_int_equal(access(&cpu_a, ECAM + 0x08, 4, false, 0, NULL),
			 0xff400100);		/* class ff, protocol 0x4001 */
	assert_int_equal(access(&cpu_a, ECAM + 0x06, 2, false, 0, NULL),
			 0x10);			/* capabilities list */
	assert_int_equal(access(&cpu_a, ECAM + 0x34, 1, false, 0, NULL),
			 0x40);
	assert_int_equal(access(&cpu_a, ECAM + 0x40, 4, false, 0, NULL),
			 0x00200009);		/* vendor cap, INTx: no next */
	assert_int_equal(access(&cpu_a, ECAM + 0x44, 4, false, 0, NULL),
			 STATE_SIZE);
	assert_int_equal(access(&cpu_a, ECAM + 0x48, 4, false, 0, NULL),
			 0x10000);
	assert_int_equal(access(&cpu_a, ECAM + 0x50, 4, false, 0, NULL),
			 0x1000);
	assert_int_equal(access(&cpu_a, ECAM + 0x58, 4, false, 0, NULL),
			 (u32)(u64)state_table);
	assert_int_equal(access(&cpu_a, ECAM + 0x3d, 1, false, 0, NULL), 1);
	assert_int_equal(access(&cpu_a, ECAM + 0x80, 4, false, 0, NULL),
			 0xffffffff);
}

/* BAR sizing: all ones written, the size mask read back. */
static void test_bar_sizing(void **state)
{
	(void)state;
	access(&cpu_a, ECAM + 0x10, 4, true, 0xffffffff, NULL);
	assert_int_equal(access(&cpu_a, ECAM + 0x10, 4, false, 0, NULL),
			 0xfffff000);
	access(&cpu_a, ECAM + 0x14, 4, true, 0xffffffff, NULL);
	assert_int_equal(access(&cpu_a, ECAM + 0x14, 4, false, 0, NULL), 0);
}

/* Another BDF reads as nothing; writing it, or a read-only register, or
 * more than 4 bytes, is a violation. */
static void test_violations(void **state)
{
	bool denied;

	(void)state;
	assert_int_equal(access(&cpu_a, ECAM + (1 << 15), 4, false, 0,
				&denied), 0xffffffffUL);
	assert_false(denied);
	access(&cpu_a, ECAM + (1 << 15) + 4, 4, true, 2, &denied);
	assert_true(denied);
	access(&cpu_a, ECAM, 4, true, 0x12345678, &denied);
	assert_true(denied);
	access(&cpu_a, ECAM + 0x10, 8, false, 0, &denied);
	assert_true(denied);
}

static void test_registers_and_doorbell(void **state)
{
	(void)state;
	enable_device(&cpu_a, BAR0);
	enable_device(&cpu_b, BAR0 + 0x1000);
	assert_int_equal(access(&cpu_a, BAR0, 4, false, 0, NULL), 0);
	assert_int_equal(access(&cpu_b, BAR0 + 0x1000, 4, false, 0, NULL), 1);
	assert_int_equal(access(&cpu_a, BAR0 + 4, 4, false, 0, NULL), 2);
	/* A rings peer 1: B's INTx, SPI 108, pin 1: INTID 140 */
	num_raised = 0;
	access(&cpu_a, BAR0 + 0x0c, 4, true, 1 << 16, NULL);
	assert_int_equal(num_raised, 1);
	assert_int_equal(raised[0], 140);
	/* vector 1 does not exist with INTx; peer 5 is nobody */
	access(&cpu_a, BAR0 + 0x0c, 4, true, (1 << 16) | 1, NULL);
	access(&cpu_a, BAR0 + 0x0c, 4, true, 5 << 16, NULL);
	assert_int_equal(num_raised, 1);
	/* B masks its interrupt: nothing arrives */
	access(&cpu_b, BAR0 + 0x1000 + 8, 4, true, 0, NULL);
	access(&cpu_a, BAR0 + 0x0c, 4, true, 1 << 16, NULL);
	assert_int_equal(num_raised, 1);
	/* INTx disabled in the command register: nothing either */
	access(&cpu_b, BAR0 + 0x1000 + 8, 4, true, 1, NULL);
	access(&cpu_b, ECAM + 0x04, 2, true, 0x402, NULL);
	access(&cpu_a, BAR0 + 0x0c, 4, true, 1 << 16, NULL);
	assert_int_equal(num_raised, 1);
	access(&cpu_b, ECAM + 0x04, 2, true, 0x002, NULL);
}

/* A state change lands in the table and rings the other peer. */
static void test_state(void **state)
{
	(void)state;
	num_raised = 0;
	access(&cpu_a, BAR0 + 0x10, 4, true, 0x1234, NULL);
	assert_int_equal(state_table[0], 0x1234);
	assert_int_equal(num_raised, 1);
	assert_int_equal(raised[0], 140);
	/* the same value again is no change */
	access(&cpu_a, BAR0 + 0x10, 4, true, 0x1234, NULL);
	assert_int_equal(num_raised, 1);
	assert_int_equal(access(&cpu_a, BAR0 + 0x10, 4, false, 0, NULL),
			 0x1234);
}

/* A second cell with peer id 1 is refused; when A goes, B sees it. */
static void test_peers_come_and_go(void **state)
{
	(void)state;
	assert_int_equal(ivshmem_cell_init(&cell_c), -EBUSY);
	num_raised = 0;
	state_table[0] = 7;
	ivshmem_cell_gone(&cell_a);
	assert_int_equal(state_table[0], 0);
	assert_int_equal(num_raised, 1);
	assert_int_equal(raised[0], 140);
	ivshmem_cell_exit(&cell_a);
	/* a new cell, a new MMIO table */
	cell_a.mmio.count = 0;
	assert_int_equal(ivshmem_cell_init(&cell_a), 0);
}

/*
 * The ECAM window and the BAR window after it are the cell's regions;
 * a cell without devices has none.
 */
static void test_regions(void **state)
{
	(void)state;
	assert_int_equal(cell_a.mmio.count, 2);
	assert_int_equal(regions_a[0].start, ECAM);
	assert_int_equal(regions_a[0].size, 0x100000);
	assert_int_equal(regions_a[0].widths, MMIO_W8 | MMIO_W16 | MMIO_W32);
	assert_int_equal(regions_a[1].start, ECAM + 0x100000);
	assert_int_equal(regions_a[1].size, 0x100000);
	assert_int_equal(regions_a[1].widths, MMIO_W32);
	assert_int_equal(cell_c.mmio.count, 0);	/* refused, see below */
}

/*
 * Misaligned or wrongly sized accesses to the configuration space and
 * the register BAR are refused before the device model sees them; in
 * the BAR window where no BAR is, the access is nobody's.
 */
static void test_bad_geometry_refused(void **state)
{
	struct mmio_access mmio = { .size = 2, .is_write = true };
	bool denied;

	(void)state;
	enable_device(&cpu_a, BAR0);
	/* a 2-byte write of the command register at an odd address */
	access(&cpu_a, ECAM + 0x05, 2, true, 0xffff, &denied);
	assert_true(denied);
	assert_int_equal(access(&cpu_a, ECAM + 0x04, 2, false, 0, NULL), 0x2);
	/* 2 bytes into the doorbell ring nobody */
	num_raised = 0;
	access(&cpu_a, BAR0 + 0x0c, 2, true, 0, &denied);
	assert_true(denied);
	access(&cpu_a, BAR0 + 0x0e, 2, true, 1, &denied);
	assert_true(denied);
	access(&cpu_a, BAR0 + 0x0d, 4, true, 1 << 8, &denied);
	assert_true(denied);
	assert_int_equal(num_raised, 0);
	/* the window beyond the BAR: not the device's */
	mmio.address = BAR0 + 0x10000;
	mmio.size = 4;
	assert_int_equal(mmio_dispatch(&cpu_a, &mmio), MMIO_NOT_MINE);
	/* nor the BAR with memory decoding off */
	access(&cpu_a, ECAM + 0x04, 2, true, 0, NULL);
	mmio.address = BAR0;
	mmio.is_write = false;
	assert_int_equal(mmio_dispatch(&cpu_a, &mmio), MMIO_NOT_MINE);
	access(&cpu_a, ECAM + 0x04, 2, true, 0x2, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_table_zeroed),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_bar_sizing),
		cmocka_unit_test(test_violations),
		cmocka_unit_test(test_registers_and_doorbell),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_regions),
		cmocka_unit_test(test_bad_geometry_refused),
		cmocka_unit_test(test_peers_come_and_go),
	};

	return cmocka_run_group_tests_name("ivshmem", tests, setup, teardown);
}
