// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 logic (hypervisor/arch/arm64/gic-v3.c) on the host: the
 * distributor and redistributors are host buffers, the CPU interface a
 * fake register file.  Checks the ownership filtering of emulated
 * accesses, the injection through list registers and their overflow.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "log.h"

#include <jailhouse/gic.h>

#define MAX_DIRS	64

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;

static struct jailhouse_system sys;
static u8 *gicd_mem, *gicr_mem, *percpu_mem;
static struct cell cell_a, cell_b;
static struct jailhouse_cell_desc desc_a = { .name = "A" };
static struct jailhouse_cell_desc desc_b = { .name = "B" };
static struct jailhouse_cell_desc desc_root = { .name = "root" };
static bool last_denied;
static struct mmio_region regions_root[16], regions_a[16], regions_b[16];

/* the fake CPU interface */
static u64 lrs[16], ich_hcr, iar_queue[16];
static unsigned int iar_count, iar_next, dirs[MAX_DIRS], num_dirs;
static unsigned int eoirs[MAX_DIRS], num_eoirs;
static u64 sgi1r_written[8];
static unsigned int num_sgi1r;
/* a level maintenance interrupt: asserted while ICH_HCR_EL2.UIE is set */
static bool maintenance_level;
static unsigned int iar_reads;

u64 arch_counter_us(void)
{
	return 0;
}

static int lr_index(const char *name)
{
	int n;

	return sscanf(name, "ich_lr%d_el2", &n) == 1 ? n : -1;
}

unsigned long fake_sysreg_read(const char *name)
{
	unsigned long free = 0;
	int n = lr_index(name);

	if (n >= 0)
		return lrs[n];
	if (!strcmp(name, "ich_vtr_el2"))
		return 3;		/* 4 list registers */
	if (!strcmp(name, "ich_elrsr_el2")) {
		for (n = 0; n < 4; n++)
			if (!(lrs[n] >> 62))
				free |= 1UL << n;
		return free;
	}
	if (!strcmp(name, "ich_hcr_el2"))
		return ich_hcr;
	if (!strcmp(name, "tpidr_el2"))
		return (unsigned long)per_cpu(0);
	if (!strcmp(name, "icc_iar1_el1")) {
		/* a storm ends after 100 reads, so that the test can fail */
		if (maintenance_level && (ich_hcr & 2) && ++iar_reads < 100)
			return 25;
		return iar_next < iar_count ? iar_queue[iar_next++] : 1023;
	}
	return 0;
}

void fake_sysreg_write(const char *name, unsigned long value)
{
	int n = lr_index(name);

	if (n >= 0)
		lrs[n] = value;
	else if (!strcmp(name, "ich_hcr_el2"))
		ich_hcr = value;
	else if (!strcmp(name, "icc_dir_el1") && num_dirs < MAX_DIRS)
		dirs[num_dirs++] = value;
	else if (!strcmp(name, "icc_eoir1_el1") && num_eoirs < MAX_DIRS)
		eoirs[num_eoirs++] = value;
	else if (!strcmp(name, "icc_sgi1r_el1") && num_sgi1r < 8)
		sgi1r_written[num_sgi1r++] = value;
}

static u32 reg32(u8 *base, unsigned long off)
{
	return *(u32 *)(base + off);
}

static int setup(void **state)
{
	struct per_cpu *cpu;
	unsigned int n;

	(void)state;
	gicd_mem = aligned_alloc(0x10000, GICD_SIZE);
	gicr_mem = aligned_alloc(0x10000, 2 * GICR_FRAME_SIZE);
	percpu_mem = aligned_alloc(PAGE_SIZE, 2 * PERCPU_SIZE);
	memset(gicd_mem, 0, GICD_SIZE);
	memset(gicr_mem, 0, 2 * GICR_FRAME_SIZE);
	memset(percpu_mem, 0, 2 * PERCPU_SIZE);

	sys.platform_info.arm.gic_version = 3;
	sys.platform_info.arm.gicd_base = (u64)gicd_mem;
	sys.platform_info.arm.gicr_base = (u64)gicr_mem;
	sys.platform_info.arm.gicr_size = 2 * GICR_FRAME_SIZE;
	sys.platform_info.arm.maintenance_irq = 25;
	system_config = &sys;
	hypervisor_header.max_cpus = 2;
	hypervisor_header.core_size = (unsigned long)percpu_mem -
		(unsigned long)&hypervisor_header;

	/* cell A owns SPIs 32-63 and 100, cell B SPIs 64-95 */
	cell_a.arch.irq_bitmap[0] = ~(1U << SGI_INJECT) & ~(1U << 25);
	cell_a.arch.irq_bitmap[1] = 0xffffffff;
	cell_a.arch.irq_bitmap[3] = 1U << (100 - 96);
	cell_b.arch.irq_bitmap[0] = cell_a.arch.irq_bitmap[0];
	cell_b.arch.irq_bitmap[2] = 0xffffffff;
	cell_a.config = &desc_a;
	cell_b.config = &desc_b;
	root_cell.config = &desc_root;
	cell_a.cpu_set[0] = 1 << 0;
	cell_b.cpu_set[0] = 1 << 1;

	/* CPU 0 in cell A, CPU 1 in cell B, one redistributor each */
	for (n = 0; n < 2; n++) {
		cpu = per_cpu(n);
		cpu->cpu_id = n;
		cpu->arch.mpidr = n;
		cpu->cell = n ? &cell_b : &cell_a;
		cpu->arch.gicr = gicr_mem + n * GICR_FRAME_SIZE;
		cpu->arch.num_lrs = 4;
		*(u64 *)(gicr_mem + n * GICR_FRAME_SIZE + 8) =
			(u64)n << 32 | (n ? 1 << 4 : 0);
	}
	if (gic_init())
		return -1;
	/* each cell's table, with the distributor and redistributors */
	root_cell.mmio = (struct mmio_table){
		.regions = regions_root, .capacity = 16,
	};
	cell_a.mmio = (struct mmio_table){
		.regions = regions_a, .capacity = 16,
	};
	cell_b.mmio = (struct mmio_table){
		.regions = regions_b, .capacity = 16,
	};
	return gic_cell_init(&root_cell) || gic_cell_init(&cell_a) ||
		gic_cell_init(&cell_b);
}

static int teardown(void **state)
{
	(void)state;
	free(gicd_mem);
	free(gicr_mem);
	free(percpu_mem);
	return 0;
}

/* An access through the cell's MMIO table, as a trap makes it. */
static bool gic_mmio_access(struct per_cpu *cpu, u64 address,
			    struct mmio_access *mmio)
{
	enum mmio_result result;

	mmio->address = address;
	result = mmio_dispatch(cpu, mmio);
	last_denied = result == MMIO_VIOLATION;
	return result == MMIO_HANDLED;
}

static bool access(unsigned int cpu, u64 offset, unsigned int size,
		   bool is_write, u64 *value)
{
	struct mmio_access mmio = {
		.size = size, .is_write = is_write, .value = *value,
	};
	bool handled = gic_mmio_access(per_cpu(cpu), (u64)gicd_mem + offset,
				       &mmio);

	*value = mmio.value;
	return handled;
}

/*
 * Set-enable writes only reach the writer's interrupts.  The foreign bits
 * of a cell other than the root are dropped, the cell runs on, and each
 * foreign INTID is logged once (a Linux or RTOS GIC init writes them all).
 */
static void test_enable_filtered(void **state)
{
	u64 value = 0xffffffff;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	memset(cell_b.arch.foreign_logged, 0,
	       sizeof(cell_b.arch.foreign_logged));
	num_logs = 0;
	assert_true(access(0, 0x104, 4, true, &value));	/* SPIs 32-63 */
	assert_false(last_denied);
	assert_int_equal(reg32(gicd_mem, 0x104), 0xffffffff);
	assert_int_equal(num_logs, 0);
	value = 0xffffffff;
	assert_true(access(0, 0x108, 4, true, &value));	/* 64-95: B's */
	assert_false(last_denied);
	assert_int_equal(reg32(gicd_mem, 0x108), 0);
	assert_int_equal(num_logs, 1);
	assert_non_null(strstr(last_log, "Cell 'A': writes to INTIDs 64-95 "
			       "dropped: not its interrupts "
			       "(GICD_ISENABLER2"));
	/* once per INTID: the same write again says nothing */
	value = 0xffffffff;
	assert_true(access(0, 0x108, 4, true, &value));
	assert_int_equal(num_logs, 1);
	value = 0xffffffff;
	assert_true(access(1, 0x108, 4, true, &value));
	assert_false(last_denied);
	assert_int_equal(reg32(gicd_mem, 0x108), 0xffffffff);
	assert_int_equal(num_logs, 1);
	/* clearing foreign bits changes nothing either */
	value = 0xffffffff;
	assert_true(access(0, 0x188, 4, true, &value));
	assert_false(last_denied);
	assert_int_equal(reg32(gicd_mem, 0x108), 0xffffffff);
	/* a word with owned and foreign INTIDs: runs around the owned one */
	value = 0xffffffff;
	assert_true(access(0, 0x10c, 4, true, &value));	/* 96-127 */
	assert_int_equal(reg32(gicd_mem, 0x10c), 1U << 4);
	assert_int_equal(num_logs, 3);
	assert_non_null(strstr(last_log, "INTIDs 101-127 dropped"));
	/* reads show only the reader's interrupts */
	value = 0;
	assert_true(access(0, 0x108, 4, false, &value));
	assert_int_equal(value, 0);
	value = 0;
	assert_true(access(0, 0x110, 4, false, &value));
	assert_int_equal(value, 0);
}

/* Priority and configuration of foreign INTIDs: dropped, logged once. */
static void test_foreign_fields_logged(void **state)
{
	u64 value = 0xa0a0a0a0;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	num_logs = 0;
	/* a read-modify-write of an owned field keeps foreign fields 0 */
	value = 0xa0;
	assert_true(access(0, 0x400 + 100, 4, true, &value));	/* 100-103 */
	assert_int_equal(num_logs, 0);
	value = 0xa0a0a0a0;
	assert_true(access(0, 0x400 + 100, 4, true, &value));
	assert_int_equal(reg32(gicd_mem, 0x400 + 100), 0xa0);
	assert_int_equal(num_logs, 1);
	assert_non_null(strstr(last_log, "INTIDs 101-103 dropped: not its "
			       "interrupts (GICD_IPRIORITYR25"));
	value = 0x3;
	assert_true(access(0, 0x400 + 101, 1, true, &value));
	assert_int_equal(num_logs, 1);
	/* ICFGR4: INTIDs 64-79 are B's */
	value = 0x2;
	assert_true(access(0, 0xc00 + 4 * 4, 4, true, &value));
	assert_int_equal(reg32(gicd_mem, 0xc00 + 4 * 4), 0);
	assert_int_equal(num_logs, 2);
	assert_non_null(strstr(last_log, "write to INTID 64 dropped: not its "
			       "interrupt (GICD_ICFGR4"));
	/* wrongly sized configuration accesses touch nothing */
	value = 0xff;
	assert_false(access(0, 0xc00 + 2 * 4, 1, true, &value));
	assert_int_equal(gicd_mem[0xc00 + 2 * 4], 0);
}

static void test_root_foreign_bits_dropped(void **state)
{
	u64 value = 0xffffffff;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memcpy(root_cell.arch.irq_bitmap, cell_a.arch.irq_bitmap,
	       sizeof(root_cell.arch.irq_bitmap));
	per_cpu(0)->cell = &root_cell;
	assert_true(access(0, 0x108, 4, true, &value));
	per_cpu(0)->cell = &cell_a;
	assert_false(last_denied);
	assert_int_equal(reg32(gicd_mem, 0x108), 0);
}

/* Priorities: byte fields, read-modify-write of the owned ones only. */
static void test_priority_rmw(void **state)
{
	u64 value;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	*(u32 *)(gicd_mem + 0x400 + 60) = 0x11223344;	/* INTIDs 60-63 */
	*(u32 *)(gicd_mem + 0x400 + 64) = 0x55667788;	/* INTIDs 64-67 */
	value = 0xa0a0a0a0;
	assert_true(access(0, 0x400 + 60, 4, true, &value));
	assert_int_equal(reg32(gicd_mem, 0x400 + 60), 0xa0a0a0a0);
	value = 0xa0a0a0a0;
	assert_true(access(0, 0x400 + 64, 4, true, &value));
	assert_int_equal(reg32(gicd_mem, 0x400 + 64), 0x55667788);
	value = 0xb0;
	assert_true(access(0, 0x400 + 100, 1, true, &value));
	assert_int_equal(gicd_mem[0x400 + 100], 0xb0);
	value = 0xb0;
	assert_true(access(0, 0x400 + 101, 1, true, &value));
	assert_int_equal(gicd_mem[0x400 + 101], 0);
}

/* Configuration: 2 bits per INTID, a mixed word keeps B's bits. */
static void test_config_rmw(void **state)
{
	u64 value = 0xffffffff;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	/* ICFGR6 covers INTIDs 96-111: only 100 is A's */
	assert_true(access(0, 0xc00 + 6 * 4, 4, true, &value));
	assert_int_equal(reg32(gicd_mem, 0xc00 + 6 * 4), 3U << 8);
}

/*
 * Routing: a cell routes its own SPIs to its own CPUs; a route of a
 * foreign SPI, or to a foreign CPU, is dropped and logged once.
 */
static void test_router(void **state)
{
	u64 value = 0x0;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	num_logs = 0;
	*(u64 *)(gicd_mem + 0x6000 + 8 * 70) = 0x1;
	assert_true(access(0, 0x6000 + 8 * 70, 8, true, &value));
	assert_false(last_denied);
	assert_int_equal(*(u64 *)(gicd_mem + 0x6000 + 8 * 70), 1);
	assert_int_equal(num_logs, 1);
	assert_non_null(strstr(last_log, "write to INTID 70 dropped"));
	assert_true(access(0, 0x6000 + 8 * 70, 8, true, &value));
	assert_int_equal(num_logs, 1);
	value = 0x1;			/* CPU 1 is cell B's */
	*(u64 *)(gicd_mem + 0x6000 + 8 * 40) = 0x55;
	assert_true(access(0, 0x6000 + 8 * 40, 8, true, &value));
	assert_false(last_denied);
	assert_int_equal(*(u64 *)(gicd_mem + 0x6000 + 8 * 40), 0x55);
	assert_int_equal(num_logs, 2);
	assert_non_null(strstr(last_log, "route of INTID 40 to 0x1 dropped: "
			       "not one of its CPUs"));
	value = 0x0;			/* CPU 0, its own */
	assert_true(access(0, 0x6000 + 8 * 40, 8, true, &value));
	assert_false(last_denied);
	assert_int_equal(*(u64 *)(gicd_mem + 0x6000 + 8 * 40), 0);
	*(u64 *)(gicd_mem + 0x6000 + 8 * 70) = 0x77;
	value = 5;
	assert_true(access(0, 0x6000 + 8 * 70, 8, false, &value));
	assert_int_equal(value, 0);
}

/*
 * A cell writing the routes of hundreds of foreign SPIs, one by one (a
 * GIC init, or a flood): each INTID once, and no more lines than the
 * cell's budget, then one line with the count.
 */
static void test_foreign_logging_budget(void **state)
{
	unsigned int intid;
	u64 value;

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	memset(&cell_a.log_budget, 0, sizeof(cell_a.log_budget));
	num_logs = 0;
	for (intid = 101; intid < 1020; intid++) {
		value = 0;
		assert_true(access(0, 0x6000 + 8 * intid, 8, true, &value));
	}
	assert_int_equal(num_logs, LOG_BUDGET_LINES);
	log_budget_flush(&cell_a);
	assert_int_equal(num_logs, LOG_BUDGET_LINES + 1);
	assert_string_equal(last_log, "Cell 'A': 887 further lines about it "
			    "suppressed (at most 32 in 10 s)\n");
	memset(&cell_a.log_budget, 0, sizeof(cell_a.log_budget));
}

/* A new cell's SPI leaves the root cell, routed to the cell; and back. */
static void test_spi_changes_hands(void **state)
{
	struct cell cell_c = { .config = &desc_b };

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(root_cell.arch.irq_bitmap, 0xff,
	       sizeof(root_cell.arch.irq_bitmap));
	root_cell.cpu_set[0] = 1 << 0;
	cell_c.cpu_set[0] = 1 << 1;
	cell_c.arch.irq_bitmap[1] = 1U << (40 - 32);
	gic_cell_take_irqs(&cell_c);
	assert_int_equal(root_cell.arch.irq_bitmap[1], ~(1U << 8));
	assert_int_equal(*(u64 *)(gicd_mem + 0x6000 + 8 * 40), 1);
	assert_int_equal(reg32(gicd_mem, 0x184), 1U << 8);	/* disabled */
	gic_cell_return_irqs(&cell_c);
	assert_int_equal(root_cell.arch.irq_bitmap[1], 0xffffffff);
	assert_int_equal(*(u64 *)(gicd_mem + 0x6000 + 8 * 40), 0);
}

/*
 * The cells' SGIs are virtual: their pending state shows in
 * GICR_ISPENDR0 and is cleared through GICR_ICPENDR0.
 */
static void test_sgi_pending_state(void **state)
{
	struct per_cpu *cpu0 = per_cpu(0);
	u8 *sgi_frame = gicr_mem + 0x10000;
	struct mmio_access mmio = { .size = 4 };

	(void)state;
	memset(lrs, 0, sizeof(lrs));
	cpu0->arch.pending_sgis = 0;
	gic_send_sgis(cpu0, (7UL << 24) | 1);		/* SGI 7 to itself */
	gic_flush_pending(cpu0);
	assert_true(gic_mmio_access(cpu0, (u64)sgi_frame + 0x200, &mmio));
	assert_int_equal(mmio.value & 0xffff, 1U << 7);
	mmio.is_write = true;
	mmio.value = 1U << 7;
	assert_true(gic_mmio_access(cpu0, (u64)sgi_frame + 0x280, &mmio));
	mmio.is_write = false;
	assert_true(gic_mmio_access(cpu0, (u64)sgi_frame + 0x200, &mmio));
	assert_int_equal(mmio.value & 0xffff, 0);
	/* set pending through ISPENDR0: queued for injection */
	mmio.is_write = true;
	mmio.value = 1U << 9;
	assert_true(gic_mmio_access(cpu0, (u64)sgi_frame + 0x200, &mmio));
	assert_int_equal(cpu0->arch.pending_sgis, 1U << 9);
	cpu0->arch.pending_sgis = 0;
}

/* The hypervisor's SGI 0 and maintenance PPI cannot be disabled. */
static void test_reserved_private_irqs(void **state)
{
	struct mmio_access mmio = {
		.size = 4, .is_write = true, .value = 0xffffffff,
	};
	u8 *icenabler0 = gicr_mem + 0x10000 + 0x180;

	(void)state;
	memset(icenabler0, 0, 4);
	assert_true(gic_mmio_access(per_cpu(0), (u64)icenabler0, &mmio));
	assert_int_equal(reg32(icenabler0, 0),
			 0xffffffff & ~(1U << SGI_INJECT) & ~(1U << 25));
}

/* Another cell's redistributor: identification only, writes dropped. */
static void test_foreign_redistributor(void **state)
{
	u8 *frame1 = gicr_mem + GICR_FRAME_SIZE;
	struct mmio_access mmio = {
		.size = 4, .is_write = true, .value = 0xffffffff,
	};

	(void)state;
	memset(frame1 + 0x10100, 0, 4);
	assert_true(gic_mmio_access(per_cpu(0), (u64)frame1 + 0x10100,
				    &mmio));
	assert_int_equal(reg32(frame1, 0x10100), 0);
	mmio.is_write = false;
	mmio.size = 8;
	assert_true(gic_mmio_access(per_cpu(0), (u64)frame1 + 8, &mmio));
	assert_int_equal(mmio.value >> 32, 1);		/* its TYPER */
}

/* Six interrupts, four list registers: two wait, underflow requested. */
static void test_list_register_overflow(void **state)
{
	struct per_cpu *cpu = per_cpu(0);
	unsigned int n;

	(void)state;
	memset(lrs, 0, sizeof(lrs));
	num_dirs = 0;
	iar_count = iar_next = 0;
	for (n = 0; n < 6; n++)
		iar_queue[iar_count++] = 40 + n;
	gic_handle_irq(cpu);
	for (n = 0; n < 4; n++) {
		assert_int_equal(lrs[n] & 0x3ff, 40 + n);
		assert_int_equal(lrs[n] >> 61, 3);	/* pending, HW */
		assert_int_equal((lrs[n] >> 32) & 0x3ff, 40 + n);
	}
	assert_int_equal(cpu->arch.pending_count, 2);
	assert_true(ich_hcr & 2);			/* underflow IRQ */
	assert_int_equal(num_dirs, 0);			/* none dropped */

	/* the guest handled two: the waiting ones get their place */
	lrs[1] = lrs[2] = 0;
	gic_flush_pending(cpu);
	assert_int_equal(lrs[1] & 0x3ff, 44);
	assert_int_equal(lrs[2] & 0x3ff, 45);
	assert_int_equal(cpu->arch.pending_count, 0);
	assert_false(ich_hcr & 2);
}

/* A foreign interrupt is deactivated, never injected. */
static void test_foreign_irq_dropped(void **state)
{
	(void)state;
	memset(lrs, 0, sizeof(lrs));
	num_dirs = 0;
	iar_count = iar_next = 0;
	iar_queue[iar_count++] = 70;	/* cell B's, arriving on CPU 0 */
	gic_handle_irq(per_cpu(0));
	assert_int_equal(lrs[0], 0);
	assert_int_equal(num_dirs, 1);
	assert_int_equal(dirs[0], 70);
}

/*
 * An LPI (no cell has any) and a reserved INTID: each gets its priority
 * drop (and the reserved one its deactivation) and the loop goes on to
 * the interrupt behind them; left active, they would block the CPU.
 */
static void test_unknown_intids_completed(void **state)
{
	(void)state;
	memset(lrs, 0, sizeof(lrs));
	log_clear();
	num_dirs = num_eoirs = 0;
	iar_count = iar_next = 0;
	iar_queue[iar_count++] = 8192;
	iar_queue[iar_count++] = 2000;
	iar_queue[iar_count++] = 40;	/* cell A's, on its CPU 0 */
	gic_handle_irq(per_cpu(0));
	assert_int_equal(num_eoirs, 3);
	assert_int_equal(eoirs[0], 8192);
	assert_int_equal(eoirs[1], 2000);
	assert_int_equal(num_dirs, 1);
	assert_int_equal(dirs[0], 2000);
	assert_int_equal(lrs[0] & 0xffffffff, 40);
	assert_non_null(strstr(all_logs, "INTID 8192 dropped: an LPI"));
}

/* SGIs go to CPUs of the sender's cell only, as virtual SGIs. */
static void test_sgi_stays_in_cell(void **state)
{
	struct per_cpu *cpu0 = per_cpu(0), *cpu1 = per_cpu(1);

	(void)state;
	cpu0->arch.pending_sgis = cpu1->arch.pending_sgis = 0;
	num_sgi1r = 0;
	/* SGI 3 to CPUs 0 and 1 (target list bits 0, 1) from CPU 0 */
	gic_send_sgis(cpu0, (3UL << 24) | 3);
	assert_int_equal(cpu0->arch.pending_sgis, 1U << 3);
	assert_int_equal(cpu1->arch.pending_sgis, 0);	/* other cell */
	assert_int_equal(num_sgi1r, 0);		/* no physical kick */
	memset(lrs, 0, sizeof(lrs));
	gic_flush_pending(cpu0);
	assert_int_equal(lrs[0] & 0xffffffff, 3);
	assert_int_equal(lrs[0] >> 61, 2);		/* pending, not HW */
	/* broadcast (IRM) from CPU 0 reaches nobody else in cell A */
	gic_send_sgis(cpu0, (5UL << 24) | (1UL << 40));
	assert_int_equal(cpu1->arch.pending_sgis, 0);
}

/*
 * An SGI that arrives while the guest still handles the last one (its
 * list register active) makes that list register pending and active: a
 * second list register with the same vINTID would be UNPREDICTABLE.
 */
static void test_sgi_while_active(void **state)
{
	struct per_cpu *cpu0 = per_cpu(0);

	(void)state;
	memset(lrs, 0, sizeof(lrs));
	cpu0->arch.pending_sgis = 0;
	lrs[2] = (2UL << 62) | (1UL << 60) | 4;		/* SGI 4 active */
	gic_send_sgis(cpu0, (4UL << 24) | 1);
	gic_flush_pending(cpu0);
	assert_int_equal(lrs[2] >> 62, 3);		/* pending+active */
	assert_int_equal(lrs[0], 0);
	assert_int_equal(lrs[1], 0);
	assert_int_equal(lrs[3], 0);
	memset(lrs, 0, sizeof(lrs));
}

/*
 * UIE armed with free list registers (an SGI queued by another CPU after
 * the flush took the rest): the level maintenance interrupt must not keep
 * the CPU in the hypervisor.
 */
static void test_underflow_no_storm(void **state)
{
	struct per_cpu *cpu0 = per_cpu(0);

	(void)state;
	memset(lrs, 0, sizeof(lrs));
	cpu0->arch.pending_sgis = 0;
	cpu0->arch.underflow_armed = true;
	ich_hcr = 3;				/* EN | UIE */
	iar_count = iar_next = iar_reads = 0;
	maintenance_level = true;
	gic_handle_irq(cpu0);
	maintenance_level = false;
	assert_true(iar_reads < 5);
	assert_int_equal(ich_hcr, 1);
}

static struct cell *shared_target(unsigned int intid)
{
	(void)intid;
	return &cell_b;
}

/*
 * A shared line (root's physical interrupt, cell B's virtual one):
 * deactivated and handed to B's CPU as a purely virtual interrupt, the
 * line never masked at the distributor, so that a B that never completes
 * it cannot keep it from the root cell.  A second firing while B's list
 * register still holds it adds the pending state to that list register
 * (one vINTID in two list registers is UNPREDICTABLE).
 */
static void test_shared_line(void **state)
{
	struct per_cpu *cpu0 = per_cpu(0), *cpu1 = per_cpu(1);

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(lrs, 0, sizeof(lrs));
	assert_int_equal(gic_register_shared_irq(100, shared_target), 0);
	cell_b.arch.virq_allowed[3] = 1U << 4;		/* INTID 100 */
	/* B enables it: its virtual enable, not the distributor's */
	num_sgi1r = 0;
	{
		u64 value = 1U << 4;

		assert_true(access(1, 0x10c, 4, true, &value));
		assert_false(last_denied);
		assert_int_equal(reg32(gicd_mem, 0x10c), 0);
		value = 0;
		assert_true(access(1, 0x10c, 4, false, &value));
		assert_int_equal(value, 1U << 4);
	}
	/* it fires on CPU 0 */
	iar_queue[0] = 100;
	iar_count = 1;
	iar_next = num_dirs = 0;
	cpu1->arch.pending_virq = 0;
	gic_handle_irq(cpu0);
	assert_int_equal(reg32(gicd_mem, 0x18c), 0);	/* not masked */
	assert_int_equal(num_dirs, 1);
	assert_int_equal(dirs[0], 100);
	assert_int_equal(cpu1->arch.pending_virq, 100);
	assert_int_equal(num_sgi1r, 1);			/* CPU 1 kicked */
	/* CPU 1 injects it, purely virtual */
	memset(lrs, 0, sizeof(lrs));
	gic_flush_pending(cpu1);
	assert_int_equal(lrs[0] & 0xffffffff, 100);
	assert_false(lrs[0] & (1UL << 61));		/* not HW */
	/* B takes it (active) and it fires again: the same LR, pending */
	lrs[0] = (lrs[0] & ~(3UL << 62)) | (2UL << 62);
	iar_queue[0] = 100;
	iar_count = 1;
	iar_next = 0;
	gic_handle_irq(cpu0);
	gic_flush_pending(cpu1);
	assert_int_equal(lrs[0] >> 62, 3);		/* pending and active */
	assert_int_equal(lrs[1], 0);
	assert_int_equal(reg32(gicd_mem, 0x18c), 0);
	cell_b.arch.virq_allowed[3] = cell_b.arch.virq_enabled[3] = 0;
}

/*
 * The distributor's regions: end to end over its 64 KiB, each with the
 * widths of its registers; then the redistributor window.
 */
static void test_regions(void **state)
{
	const struct mmio_table *t = &cell_a.mmio;
	/* sorted: the host's buffers may come in either order */
	unsigned int d = gicr_mem < gicd_mem, r = d ? 0 : 8, n;

	(void)state;
	assert_int_equal(t->count, 9);
	assert_int_equal(t->regions[d].start, (u64)gicd_mem);
	for (n = d; n + 1 < d + 8; n++)
		assert_int_equal(t->regions[n].start + t->regions[n].size,
				 t->regions[n + 1].start);
	assert_int_equal(t->regions[d + 7].start + t->regions[d + 7].size,
			 (u64)gicd_mem + GICD_SIZE);
	assert_int_equal(t->regions[d + 1].widths, MMIO_W32);	/* IGROUPR */
	assert_int_equal(t->regions[d + 2].widths, MMIO_W8 | MMIO_W32);
	assert_int_equal(t->regions[r].start, (u64)gicr_mem);
	assert_int_equal(t->regions[r].size, 2 * GICR_FRAME_SIZE);
}

/*
 * Misaligned or wrongly sized accesses to the distributor's registers
 * are refused before the handler touches them: nothing written, no
 * ownership log, one line that says what the access was.
 */
static void test_gicd_bad_geometry_refused(void **state)
{
	static const struct { u64 offset; unsigned int size; } bad[] = {
		{ 0x104, 1 },		/* GICD_ISENABLER1, a byte */
		{ 0x106, 4 },		/* misaligned */
		{ 0x104, 8 },
		{ 0x420, 8 },		/* GICD_IPRIORITYR */
		{ 0x422, 2 },
		{ 0xc08, 2 },		/* GICD_ICFGR2 */
		{ 0xd04, 1 },		/* GICD_IGRPMODR1 */
		{ 0x6100 + 8 * 8, 2 },	/* GICD_IROUTER40 */
		{ 0x6104 + 8 * 8, 8 },	/* misaligned */
		{ 0x0004, 8 },		/* GICD_TYPER */
	};
	unsigned int n;
	u64 value;

	(void)state;
	for (n = 0; n < ARRAY_SIZE(bad); n++) {
		memset(gicd_mem, 0, GICD_SIZE);
		memset(cell_a.arch.foreign_logged, 0,
		       sizeof(cell_a.arch.foreign_logged));
		num_logs = 0;
		value = ~0UL;
		assert_false(access(0, bad[n].offset, bad[n].size, true,
				    &value));
		assert_true(last_denied);
		assert_int_equal(num_logs, 1);
		assert_non_null(strstr(last_log, "-byte data write at"));
		assert_int_equal(*(u64 *)(gicd_mem + (bad[n].offset & ~7UL)),
				 0);
	}
	/* the message says which widths */
	value = 0;
	access(0, 0x104, 2, false, &value);
	assert_non_null(strstr(last_log, "2-byte data read at"));
	assert_non_null(strstr(last_log, "takes aligned accesses of 4 bytes "
			       "only"));
}

/* A byte write to the own GICR_ICENABLER0 cannot switch off SGI 0. */
static void test_gicr_bad_width_refused(void **state)
{
	u8 *icenabler0 = gicr_mem + 0x10000 + 0x180;
	struct mmio_access mmio = {
		.size = 1, .is_write = true, .value = 0xff,
	};

	(void)state;
	memset(icenabler0, 0, 4);
	num_logs = 0;
	assert_false(gic_mmio_access(per_cpu(0), (u64)icenabler0, &mmio));
	assert_true(last_denied);
	assert_int_equal(reg32(icenabler0, 0), 0);
	assert_int_equal(num_logs, 1);
	assert_non_null(strstr(last_log, "takes aligned accesses of 4 bytes"));
	/* 4 bytes are fine, and filtered */
	mmio.size = 4;
	assert_true(gic_mmio_access(per_cpu(0), (u64)icenabler0, &mmio));
	assert_int_equal(reg32(icenabler0, 0), 0xff & ~(1U << SGI_INJECT));
}

/*
 * A redistributor access of CPU 0 at @offset of the window: handled, or
 * refused (last_denied) with nothing of either frame touched.
 */
static bool gicr_access(u64 offset, unsigned int size, bool is_write,
			u64 *value)
{
	struct mmio_access mmio = {
		.size = size, .is_write = is_write, .value = *value,
	};
	bool handled = gic_mmio_access(per_cpu(0), (u64)gicr_mem + offset,
				       &mmio);

	*value = mmio.value;
	return handled;
}

/* Refused, one line, the value unread, no byte of either frame changed. */
static void assert_gicr_refused(u64 offset, unsigned int size, bool is_write)
{
	static u8 copy[2 * GICR_FRAME_SIZE];
	u64 value = 0x0123456789abcdefUL;

	memcpy(copy, gicr_mem, sizeof(copy));
	num_logs = 0;
	assert_false(gicr_access(offset, size, is_write, &value));
	assert_true(last_denied);
	assert_int_equal(num_logs, 1);
	assert_non_null(strstr(last_log, "-byte data "));
	assert_int_equal(value, 0x0123456789abcdefUL);
	assert_memory_equal(gicr_mem, copy, sizeof(copy));
}

/*
 * Every class of redistributor register refuses the widths the GICv3
 * architecture does not give it, and a misaligned access, before the
 * hardware is touched: a write (of no zero byte) changes no byte of
 * either frame, a read leaves the value as it was, one line says what
 * the access was.  The
 * other CPU's frame (identification only) refuses them the same way.
 */
static void test_gicr_bad_geometry_refused(void **state)
{
	static const struct { u64 offset; unsigned int size; } bad[] = {
		{ GICR_CTLR, 1 }, { GICR_CTLR, 2 }, { GICR_CTLR, 8 },
		{ GICR_CTLR + 2, 4 },				/* misaligned */
		{ GICR_IIDR, 2 },
		{ GICR_TYPER, 1 }, { GICR_TYPER + 4, 2 },
		{ GICR_TYPER + 4, 8 },				/* misaligned */
		{ GICR_STATUSR, 8 }, { GICR_STATUSR, 1 },
		{ GICR_WAKER, 2 }, { GICR_WAKER, 8 },
		{ GICR_SETLPIR, 2 }, { GICR_CLRLPIR + 4, 1 },
		{ GICR_PROPBASER, 1 }, { GICR_PENDBASER + 6, 2 },
		{ GICR_PENDBASER + 4, 8 },			/* misaligned */
		{ GICR_INVLPIR, 2 }, { GICR_INVALLR + 1, 1 },
		{ GICR_SYNCR, 8 }, { GICR_SYNCR, 1 },
		{ 0x0100, 8 },					/* reserved */
		{ 0xc000, 2 },			/* IMPLEMENTATION DEFINED */
		{ GICR_ID_REGS + 0x18, 1 },			/* GICR_PIDR2 */
		{ GICR_ID_REGS, 8 },
		{ GICR_SGI_BASE, 8 },
		{ GICR_SGI_BASE + GICR_IGROUPR0, 8 },
		{ GICR_SGI_BASE + GICR_ISENABLER0 + 1, 1 },
		{ GICR_SGI_BASE + GICR_ICPENDR0, 2 },
		{ GICR_SGI_BASE + GICR_ICACTIVER0, 8 },
		{ GICR_SGI_BASE + GICR_IPRIORITYR, 2 },
		{ GICR_SGI_BASE + GICR_IPRIORITYR + 8, 8 },
		{ GICR_SGI_BASE + GICR_IPRIORITYR + 2, 4 },	/* misaligned */
		{ GICR_SGI_BASE + GICR_ICFGR0, 1 },
		{ GICR_SGI_BASE + GICR_ICFGR0 + 4, 2 },		/* ICFGR1 */
		{ GICR_SGI_BASE + GICR_ICFGR0, 8 },
		{ GICR_SGI_BASE + GICR_IGRPMODR0, 1 },
		{ GICR_SGI_BASE + GICR_NSACR, 8 },
	};
	unsigned int n, frame;
	u64 value;

	(void)state;
	for (n = 0; n < ARRAY_SIZE(bad); n++)
		for (frame = 0; frame < 2; frame++) {
			assert_gicr_refused(frame * GICR_FRAME_SIZE +
					    bad[n].offset, bad[n].size, false);
			assert_gicr_refused(frame * GICR_FRAME_SIZE +
					    bad[n].offset, bad[n].size, true);
		}
	/* the line says which widths the register takes */
	value = 0;
	gicr_access(GICR_TYPER, 2, false, &value);
	assert_non_null(strstr(last_log, "2-byte data read at"));
	assert_non_null(strstr(last_log, "takes aligned accesses of 4 or 8 "
			       "bytes only"));
	gicr_access(GICR_SGI_BASE + GICR_IPRIORITYR + 8, 8, true, &value);
	assert_non_null(strstr(last_log, "takes aligned accesses of 1 or 4 "
			       "bytes only"));
	gicr_access(GICR_WAKER, 1, true, &value);
	assert_non_null(strstr(last_log, "takes aligned accesses of 4 bytes "
			       "only"));
}

/*
 * What the architecture allows is accepted (handled, the cell runs on):
 * 32-bit accesses anywhere, 64-bit ones to the 64-bit registers, byte
 * ones to GICR_IPRIORITYR.  What it does is the allow-list's
 * (test_gicr_allow_list).
 */
static void test_gicr_widths_accepted(void **state)
{
	static const struct { u64 offset; unsigned int size; } good[] = {
		{ GICR_CTLR, 4 }, { GICR_WAKER, 4 },
		{ GICR_PROPBASER, 8 }, { GICR_PROPBASER + 4, 4 },
		{ GICR_PENDBASER, 8 }, { GICR_SETLPIR, 8 },
		{ GICR_INVALLR, 8 }, { GICR_SYNCR, 4 },
		{ GICR_SGI_BASE + GICR_IPRIORITYR + 3, 1 },
		{ GICR_SGI_BASE + GICR_IPRIORITYR + 4, 4 },
		{ GICR_SGI_BASE + GICR_ICFGR0 + 4, 4 },
		{ GICR_SGI_BASE + GICR_NSACR, 4 },
	};
	unsigned int n;
	u64 value;

	(void)state;
	for (n = 0; n < ARRAY_SIZE(good); n++) {
		value = 0x0123456789abcdefUL;
		assert_true(gicr_access(good[n].offset, good[n].size, true,
					&value));
		assert_false(last_denied);
		value = 0;
		assert_true(gicr_access(good[n].offset, good[n].size, false,
					&value));
		assert_false(last_denied);
		memset(gicr_mem + good[n].offset, 0, good[n].size);
	}
	/*
	 * GICR_TYPER: whole, or either half alone (the upper one is the
	 * affinity), of the own frame and of another cell's.
	 */
	value = 0;
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_TYPER + 4, 4, false,
				&value));
	assert_int_equal(value, 1);
	assert_true(gicr_access(GICR_TYPER + 4, 4, false, &value));
	assert_int_equal(value, 0);		/* CPU 0's affinity */
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_TYPER, 8, false,
				&value));
	assert_int_equal(value, 1UL << 32 | GICR_TYPER_LAST);
}

/* ---- issue 14, items 3 and 9: the own redistributor's allow-list ---- */

static u8 *sgi_base(unsigned int cpu)
{
	return gicr_mem + cpu * GICR_FRAME_SIZE + GICR_SGI_BASE;
}

/*
 * The priorities of SGI 0 (the hypervisor's kick) and of the maintenance
 * PPI are not a cell's: neither a byte nor a word write changes them
 * (one at 0xff made "cell destroy" wait forever); the cell's own
 * priorities change as written.
 */
static void test_gicr_reserved_priorities(void **state)
{
	u8 *prio = sgi_base(0) + GICR_IPRIORITYR;
	u64 value;

	(void)state;
	memset(prio, 0xa0, 32);
	num_logs = 0;
	value = 0xff;
	assert_true(gicr_access(GICR_SGI_BASE + GICR_IPRIORITYR, 1, true,
				&value));
	assert_int_equal(prio[0], 0xa0);
	value = 0xffffffff;
	assert_true(gicr_access(GICR_SGI_BASE + GICR_IPRIORITYR, 4, true,
				&value));
	assert_int_equal(reg32(prio, 0), 0xffffffa0);
	value = 0xff;
	assert_true(gicr_access(GICR_SGI_BASE + GICR_IPRIORITYR + 25, 1, true,
				&value));
	assert_int_equal(prio[25], 0xa0);
	value = 0xffffffff;
	assert_true(gicr_access(GICR_SGI_BASE + GICR_IPRIORITYR + 24, 4, true,
				&value));
	assert_int_equal(reg32(prio, 24), 0xffffa0ff);
	/* reads show 0 for them */
	assert_true(gicr_access(GICR_SGI_BASE + GICR_IPRIORITYR, 4, false,
				&value));
	assert_int_equal(value, 0xffffff00);
	assert_false(last_denied);
	assert_int_equal(num_logs, 0);
	/* nor their configuration (ICFGR1: PPI 25 at bits 18-19) */
	*(u32 *)(sgi_base(0) + GICR_ICFGR0 + 4) = 0;
	value = 0xffffffff;
	assert_true(gicr_access(GICR_SGI_BASE + GICR_ICFGR0 + 4, 4, true,
				&value));
	assert_int_equal(reg32(sgi_base(0), GICR_ICFGR0 + 4),
			 0xffffffff & ~(3U << 18));
	memset(prio, 0, 32);
	*(u32 *)(sgi_base(0) + GICR_ICFGR0 + 4) = 0;
}

/*
 * The control registers of RD_base are not a cell's: writes dropped
 * (once logged, per register), reads safe; GICR_WAKER is virtual, so
 * that Linux's and Zephyr's wake-up handshake completes.
 */
static void test_gicr_control_dropped(void **state)
{
	static const struct { u64 offset; unsigned int size; } regs[] = {
		{ GICR_CTLR, 4 }, { GICR_STATUSR, 4 },
		{ GICR_PROPBASER, 8 }, { GICR_PENDBASER + 4, 4 },
		{ GICR_SETLPIR, 8 },
		{ GICR_INVALLR, 8 }, { GICR_SYNCR, 4 },
		{ 0x0100, 4 },	/* the first undescribed: one line for all */
	};
	static const u64 undescribed[] = {
		0x0104, GICR_SGI_BASE + GICR_NSACR,
		GICR_SGI_BASE + 0x420,			/* extended PPIs */
	};
	static u8 copy[GICR_FRAME_SIZE];
	unsigned int n, logs;
	u64 value;

	(void)state;
	memset(gicr_mem, 0, GICR_TYPER);
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	cell_a.arch.gicr_logged = 0;
	memset(&cell_a.log_budget, 0, sizeof(cell_a.log_budget));
	num_logs = 0;
	log_clear();
	memcpy(copy, gicr_mem, sizeof(copy));
	for (n = 0; n < ARRAY_SIZE(regs); n++) {
		logs = num_logs;
		value = ~0UL >> (64 - 8 * regs[n].size);
		assert_true(gicr_access(regs[n].offset, regs[n].size, true,
					&value));
		assert_false(last_denied);
		assert_int_equal(num_logs, logs + 1);
		/* once */
		assert_true(gicr_access(regs[n].offset, regs[n].size, true,
					&value));
		assert_int_equal(num_logs, logs + 1);
		assert_true(gicr_access(regs[n].offset, regs[n].size, false,
					&value));
		assert_int_equal(value, 0);
	}
	for (n = 0; n < ARRAY_SIZE(undescribed); n++) {
		logs = num_logs;
		value = ~0U;
		assert_true(gicr_access(undescribed[n], 4, true, &value));
		assert_true(gicr_access(undescribed[n], 4, false, &value));
		assert_int_equal(value, 0);
		assert_int_equal(num_logs, logs);
	}
	/* the other half of a register logged: no second line */
	logs = num_logs;
	value = 1;
	assert_true(gicr_access(GICR_PENDBASER, 8, true, &value));
	assert_int_equal(num_logs, logs);
	assert_memory_equal(gicr_mem, copy, sizeof(copy));
	value = 0;
	gicr_access(GICR_PROPBASER, 8, true, &value);
	assert_true(log_contains("Cell 'A': write to GICR_PROPBASER (+0x70) "
				 "of its CPU's redistributor dropped: not "
				 "the cell's to change (PC 0x"));
	/* GICR_CTLR shows RWP only, as the hardware has it */
	*(u32 *)gicr_mem = 0x9;
	assert_true(gicr_access(GICR_CTLR, 4, false, &value));
	assert_int_equal(value, 0x8);
	*(u32 *)gicr_mem = 0;
	/* WAKER: ProcessorSleep and ChildrenAsleep as the cell asks */
	logs = num_logs;
	value = 0x2;
	assert_true(gicr_access(GICR_WAKER, 4, true, &value));
	assert_true(gicr_access(GICR_WAKER, 4, false, &value));
	assert_int_equal(value, 0x6);
	value = 0;
	assert_true(gicr_access(GICR_WAKER, 4, true, &value));
	assert_true(gicr_access(GICR_WAKER, 4, false, &value));
	assert_int_equal(value, 0);
	assert_int_equal(reg32(gicr_mem, GICR_WAKER), 0);
	assert_int_equal(num_logs, logs);
}

/* The root cell's RD_base stays its own (its LPIs, its WAKER). */
static void test_gicr_root_control(void **state)
{
	u64 value = 0x2;

	(void)state;
	per_cpu(0)->cell = &root_cell;
	memcpy(root_cell.arch.irq_bitmap, cell_a.arch.irq_bitmap,
	       sizeof(root_cell.arch.irq_bitmap));
	assert_true(gicr_access(GICR_WAKER, 4, true, &value));
	assert_int_equal(reg32(gicr_mem, GICR_WAKER), 0x2);
	value = 0x1234000;
	assert_true(gicr_access(GICR_PROPBASER, 8, true, &value));
	assert_int_equal(*(u64 *)(gicr_mem + GICR_PROPBASER), 0x1234000);
	per_cpu(0)->cell = &cell_a;
	memset(gicr_mem, 0, GICR_TYPER);
	*(u64 *)(gicr_mem + GICR_PROPBASER) = 0;
	*(u32 *)(gicr_mem + GICR_WAKER) = 0;
}

/*
 * Another cell's redistributor: GICR_TYPER and RD_base's identification
 * registers (Linux and Zephyr probe every frame for their own CPUs), and
 * nothing of its SGI_base.
 */
static void test_foreign_frames_hidden(void **state)
{
	u8 *frame1 = gicr_mem + GICR_FRAME_SIZE;
	u64 value;

	(void)state;
	*(u32 *)(frame1 + GICR_ID_REGS + 0x18) = 0x3b;	/* GICR_PIDR2 */
	memset(frame1 + GICR_SGI_BASE + GICR_IPRIORITYR, 0x80, 32);
	*(u32 *)(frame1 + GICR_SGI_BASE + 0xffe8) = 0x3b;
	*(u32 *)(frame1 + GICR_SGI_BASE + GICR_ICFGR0 + 4) = 0x55;
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_ID_REGS + 0x18, 4,
				false, &value));
	assert_int_equal(value, 0x3b);
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_SGI_BASE +
				GICR_IPRIORITYR + 4, 4, false, &value));
	assert_int_equal(value, 0);
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_SGI_BASE + 0xffe8, 4,
				false, &value));
	assert_int_equal(value, 0);
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_SGI_BASE +
				GICR_ICFGR0 + 4, 4, false, &value));
	assert_int_equal(value, 0);
	/* writes there: dropped */
	value = 0xff;
	assert_true(gicr_access(GICR_FRAME_SIZE + GICR_SGI_BASE +
				GICR_IPRIORITYR, 1, true, &value));
	assert_int_equal(frame1[GICR_SGI_BASE + GICR_IPRIORITYR], 0x80);
	memset(frame1 + GICR_SGI_BASE + GICR_IPRIORITYR, 0, 32);
	*(u32 *)(frame1 + GICR_SGI_BASE + 0xffe8) = 0;
	*(u32 *)(frame1 + GICR_SGI_BASE + GICR_ICFGR0 + 4) = 0;
}

/*
 * A CPU that changes hands (and any CPU_ON) starts with its SGIs' and
 * PPIs' priorities, groups and configuration reset: priority 0xa0, group
 * 1, the PPI configuration the root cell had at enable.
 */
static void test_cpu_reset_private_state(void **state)
{
	struct per_cpu *cpu = per_cpu(0);
	u8 *sgi = sgi_base(0);
	unsigned int n;

	(void)state;
	*(u32 *)(sgi + GICR_ICFGR0 + 4) = 0x00020000;	/* as the root had */
	assert_int_equal(gic_cpu_init(cpu), 0);
	assert_int_equal(sgi[GICR_IPRIORITYR + SGI_INJECT], 0xa0);
	assert_int_equal(sgi[GICR_IPRIORITYR + 25], 0xa0);
	/* what a cell left */
	memset(sgi + GICR_IPRIORITYR, 0xf0, 32);
	*(u32 *)(sgi + GICR_IGROUPR0) = 0;
	*(u32 *)(sgi + GICR_IGRPMODR0) = 0xffff0000;
	*(u32 *)(sgi + GICR_ICFGR0 + 4) = 0xaaaaaaaa;
	gic_cpu_reset(cpu);
	for (n = 0; n < 32; n++)
		assert_int_equal(sgi[GICR_IPRIORITYR + n], 0xa0);
	assert_int_equal(reg32(sgi, GICR_IGROUPR0), 0xffffffff);
	assert_int_equal(reg32(sgi, GICR_IGRPMODR0), 0);
	assert_int_equal(reg32(sgi, GICR_ICFGR0 + 4), 0x00020000);
	memset(sgi, 0, GICR_FRAME_SIZE - GICR_SGI_BASE);
	memset(lrs, 0, sizeof(lrs));
	cpu->arch.gicr = gicr_mem;
	cpu->arch.num_lrs = 4;
}

/*
 * GICD_IROUTER's upper half (Aff3) written alone is checked like the
 * lower one: as the route the two halves make.
 */
static void test_router_upper_half(void **state)
{
	u64 *router40 = (u64 *)(gicd_mem + 0x6000 + 8 * 40);
	u64 value;

	(void)state;
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	memset(&cell_a.log_budget, 0, sizeof(cell_a.log_budget));
	*router40 = 0;
	num_logs = 0;
	value = 1;			/* Aff3 1: no CPU of A */
	assert_true(access(0, 0x6000 + 8 * 40 + 4, 4, true, &value));
	assert_false(last_denied);
	assert_int_equal(*router40, 0);
	assert_int_equal(num_logs, 1);
	assert_non_null(strstr(last_log, "route of INTID 40 to 0x100000000 "
			       "dropped"));
	/* the lower half to its own CPU 0, the upper 0: accepted */
	value = 0;
	assert_true(access(0, 0x6000 + 8 * 40, 4, true, &value));
	assert_true(access(0, 0x6000 + 8 * 40 + 4, 4, true, &value));
	assert_int_equal(*router40, 0);
	value = 1;			/* CPU 1, B's */
	assert_true(access(0, 0x6000 + 8 * 40, 4, true, &value));
	assert_int_equal(*router40, 0);
}

/*
 * An SPI returned to the root cell has the priority, configuration and
 * group the root had set before the cell took it.
 */
static void test_spi_returned_as_taken(void **state)
{
	struct cell cell_c = { .config = &desc_b };

	(void)state;
	memset(gicd_mem, 0, GICD_SIZE);
	memset(root_cell.arch.irq_bitmap, 0xff,
	       sizeof(root_cell.arch.irq_bitmap));
	root_cell.cpu_set[0] = 1 << 0;
	cell_c.cpu_set[0] = 1 << 1;
	cell_c.arch.irq_bitmap[1] = 1U << (41 - 32);
	gicd_mem[0x400 + 41] = 0x80;
	*(u32 *)(gicd_mem + 0xc00 + 2 * 4) = 2U << 18;	/* 41: edge */
	*(u32 *)(gicd_mem + 0x80 + 4) = 1U << 9;	/* group 1 */
	gic_cell_take_irqs(&cell_c);
	/* what the cell set */
	gicd_mem[0x400 + 41] = 0xf0;
	*(u32 *)(gicd_mem + 0xc00 + 2 * 4) = 0x3;
	*(u32 *)(gicd_mem + 0x80 + 4) = 0;
	*(u32 *)(gicd_mem + 0xd00 + 4) = 1U << 9;
	gic_cell_return_irqs(&cell_c);
	assert_int_equal(gicd_mem[0x400 + 41], 0x80);
	/* the other INTIDs' fields stay */
	assert_int_equal(reg32(gicd_mem, 0xc00 + 2 * 4), (2U << 18) | 0x3);
	assert_int_equal(reg32(gicd_mem, 0x80 + 4), 1U << 9);
	assert_int_equal(reg32(gicd_mem, 0xd00 + 4), 0);
	memset(gicd_mem, 0, GICD_SIZE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regions),
		cmocka_unit_test(test_gicd_bad_geometry_refused),
		cmocka_unit_test(test_gicr_bad_width_refused),
		cmocka_unit_test(test_gicr_bad_geometry_refused),
		cmocka_unit_test(test_gicr_widths_accepted),
		cmocka_unit_test(test_enable_filtered),
		cmocka_unit_test(test_priority_rmw),
		cmocka_unit_test(test_config_rmw),
		cmocka_unit_test(test_root_foreign_bits_dropped),
		cmocka_unit_test(test_foreign_fields_logged),
		cmocka_unit_test(test_router),
		cmocka_unit_test(test_foreign_logging_budget),
		cmocka_unit_test(test_spi_changes_hands),
		cmocka_unit_test(test_sgi_pending_state),
		cmocka_unit_test(test_reserved_private_irqs),
		cmocka_unit_test(test_foreign_redistributor),
		cmocka_unit_test(test_list_register_overflow),
		cmocka_unit_test(test_foreign_irq_dropped),
		cmocka_unit_test(test_unknown_intids_completed),
		cmocka_unit_test(test_sgi_stays_in_cell),
		cmocka_unit_test(test_sgi_while_active),
		cmocka_unit_test(test_underflow_no_storm),
		cmocka_unit_test(test_shared_line),
		cmocka_unit_test(test_gicr_reserved_priorities),
		cmocka_unit_test(test_gicr_control_dropped),
		cmocka_unit_test(test_gicr_root_control),
		cmocka_unit_test(test_foreign_frames_hidden),
		cmocka_unit_test(test_cpu_reset_private_state),
		cmocka_unit_test(test_router_upper_half),
		cmocka_unit_test(test_spi_returned_as_taken),
	};

	return cmocka_run_group_tests_name("gic", tests, setup, teardown);
}
