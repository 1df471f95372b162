// SPDX-License-Identifier: GPL-2.0
/*
 * hypercall() (hypervisor/control.c) with the core on the fake arch of
 * tests/unit/fake, as tests/unit/test_lifecycle.c runs it: enabled once
 * in LLVMFuzzerInitialize with the shipped QEMU root cell
 * (configs/arm64/qemu-arm64.cell, its hypervisor memory moved to the fake
 * image), CPUs 1-3 then taken offline by "the driver".  An input is a
 * piece of records (below), then up to four cell configurations, which
 * the driver places in root-cell RAM at CONFIG_IPA + n * SLOT_SIZE,
 * setting the id to n + 1 if it is 0.  A record is 18 bytes:
 *
 *	who	bits 0-1: the calling CPU; bit 7: arg1 is a slot number
 *	code	a hypercall, or one of the cell's own acts (ACT_*)
 *	arg1, arg2	little endian
 *
 * A parked CPU makes no calls; a cell's CPU runs once its cell started
 * it.  After each call: the return value is one the ABI has; every cell
 * is whole (configuration, comm page, stage 2, MMIO table, its CPUs its
 * own); the cell count agrees; every temporary mapping was undone; with
 * the root cell alone, the page pool is at its baseline.  After each
 * input every cell is destroyed, and then: the pool is at its baseline,
 * every CPU is the root's again, the root maps all its RAM 1:1.
 */
#include "fuzz.h"

#include "arch.h"
#include "log.h"

#include <jailhouse/unit.h>
#include <asm/paging.h>

#define CPUS		4
#define SLOTS		4
#define SLOT_SIZE	0x10000UL
#define CONFIG_IPA	0x40100000UL
#define PROBE_REGION	0x09100000UL
#define RECORD_SIZE	18
#define MAX_RECORDS	64

/* what a cell CPU does besides hypercalls */
#define ACT_FAIL	0xf0	/* a violation: cpu_fail() */
#define ACT_CELL_STATE	0xf1	/* writes its comm page's cell_state */
#define ACT_CPU_ON	0xf2	/* PSCI CPU_ON of CPU arg1 of its cell */
#define ACT_REPLY	0xf3	/* how cells answer messages from now on */
#define ACT_END		0xf4	/* PSCI SYSTEM_OFF */

u8 console_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void console_init(void)
{
}

/* ---- a probe unit, as in test_lifecycle.c, that can refuse a cell ---- */

static enum mmio_result probe_access(void *arg, struct per_cpu *cpu,
				     struct mmio_access *mmio)
{
	(void)arg, (void)cpu;
	mmio->value = 0;
	return MMIO_HANDLED;
}

static int probe_cell_init(struct cell *c)
{
	/* a unit that runs out of something for some cells */
	if (c != &root_cell && (c->config->flags & 0x80000000))
		return -ENOMEM;
	return mmio_region_register(c, PROBE_REGION, 0x1000, MMIO_W32, 0,
				    probe_access, NULL);
}

static void probe_cell_exit(struct cell *c)
{
	(void)c;
}

static const struct unit probe_irqchip = {
	.name = "probe-irqchip",
	.order = UNIT_IRQCHIP,
	.cell_init = probe_cell_init,
	.cell_exit = probe_cell_exit,
};
DEFINE_UNIT(probe_irqchip);

/* ---- the fake machine ---- */

static u8 root_window[SLOTS * SLOT_SIZE] __attribute__((aligned(PAGE_SIZE)));
static u32 cell_reply;
static u64 clock_step;
static unsigned int entered;
static int results[CPUS];
static unsigned long pool_baseline;
static const struct jailhouse_memory *root_ram;

/* enable: while one CPU waits at the rendezvous, the next one enters */
static void enter_next_cpu(void)
{
	struct per_cpu *saved = fake_arch.current;
	unsigned int id = entered++;

	fake_arch.current = per_cpu(id);
	results[id] = el2_init(id, per_cpu(id));
	fake_arch.current = saved;
}

/*
 * The core waits: the other CPUs react to their kicks, cells answer (or
 * not).  The clock runs faster the longer one wait lasts, so that any
 * timeout a configuration gives ends in a bounded number of steps (it
 * stops at the end of time, where a wait for ~0 microseconds lasts: the
 * relax limit of fake/arch.c reports that).
 */
void fake_cpu_relax(void)
{
	struct cell *c;
	unsigned int n;

	if (entered < CPUS) {
		enter_next_cpu();
		return;
	}
	if (fake_arch.now_us > ~0ULL - clock_step)
		fake_arch.us_per_relax = ~0ULL - fake_arch.now_us;
	else
		fake_arch.us_per_relax = clock_step;
	if (clock_step < (1ULL << 58))
		clock_step *= 2;
	fake_arch_step();
	if (!cell_reply)
		return;
	for_each_cell(c, n)
		if (c->comm_page && c->comm_page->msg_to_cell !=
		    JAILHOUSE_MSG_NONE)
			c->comm_page->reply_from_cell = cell_reply;
}

static void *read_file(const char *path, size_t *size)
{
	static u8 buf[65536];
	FILE *f = fopen(path, "rb");

	if (!f)
		fuzz_fail("%s: missing; run make -C configs", path);
	*size = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct jailhouse_system *sys;
	const struct jailhouse_memory *mem;
	size_t size;
	void *blob = read_file(JH_TOP "/configs/arm64/qemu-arm64.cell", &size);
	unsigned int n;

	(void)argc, (void)argv;
	sys = fake_arch_memory(CPUS);
	memcpy(sys, blob, size);
	sys->hypervisor_memory.phys_start = (u64)fake_hv_image;
	sys->hypervisor_memory.size = FAKE_HV_SIZE;
	fake_arch.phys_base = CONFIG_IPA;
	fake_arch.phys_size = sizeof(root_window);
	fake_arch.phys_host = root_window;
	fake_arch.relax_limit = 1000000;
	enter_next_cpu();
	while (entered < CPUS)
		enter_next_cpu();
	for (n = 0; n < CPUS; n++)
		if (results[n])
			fuzz_fail("enable: CPU %u: %d\n%s", n, results[n],
				  all_logs);
	/* the driver takes CPUs 1-3 offline for cells: PSCI CPU_OFF */
	for (n = 1; n < CPUS; n++)
		arch_cpu_wait(per_cpu(n), NULL);
	pool_baseline = page_pool_used();
	/* the root's RAM the configurations go in */
	mem = jailhouse_cell_mem_regions(&system_config->root_cell);
	for (n = 0; n < system_config->root_cell.num_memory_regions; n++)
		if (mem[n].phys_start <= CONFIG_IPA &&
		    CONFIG_IPA - mem[n].phys_start < mem[n].size)
			root_ram = &mem[n];
	fuzz_assert(root_ram);
	return 0;
}

/* ---- invariants ---- */

static bool known_result(long ret)
{
	switch (ret) {
	case -EPERM: case -ENOENT: case -ENOMEM: case -EBUSY: case -EEXIST:
	case -EINVAL: case -E2BIG: case -ENOSYS:
		return true;
	default:
		return ret >= 0;
	}
}

static unsigned int check_cells(void)
{
	struct cell *c;
	unsigned int n, id, count = 0;

	for_each_cell(c, n) {
		count++;
		fuzz_assert(c->config);
		fuzz_assert(c->mmio.regions || c == &root_cell);
		fuzz_assert(c->s2_root);
		if (c == &root_cell)
			continue;
		fuzz_assert(c->comm_page);
		fuzz_assert(c->id == c->config->id && c->id >= 1 &&
			    c->id <= 255);
		for_each_cell_cpu(id, c)
			fuzz_assert(per_cpu(id)->cell == c);
	}
	for (id = 0; id < CPUS; id++) {
		c = per_cpu(id)->cell;
		fuzz_assert(c);
		for (n = 0; n < MAX_CELLS; n++)
			if (cells[n] == c)
				break;
		fuzz_assert(n < MAX_CELLS);
		fuzz_assert(c == &root_cell || bitmap8_test(c->cpu_set, id));
	}
	/* the root's CPU 0 runs Linux, always */
	fuzz_assert(per_cpu(0)->cell == &root_cell && !per_cpu(0)->parked);
	fuzz_assert(fake_arch.temp_maps == fake_arch.temp_unmaps);
	return count;
}

/* Bytes of [@start, @end) the stage 2 at @table (@level) maps 1:1. */
static u64 mapped_1to1(const u64 *table, unsigned int level, u64 base,
		       u64 start, u64 end)
{
	u64 span = 1ULL << pte_level_shift(level), total = 0, desc, lo, hi;
	unsigned int n;

	for (n = 0; n < PAGING_ENTRIES; n++) {
		lo = base + n * span;
		hi = lo + span;
		if (hi <= start || lo >= end)
			continue;
		desc = table[n];
		if (!pte_valid(desc))
			continue;
		if (pte_is_table(desc, level)) {
			total += mapped_1to1((const u64 *)pte_address(desc),
					     level + 1, lo, start, end);
			continue;
		}
		fuzz_assert(pte_address(desc) == lo);
		total += (hi < end ? hi : end) - (lo > start ? lo : start);
	}
	return total;
}

/* ---- running an input ---- */

static void place_configs(const struct fuzz_piece *pieces, unsigned int num)
{
	struct jailhouse_cell_desc *desc;
	unsigned int n;
	size_t len;

	memset(root_window, 0, sizeof(root_window));
	for (n = 0; n < num && n < SLOTS; n++) {
		len = pieces[n].size < SLOT_SIZE ? pieces[n].size : SLOT_SIZE;
		memcpy(root_window + n * SLOT_SIZE, pieces[n].data, len);
		desc = (void *)(root_window + n * SLOT_SIZE);
		if (len >= sizeof(*desc) && !desc->id)
			desc->id = n + 1;
	}
}

/* The cell's own acts, on a CPU it runs on. */
static void cell_act(struct per_cpu *cpu, unsigned int act, u64 arg1)
{
	struct trap_frame frame = { 0 };
	struct per_cpu *target;

	switch (act) {
	case ACT_FAIL:
		cpu_fail(&frame, "fuzzed violation");
		break;
	case ACT_CELL_STATE:
		cpu->cell->comm_page->cell_state = arg1;
		break;
	case ACT_CPU_ON:
		target = per_cpu(arg1 % CPUS);
		if (target->cell == cpu->cell && target->parked)
			target->power_on = true;
		break;
	case ACT_END:
		cell_end_itself(cpu, &frame, "fuzzed SYSTEM_OFF");
		break;
	}
}

static void run_record(const uint8_t *rec)
{
	size_t pos = 2;
	unsigned int who = rec[0], code = rec[1];
	u64 arg1 = fuzz_take(rec, RECORD_SIZE, &pos, 8);
	u64 arg2 = fuzz_take(rec, RECORD_SIZE, &pos, 8);
	struct per_cpu *cpu = per_cpu(who & 3);
	long ret;

	if (code == ACT_REPLY) {
		cell_reply = arg1 % 3;	/* none, approved, denied */
		return;
	}
	/* a parked CPU runs only once switched on (PSCI, cell start) */
	if (cpu->parked && !fake_cpu_power_up(cpu))
		return;
	if (cpu->cell != &root_cell && code >= ACT_FAIL) {
		fake_arch.current = cpu;
		cell_act(cpu, code, arg1);
		return;
	}
	if (code == JAILHOUSE_HC_DISABLE && cpu->cell == &root_cell &&
	    check_cells() == 1)
		return;	/* waits for every root CPU: not a single call */
	if (who & 0x80)
		arg1 = CONFIG_IPA + (arg1 % SLOTS) * SLOT_SIZE;
	fake_arch.current = cpu;
	fake_arch.relax_calls = 0;
	fake_arch.now_us = 0;
	clock_step = 10;
	ret = hypercall(code, arg1, arg2);
	if (!known_result(ret))
		fuzz_fail("hypercall %u (0x%llx, 0x%llx): %ld", code, arg1,
			  arg2, ret);
	if (code == JAILHOUSE_HC_HYPERVISOR_GET_INFO &&
	    arg1 == JAILHOUSE_INFO_NUM_CELLS)
		fuzz_assert(ret == check_cells());
	if (check_cells() == 1)
		fuzz_assert(page_pool_used() == pool_baseline);
}

static void destroy_all(void)
{
	struct cell *c;
	unsigned int n;
	long ret;

	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	for_each_cell(c, n) {
		if (c == &root_cell)
			continue;
		/* a locked cell must be destroyed first: unlock it */
		c->comm_page->cell_state = JAILHOUSE_CELL_RUNNING;
	}
	for_each_cell(c, n) {
		if (c == &root_cell)
			continue;
		fake_arch.current = per_cpu(0);
		fake_arch.relax_calls = 0;
		fake_arch.now_us = 0;
		clock_step = 10;
		ret = hypercall(JAILHOUSE_HC_CELL_DESTROY, c->id, 0);
		if (ret)
			fuzz_fail("destroy of cell %u: %ld", c->id, ret);
	}
	fuzz_assert(check_cells() == 1);
	fuzz_assert(page_pool_used() == pool_baseline);
	for (n = 1; n < CPUS; n++)
		fuzz_assert(per_cpu(n)->cell == &root_cell &&
			    per_cpu(n)->parked && !per_cpu(n)->failed);
	fuzz_assert(mapped_1to1(root_cell.s2_root, 0, 0, root_ram->phys_start,
				root_ram->phys_start + root_ram->size) ==
		    root_ram->size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_piece pieces[FUZZ_MAX_PIECES];
	unsigned int num = fuzz_split(data, size, pieces), n;

	log_clear();
	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	place_configs(pieces + 1, num - 1);
	for (n = 0; n < MAX_RECORDS && (n + 1) * RECORD_SIZE <= pieces[0].size;
	     n++)
		run_record(pieces[0].data + n * RECORD_SIZE);
	destroy_all();
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "%s", all_logs);
	return 0;
}
