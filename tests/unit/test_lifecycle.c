// SPDX-License-Identifier: GPL-2.0
/*
 * The arch-neutral core on the host (DESIGN.md principle 6): enable
 * (hypervisor/setup.c), the hypercalls and the life of cells and their
 * CPUs (control.c, cell.c), the units (unit.c), stage 2 and the page pool
 * (paging.c), with the fake arch of tests/unit/fake/arch.c and two probe
 * units that record what the core asked of them.
 *
 * Enable runs once per process (its state is static, as at EL2, where
 * every enable loads a fresh image): the enable tests run each in a
 * child process, the cell tests share one enabled hypervisor.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "arch.h"
#include "log.h"

#include <jailhouse/spinlock.h>
#include <jailhouse/unit.h>
#include <asm/paging.h>

#define CPUS		4
#define GICD		0x08000000UL
#define GICR		0x080a0000UL
#define ROOT_RAM	0x40000000UL
#define ROOT_RAM_SIZE	0x40000000UL
#define CONFIG_IPA	0x40100000UL	/* where "the driver" puts configs */
#define CELL_RAM	0x70000000UL
#define CELL_RAM_SIZE	0x00200000UL
#define CELL_ENTRY	0x1000UL
#define PROBE_REGION	0x09100000UL	/* a probe unit's MMIO region */
#define DEBUG_UART	0x7fe00000UL	/* the debug UART, in root RAM */

u8 console_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

void console_init(void)
{
}

/* ---- configurations ---- */

struct system_cfg {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[1];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed));

struct cell_cfg {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed));

static struct system_cfg system_cfg(void)
{
	struct system_cfg sys = {
		.header = {
			.signature = JAILHOUSE_SYSTEM_SIGNATURE,
			.revision = JAILHOUSE_CONFIG_REVISION,
			.architecture = JAILHOUSE_ARM64,
			.hypervisor_memory = {
				.phys_start = (u64)fake_hv_image,
				.size = FAKE_HV_SIZE,
			},
			.platform_info.arm = {
				.gic_version = 3,
				.gicd_base = GICD,
				.gicr_base = GICR,
				.maintenance_irq = 25,
			},
			.root_cell = {
				.name = "root",
				.cpu_set_size = sizeof(__u64),
				.num_memory_regions = 1,
				.num_irqchips = 1,
			},
		},
		.cpus = { (1 << CPUS) - 1 },
		.mem_regions = { {
			.phys_start = ROOT_RAM,
			.virt_start = ROOT_RAM,
			.size = ROOT_RAM_SIZE,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		} },
		.irqchips = { {
			.address = GICD,
			.pin_base = 32,
			.pin_bitmap = { ~0U, ~0U, ~0U, ~0U },
		} },
	};

	return sys;
}

/* A cell on CPUs @cpus with 2 MiB of RAM at CELL_RAM + @slot * 2 MiB. */
static struct cell_cfg cell_cfg(const char *name, unsigned int id,
				u64 cpus, unsigned int slot)
{
	struct cell_cfg cfg = {
		.cell = {
			.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
			.revision = JAILHOUSE_CONFIG_REVISION,
			.architecture = JAILHOUSE_ARM64,
			.id = id,
			.cpu_set_size = sizeof(__u64),
			.num_memory_regions = 2,
			.num_irqchips = 1,
			.cpu_reset_address = CELL_ENTRY,
		},
		.cpus = { cpus },
		.mem_regions = { {
			.phys_start = CELL_RAM + slot * CELL_RAM_SIZE,
			.virt_start = 0,
			.size = CELL_RAM_SIZE,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		}, {
			.virt_start = 0x80000000,
			.size = PAGE_SIZE,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		} },
		.irqchips = { {
			.address = GICD,
			.pin_base = 32,
			.pin_bitmap = { 1U << slot },
		} },
	};

	strncpy(cfg.cell.name, name, sizeof(cfg.cell.name) - 1);
	return cfg;
}

/* ---- the root cell's RAM the hypervisor reads configs from ---- */

static u8 root_window[0x20000] __attribute__((aligned(PAGE_SIZE)));

static void put_config(const void *cfg, size_t size)
{
	assert_true(size <= sizeof(root_window));
	memset(root_window, 0, sizeof(root_window));
	memcpy(root_window, cfg, size);
}

/* ---- probe units: what the core asked, in order ---- */

static char trace[4096];
static int probe_init_error;
static const char *probe_fail_cell;	/* cell_init fails for it */

static void note(const char *what, const char *unit, const struct cell *c)
{
	char line[96];

	snprintf(line, sizeof(line), "%s:%s:%s ", what, unit,
		 c ? c->config->name : "-");
	strncat(trace, line, sizeof(trace) - strlen(trace) - 1);
}

static enum mmio_result probe_access(void *arg, struct per_cpu *cpu,
				     struct mmio_access *mmio)
{
	(void)arg;
	(void)cpu;
	mmio->value = 0x1234;
	return MMIO_HANDLED;
}

static int irqchip_init(void)
{
	note("init", "irqchip", NULL);
	return probe_init_error;
}

static int irqchip_cell_init(struct cell *c)
{
	note("cell_init", "irqchip", c);
	return mmio_region_register(c, PROBE_REGION, 0x1000, MMIO_W32, 0,
				    probe_access, NULL);
}

static void irqchip_commit(struct cell *c)
{
	note("commit", "irqchip", c);
}

static void irqchip_reset(struct cell *c)
{
	note("reset", "irqchip", c);
}

static void irqchip_gone(struct cell *c)
{
	note("gone", "irqchip", c);
}

static void irqchip_exit(struct cell *c)
{
	note("exit", "irqchip", c);
}

static int soc_cell_init(struct cell *c)
{
	note("cell_init", "soc", c);
	if (probe_fail_cell && !strcmp(c->config->name, probe_fail_cell))
		return -EINVAL;
	return 0;
}

static void soc_exit(struct cell *c)
{
	note("exit", "soc", c);
}

/* defined before the irqchip: the order is the unit's, not the link's */
static const struct unit probe_soc = {
	.name = "probe-soc",
	.order = UNIT_SOC,
	.cell_init = soc_cell_init,
	.cell_exit = soc_exit,
};
DEFINE_UNIT(probe_soc);

static const struct unit probe_irqchip = {
	.name = "probe-irqchip",
	.order = UNIT_IRQCHIP,
	.init = irqchip_init,
	.cell_init = irqchip_cell_init,
	.cell_commit = irqchip_commit,
	.cell_reset = irqchip_reset,
	.cell_gone = irqchip_gone,
	.cell_exit = irqchip_exit,
};
DEFINE_UNIT(probe_irqchip);

/* ---- the other CPUs, and the cells' side of the comm region ---- */

/* what a cell answers to a message; 0: nothing */
static u32 cell_reply;
/* what else runs while the core waits (the enable rendezvous) */
static void (*relax_hook)(void);

/* The core waits: other CPUs run, cells answer their messages. */
void fake_cpu_relax(void)
{
	struct cell *c;
	unsigned int n;

	if (relax_hook)
		relax_hook();
	fake_arch_step();
	if (!cell_reply)
		return;
	for_each_cell(c, n)
		if (c->comm_page && c->comm_page->msg_to_cell !=
		    JAILHOUSE_MSG_NONE)
			c->comm_page->reply_from_cell = cell_reply;
}

/* ---- running the hypervisor ---- */

static struct system_cfg *sys_in_image;

static void reset_fakes(void)
{
	memset(&fake_arch, 0, sizeof(fake_arch));
	fake_arch.phys_base = CONFIG_IPA;
	fake_arch.phys_size = sizeof(root_window);
	fake_arch.phys_host = root_window;
	fake_arch.us_per_relax = 10;
	fake_arch.relax_limit = 1000000;
	trace[0] = 0;
	probe_init_error = 0;
	probe_fail_cell = NULL;
	cell_reply = 0;
	log_clear();
}

static void prepare_enable(const struct system_cfg *sys)
{
	reset_fakes();
	sys_in_image = fake_arch_memory(CPUS);
	memcpy(sys_in_image, sys, sizeof(*sys));
}

/*
 * Every CPU enters el2_init(), CPU 0 first; while one waits for the
 * others at the rendezvous, the next one enters (fake_cpu_relax() is
 * not used for that: the nesting below plays the CPUs in turn).
 */
static int results[CPUS];
static unsigned int entered;

static void enter_next_cpu(void)
{
	struct per_cpu *saved = fake_arch.current;
	unsigned int id = entered++;

	fake_arch.current = per_cpu(id);
	results[id] = el2_init(id, per_cpu(id));
	fake_arch.current = saved;
}

static void enable_relax(void)
{
	if (entered < CPUS)
		enter_next_cpu();
}

/* enable with the system configuration in the image; the CPUs' results */
static void enable_all(void)
{
	entered = 0;
	relax_hook = enable_relax;
	enter_next_cpu();
	/* the last CPU does not wait, so nobody ran what is left */
	while (entered < CPUS)
		enter_next_cpu();
	relax_hook = NULL;
}

static long hc(unsigned int cpu, unsigned long code, unsigned long arg1,
	       unsigned long arg2)
{
	fake_arch.current = per_cpu(cpu);
	return hypercall(code, arg1, arg2);
}

static long create(const struct cell_cfg *cfg)
{
	put_config(cfg, sizeof(*cfg));
	return hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0);
}

static struct cell *cell_named(const char *name)
{
	struct cell *c;
	unsigned int n;

	for_each_cell(c, n)
		if (!strcmp(c->config->name, name))
			return c;
	return NULL;
}

/* Linux takes @cpu offline: PSCI CPU_OFF parks it in the hypervisor. */
static void root_cpu_off(unsigned int cpu)
{
	arch_cpu_wait(per_cpu(cpu), NULL);
}

/* The leaf that maps @ipa in the stage 2 at @root, or 0. */
static u64 s2_leaf(const u64 *root, u64 ipa)
{
	const u64 *table = root;
	unsigned int level;
	u64 desc;

	for (level = 0; level < PAGING_LEVELS; level++) {
		desc = table[(ipa >> pte_level_shift(level)) &
			     (PAGING_ENTRIES - 1)];
		if (!pte_valid(desc))
			return 0;
		if (!pte_is_table(desc, level))
			return desc;
		table = (const u64 *)pte_address(desc);
	}
	return 0;
}

/* The physical address @ipa translates to in the stage 2 at @root, or 0. */
static u64 s2_phys(const u64 *root, u64 ipa)
{
	const u64 *table = root;
	unsigned int level;
	u64 desc;

	for (level = 0; level < PAGING_LEVELS; level++) {
		desc = table[(ipa >> pte_level_shift(level)) &
			     (PAGING_ENTRIES - 1)];
		if (!pte_valid(desc))
			return 0;
		if (!pte_is_table(desc, level))
			return pte_address(desc) +
				(ipa & ((1UL << pte_level_shift(level)) - 1));
		table = (const u64 *)pte_address(desc);
	}
	return 0;
}

static bool root_maps(u64 phys)
{
	return s2_leaf(root_cell.s2_root, phys) != 0;
}

/* ---- enable, each in a child process ---- */

/*
 * Run @scenario in a child: enable's state is static.  The child's own
 * cmocka run reports into a pipe, shown only when it failed.
 */
static void in_child(CMUnitTestFunction scenario)
{
	const struct CMUnitTest child[] = {
		{ "scenario", scenario, NULL, NULL, NULL },
	};
	char output[8192];
	int pipe_fds[2], status;
	ssize_t got, len = 0;
	pid_t pid;

	assert_int_equal(pipe(pipe_fds), 0);
	fflush(stdout);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(pipe_fds[0]);
		dup2(pipe_fds[1], 1);
		dup2(pipe_fds[1], 2);
		_exit(_cmocka_run_group_tests("child", child, 1, NULL, NULL)
		      ? 1 : 0);
	}
	close(pipe_fds[1]);
	while ((got = read(pipe_fds[0], output + len,
			   sizeof(output) - 1 - len)) > 0)
		len += got;
	output[len] = 0;
	close(pipe_fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		fail_msg("the scenario failed in its process:\n%s", output);
}

static void enable_succeeds(void **state)
{
	struct system_cfg sys = system_cfg();
	unsigned int n;

	(void)state;
	/* EL2 maps the debug UART's page for itself at enable */
	sys.header.debug_console = (struct jailhouse_console){
		.address = DEBUG_UART,
		.size = 0x1000,
		.type = JAILHOUSE_CON_TYPE_PL011,
		.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4,
	};
	prepare_enable(&sys);
	enable_all();
	for (n = 0; n < CPUS; n++) {
		assert_int_equal(results[n], 0);
		assert_ptr_equal(per_cpu(n)->cell, &root_cell);
	}
	assert_int_equal(fake_arch.inits, CPUS);
	assert_int_equal(fake_arch.restores, 0);
	assert_non_null(fake_arch.hv_root);
	assert_ptr_equal(fake_arch.hv_root, hv_page_table);
	/* the units: set up once, then the root cell built */
	assert_string_equal(trace, "init:irqchip:- cell_init:irqchip:root "
			    "cell_init:soc:root ");
	assert_true(root_maps(ROOT_RAM));
	assert_true(root_maps(ROOT_RAM + ROOT_RAM_SIZE - 1));
	assert_false(root_maps(ROOT_RAM + ROOT_RAM_SIZE));
	assert_true(log_contains("Page pool usage after root cell"));
	assert_true(log_contains("Activating hypervisor"));
}

static void test_enable_succeeds(void **state)
{
	(void)state;
	in_child(enable_succeeds);
}

/* Every CPU returns the error and gives EL2 back. */
static void assert_all_failed(int err)
{
	unsigned int n;

	for (n = 0; n < CPUS; n++)
		assert_int_equal(results[n], err);
	assert_int_equal(fake_arch.restores, CPUS);
}

static void enable_bad_config(void **state)
{
	struct system_cfg sys = system_cfg();

	(void)state;
	sys.header.platform_info.arm.maintenance_irq = 40;
	prepare_enable(&sys);
	enable_all();
	assert_all_failed(-EINVAL);
	assert_int_equal(fake_arch.inits, 0);
	assert_true(log_contains("platform_info.arm.maintenance_irq: 40"));
	assert_true(log_contains("Hypervisor set-up failed (-22)"));
	assert_string_equal(trace, "");
}

static void test_enable_bad_config(void **state)
{
	(void)state;
	in_child(enable_bad_config);
}

static void enable_unit_fails(void **state)
{
	struct system_cfg sys = system_cfg();

	(void)state;
	prepare_enable(&sys);
	probe_init_error = -ENODEV;
	enable_all();
	assert_all_failed(-ENODEV);
	assert_int_equal(fake_arch.inits, 0);
	/* no cell was built */
	assert_string_equal(trace, "init:irqchip:- ");
}

static void test_enable_unit_fails(void **state)
{
	(void)state;
	in_child(enable_unit_fails);
}

static void enable_cpu_fails(void **state)
{
	struct system_cfg sys = system_cfg();

	(void)state;
	prepare_enable(&sys);
	fake_arch.cpu_init_error = -ENODEV;
	enable_all();
	assert_all_failed(-ENODEV);
	/* the others saw the error before they tried */
	assert_int_equal(fake_arch.inits, 1);
	assert_true(log_contains("ERROR: CPU 0: set-up failed (-19)"));
}

static void test_enable_cpu_fails(void **state)
{
	(void)state;
	in_child(enable_cpu_fails);
}

static void enable_wrong_place(void **state)
{
	struct system_cfg sys = system_cfg();

	(void)state;
	sys.header.hypervisor_memory.phys_start += PAGE_SIZE;
	prepare_enable(&sys);
	enable_all();
	assert_all_failed(-EINVAL);
	assert_null(fake_arch.hv_root);
}

static void test_enable_wrong_place(void **state)
{
	(void)state;
	in_child(enable_wrong_place);
}

/* ---- cells, on one enabled hypervisor ---- */

static unsigned long pool_after_enable;

static int enable_group(void **state)
{
	struct system_cfg sys = system_cfg();
	unsigned int n;

	(void)state;
	/* EL2 maps the debug UART's page for itself at enable */
	sys.header.debug_console = (struct jailhouse_console){
		.address = DEBUG_UART,
		.size = 0x1000,
		.type = JAILHOUSE_CON_TYPE_PL011,
		.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4,
	};
	prepare_enable(&sys);
	enable_all();
	for (n = 0; n < CPUS; n++)
		if (results[n])
			return -1;
	/* the driver offlines CPUs 2 and 3 for the cells */
	root_cpu_off(2);
	root_cpu_off(3);
	pool_after_enable = page_pool_used();
	return 0;
}

static int fresh(void **state)
{
	(void)state;
	reset_fakes();
	return 0;
}

/* Whatever a test left: destroyed, so that the next starts clean. */
static int no_cells(void **state)
{
	struct cell *c;
	unsigned int n;

	(void)state;
	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	fake_arch.current = per_cpu(0);
	for_each_cell(c, n)
		if (c != &root_cell)
			hypercall(JAILHOUSE_HC_CELL_DESTROY, c->id, 0);
	return 0;
}

static long destroy(unsigned int id)
{
	return hc(0, JAILHOUSE_HC_CELL_DESTROY, id, 0);
}

static void test_create_destroy(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);
	unsigned long before = page_pool_used();
	struct cell *c;

	(void)state;
	assert_true(root_maps(CELL_RAM));
	assert_int_equal(create(&cfg), 0);
	c = cell_named("a");
	assert_non_null(c);
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS, 0), 2);
	/* its memory left the root cell, its CPU is its own, parked */
	assert_false(root_maps(CELL_RAM));
	assert_true(root_maps(CELL_RAM - 1));
	assert_true(root_maps(CELL_RAM + CELL_RAM_SIZE));
	assert_ptr_equal(per_cpu(2)->cell, c);
	assert_true(per_cpu(2)->parked);
	assert_ptr_equal(per_cpu(3)->cell, &root_cell);
	/* the cell's stage 2: RAM at 0, the comm page, nothing else */
	assert_int_equal(pte_address(s2_leaf(c->s2_root, 0)), CELL_RAM);
	assert_int_equal(pte_address(s2_leaf(c->s2_root, 0x80000000)),
			 (u64)c->comm_page);
	assert_int_equal(s2_leaf(c->s2_root, CELL_RAM_SIZE), 0);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
			 JAILHOUSE_CELL_SHUT_DOWN);
	assert_string_equal(trace, "cell_init:irqchip:a cell_init:soc:a "
			    "commit:irqchip:a ");
	assert_true(fake_arch.cell_tlb_flushes > 0);
	assert_true(log_contains("Created cell \"a\""));
	assert_true(page_pool_used() > before);

	trace[0] = 0;
	assert_int_equal(destroy(1), 0);
	assert_null(cell_named("a"));
	/* exits in the reverse order */
	assert_string_equal(trace, "exit:soc:a exit:irqchip:a ");
	assert_ptr_equal(per_cpu(2)->cell, &root_cell);
	assert_true(per_cpu(2)->parked);
	assert_true(root_maps(CELL_RAM));
	/* every page came back, the root's tables merged again */
	assert_int_equal(page_pool_used(), before);
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS, 0), 1);
	assert_true(log_contains("Closing cell \"a\""));
}

static void test_two_cells(void **state)
{
	struct cell_cfg a = cell_cfg("a", 1, 1 << 2, 0);
	struct cell_cfg b = cell_cfg("b", 2, 1 << 3, 1);
	struct cell_cfg c = cell_cfg("c", 3, 1 << 3, 2);

	(void)state;
	assert_int_equal(create(&a), 0);
	assert_int_equal(create(&b), 0);
	/* CPU 3 is b's now */
	assert_int_equal(create(&c), -EBUSY);
	assert_true(log_contains("CPU 3 is not the root cell's"));
	assert_int_equal(destroy(1), 0);
	assert_non_null(cell_named("b"));
	assert_false(root_maps(CELL_RAM + CELL_RAM_SIZE));
	assert_int_equal(destroy(2), 0);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/* A refused create changes nothing and costs no page. */
static void assert_refused(const struct cell_cfg *cfg, long err,
			   const char *message)
{
	unsigned long before = page_pool_used();
	long got;

	log_clear();
	got = create(cfg);
	if (got != err)
		fail_msg("create: %ld, not %ld; the log:\n%s", got, err,
			 all_logs);
	if (message && !log_contains(message))
		fail_msg("log without \"%s\":\n%s", message, all_logs);
	assert_int_equal(page_pool_used(), before);
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS, 0), 1);
	assert_true(root_maps(CELL_RAM));
	assert_ptr_equal(per_cpu(2)->cell, &root_cell);
	assert_ptr_equal(per_cpu(3)->cell, &root_cell);
}

static void test_create_refusals(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);

	(void)state;
	cfg.cell.signature[0] = 'X';
	assert_refused(&cfg, -EINVAL, "bad signature or revision");

	cfg = cell_cfg("a", 0, 1 << 2, 0);
	assert_refused(&cfg, -EINVAL, "id 0, not 1-255");

	cfg = cell_cfg("root", 1, 1 << 2, 0);
	assert_refused(&cfg, -EEXIST, "a cell with that name exists");

	/* CPU 1 still runs Linux */
	cfg = cell_cfg("a", 1, 1 << 1, 0);
	assert_refused(&cfg, -EBUSY, "CPU 1 still runs in the root cell: "
		       "take it offline first");

	/* the shared checker: memory the root cell does not have */
	cfg = cell_cfg("a", 1, 1 << 2, 0);
	cfg.mem_regions[0].phys_start = 0x90000000;
	assert_refused(&cfg, -EINVAL, "is not memory of the root cell");

	/* a configuration larger than the hypervisor copies */
	cfg = cell_cfg("a", 1, 1 << 2, 0);
	cfg.cell.num_memory_regions = 3000;
	assert_refused(&cfg, -E2BIG, "at most 65536");
}

static void test_create_config_outside_root(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);

	(void)state;
	put_config(&cfg, sizeof(cfg));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, 0x90000000, 0),
			 -EINVAL);
	assert_true(log_contains("at 0x90000000: not in the root cell's "
				 "RAM"));
	/* root RAM the hypervisor cannot map (the fake's window ends) */
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, ROOT_RAM, 0),
			 -ENOMEM);
	/* an address that wraps around the end of the address space */
	log_clear();
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, ~0UL - 0x10, 0),
			 -EINVAL);
	assert_true(log_contains("not in the root cell's RAM"));
	/* every window opened was closed */
	assert_int_equal(fake_arch.temp_maps, fake_arch.temp_unmaps);
}

/* Memory a cell took is not the root cell's, whatever its config says. */
static void test_create_config_in_cell_memory(void **state)
{
	struct cell_cfg a = cell_cfg("a", 1, 1 << 2, 0);
	struct cell_cfg b = cell_cfg("b", 2, 1 << 3, 1);

	(void)state;
	assert_int_equal(create(&a), 0);
	put_config(&b, sizeof(b));
	log_clear();
	fake_arch.temp_maps = 0;
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, CELL_RAM + 0x100, 0),
			 -EINVAL);
	assert_true(log_contains("at 0x70000100: not in the root cell's "
				 "RAM"));
	assert_int_equal(fake_arch.temp_maps, 0);
	assert_int_equal(destroy(1), 0);
}

static void test_create_unit_fails(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);

	(void)state;
	probe_fail_cell = "a";
	assert_refused(&cfg, -EINVAL, NULL);
	/* built as far as it went, undone by every unit, never committed */
	assert_string_equal(trace, "cell_init:irqchip:a cell_init:soc:a "
			    "exit:soc:a exit:irqchip:a ");
}

/* All that is free of the pool, taken; give back with give_pool(). */
static void *held[8192];
static unsigned int num_held;

static void take_pool(unsigned long leave)
{
	num_held = 0;
	while (page_pool_pages() - page_pool_used() > leave)
		held[num_held++] = page_alloc();
}

static void give_pool(void)
{
	while (num_held)
		page_free(held[--num_held]);
}

static void test_create_out_of_memory(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);
	unsigned long leave;
	long err;

	(void)state;
	/* every amount of memory short of enough fails cleanly */
	for (leave = 0; leave < 12; leave++) {
		take_pool(leave);
		log_clear();
		err = create(&cfg);
		give_pool();
		if (!err) {
			assert_true(leave > 3);
			assert_int_equal(destroy(1), 0);
			break;
		}
		assert_int_equal(err, -ENOMEM);
		assert_true(log_contains("out of hypervisor memory"));
		assert_int_equal(page_pool_used(), pool_after_enable);
		assert_true(root_maps(CELL_RAM));
	}
	assert_true(leave < 12);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_not_from_a_cell(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);

	(void)state;
	assert_int_equal(create(&cfg), 0);
	put_config(&cfg, sizeof(cfg));
	assert_int_equal(hc(2, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0),
			 -EPERM);
	assert_int_equal(hc(2, JAILHOUSE_HC_CELL_DESTROY, 1, 0), -EPERM);
	assert_int_equal(hc(2, JAILHOUSE_HC_DISABLE, 0, 0), -EPERM);
	/* the root's CPUs are not its business */
	assert_int_equal(hc(2, JAILHOUSE_HC_CPU_GET_INFO, 0,
			    JAILHOUSE_CPU_INFO_STATE), -EPERM);
	assert_int_equal(hc(2, JAILHOUSE_HC_CPU_GET_INFO, 2,
			    JAILHOUSE_CPU_INFO_STATE), JAILHOUSE_CPU_RUNNING);
	assert_int_equal(hc(2, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'x', 0),
			 -EPERM);
	/* the root's may not go while a cell exists */
	assert_int_equal(hc(0, JAILHOUSE_HC_DISABLE, 0, 0), -EBUSY);
	assert_int_equal(destroy(1), 0);
}

static void test_hypercall_arguments(void **state)
{
	(void)state;
	assert_int_equal(hc(0, 77, 0, 0), -ENOSYS);
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO, 99, 0),
			 -EINVAL);
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_MEM_POOL_SIZE, 0),
			 (long)page_pool_pages());
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_MEM_POOL_USED, 0),
			 (long)page_pool_used());
	assert_int_equal(hc(0, JAILHOUSE_HC_CPU_GET_INFO, CPUS,
			    JAILHOUSE_CPU_INFO_STATE), -EINVAL);
	assert_int_equal(hc(0, JAILHOUSE_HC_CPU_GET_INFO, ~0UL,
			    JAILHOUSE_CPU_INFO_STATE), -EINVAL);
	assert_int_equal(hc(0, JAILHOUSE_HC_CPU_GET_INFO, 0, 12345),
			 -EINVAL);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 0, 0), -EINVAL);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 9, 0), -ENOENT);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, ~0UL, 0),
			 -ENOENT);
}

/* create, load, start: the first CPU enters at the reset address */
static struct cell *started_cell(const char *name, u64 cpus)
{
	struct cell_cfg cfg = cell_cfg(name, 1, cpus, 0);
	struct cell *c;

	assert_int_equal(create(&cfg), 0);
	c = cell_named(name);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0), 0);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 1, 0), 0);
	return c;
}

static void test_load_and_start(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2 | 1 << 3, 0);
	struct jailhouse_comm_region *comm;
	struct cell *c;

	(void)state;
	assert_int_equal(create(&cfg), 0);
	c = cell_named("a");
	trace[0] = 0;
	/* loadable: the root cell may write the cell's RAM */
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0), 0);
	assert_true(root_maps(CELL_RAM));
	assert_string_equal(trace, "reset:irqchip:a ");
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 1, 0), 0);
	assert_false(root_maps(CELL_RAM));
	assert_string_equal(trace, "reset:irqchip:a reset:irqchip:a ");
	/* the comm region as the cell finds it */
	comm = c->comm_page;
	assert_memory_equal(comm->signature, COMM_REGION_MAGIC,
			    sizeof(comm->signature));
	assert_int_equal(comm->cell_state, JAILHOUSE_CELL_RUNNING);
	assert_int_equal(comm->gicd_base, GICD);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
			 JAILHOUSE_CELL_RUNNING);
	/* only the first CPU is switched on, at the reset address */
	assert_true(per_cpu(2)->power_on);
	assert_int_equal(per_cpu(2)->on_entry, CELL_ENTRY);
	assert_false(per_cpu(3)->power_on);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	assert_false(per_cpu(2)->parked);
	assert_false(fake_cpu_power_up(per_cpu(3)));
	assert_true(log_contains("Started cell \"a\""));
	assert_int_equal(destroy(1), 0);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_destroy_running_cell(void **state)
{
	struct cell *c;

	(void)state;
	c = started_cell("a", 1 << 2 | 1 << 3);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	/* the cell started its second CPU (PSCI CPU_ON) */
	per_cpu(3)->power_on = true;
	assert_true(fake_cpu_power_up(per_cpu(3)));
	(void)c;

	/* it does not answer: after msg_reply_timeout, stopped anyway */
	assert_int_equal(destroy(1), 0);
	assert_true(log_contains("did not answer the shutdown request in "
				 "time: stopped anyway"));
	assert_true(fake_arch.now_us >= 100000);
	/* both CPUs were kicked out of the cell and parked */
	assert_int_equal(fake_arch.kicks[2], 1);
	assert_int_equal(fake_arch.kicks[3], 1);
	assert_true(per_cpu(2)->parked && per_cpu(3)->parked);
	assert_ptr_equal(per_cpu(3)->cell, &root_cell);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_shutdown_denied(void **state)
{
	(void)state;
	started_cell("a", 1 << 2);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	cell_reply = JAILHOUSE_MSG_REQUEST_DENIED;
	assert_int_equal(destroy(1), -EPERM);
	assert_true(log_contains("Cell 'a' denied the shutdown request"));
	/* nothing stopped */
	assert_int_equal(fake_arch.kicks[2], 0);
	assert_false(per_cpu(2)->parked);
	assert_non_null(cell_named("a"));

	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	assert_int_equal(destroy(1), 0);
	assert_true(per_cpu(2)->parked);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_locked_cell(void **state)
{
	struct cell_cfg b = cell_cfg("b", 2, 1 << 3, 1);
	struct cell *a;

	(void)state;
	a = started_cell("a", 1 << 2);
	a->comm_page->cell_state = JAILHOUSE_CELL_RUNNING_LOCKED;
	assert_int_equal(create(&b), -EPERM);
	a->comm_page->cell_state = JAILHOUSE_CELL_RUNNING;
	assert_int_equal(create(&b), 0);
	a->comm_page->cell_state = JAILHOUSE_CELL_RUNNING_LOCKED;
	/* only the locked cell itself may go */
	assert_int_equal(destroy(2), -EPERM);
	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	assert_int_equal(destroy(1), 0);
	assert_int_equal(destroy(2), 0);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_cpu_failure(void **state)
{
	struct trap_frame frame = { 0 };
	struct cell *c;

	(void)state;
	c = started_cell("a", 1 << 2 | 1 << 3);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	per_cpu(3)->power_on = true;
	assert_true(fake_cpu_power_up(per_cpu(3)));
	trace[0] = 0;

	/* one CPU's violation: it parks, the cell still runs */
	fake_arch.current = per_cpu(2);
	cpu_fail(&frame, "test violation");
	assert_true(log_contains("CPU 2 of cell 'a' parked: test "
				 "violation"));
	assert_true(per_cpu(2)->parked && per_cpu(2)->failed);
	assert_int_equal(hc(0, JAILHOUSE_HC_CPU_GET_INFO, 2,
			    JAILHOUSE_CPU_INFO_STATE), JAILHOUSE_CPU_FAILED);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
			 JAILHOUSE_CELL_RUNNING);
	assert_string_equal(trace, "");

	/* the last one: the cell has failed, its peers are told once */
	fake_arch.current = per_cpu(3);
	cpu_fail(&frame, "test violation");
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
			 JAILHOUSE_CELL_FAILED);
	assert_string_equal(trace, "gone:irqchip:a ");

	/* a failed cell is destroyed without asking it */
	assert_int_equal(destroy(1), 0);
	assert_false(log_contains("did not answer"));
	assert_false(per_cpu(2)->failed);
	(void)c;
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_cell_ends_itself(void **state)
{
	struct trap_frame frame = { 0 };

	(void)state;
	started_cell("a", 1 << 2 | 1 << 3);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	per_cpu(3)->power_on = true;
	assert_true(fake_cpu_power_up(per_cpu(3)));
	trace[0] = 0;

	/* PSCI SYSTEM_OFF on CPU 2: the cell ends, the machine does not */
	cell_end_itself(per_cpu(2), &frame, "SYSTEM_OFF");
	assert_true(log_contains("Cell 'a' shut itself down (SYSTEM_OFF on "
				 "CPU 2)"));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
			 JAILHOUSE_CELL_SHUT_DOWN);
	assert_string_equal(trace, "gone:irqchip:a ");
	assert_true(per_cpu(2)->parked);
	/* its sibling was asked to stop, and was not waited for */
	assert_true(per_cpu(3)->stop_requested);
	assert_int_equal(fake_arch.kicks[3], 1);

	/* a start brings it back: the first CPU again */
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 1, 0), 0);
	assert_true(per_cpu(3)->parked);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	assert_int_equal(destroy(1), 0);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/* CPU 3 of a running cell, on CPUs 2 and 3, switches CPU 2 on. */
static long race_result;
static bool race_done;

static void cpu_on_while_stopping(void)
{
	if (race_done || !per_cpu(2)->parked)
		return;
	/* CPU 2 has stopped; CPU 3 has not seen its kick yet */
	race_result = cell_cpu_on(per_cpu(3), per_cpu(2), 0x2000, 0);
	race_done = true;
	fake_arch.deaf_cpus = 0;
}

static void start_two_cpus(void)
{
	started_cell("a", 1 << 2 | 1 << 3);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	assert_int_equal(cell_cpu_on(per_cpu(2), per_cpu(3), 0x3000, 7), 0);
	assert_int_equal(per_cpu(3)->on_entry, 0x3000);
	assert_true(fake_cpu_power_up(per_cpu(3)));
}

static void test_cpu_on_races_stop(void **state)
{
	(void)state;
	start_two_cpus();
	/* CPUs that were switched on leave the wait, as on hardware */
	fake_arch.run_switched_on = true;
	fake_arch.deaf_cpus = 1UL << 3;
	race_done = false;
	relax_hook = cpu_on_while_stopping;
	assert_int_equal(destroy(1), 0);
	relax_hook = NULL;
	assert_true(race_done);
	/* the root cell holds what it stops: the sibling's CPU_ON failed */
	assert_int_equal(race_result, -EPERM);
	assert_true(per_cpu(2)->parked && per_cpu(3)->parked);
	assert_false(per_cpu(2)->power_on);
	assert_int_equal(fake_arch.entries[2], 1);
	/* back in the root cell, its Linux may switch them on */
	assert_ptr_equal(per_cpu(2)->cell, &root_cell);
	assert_int_equal(cell_cpu_on(per_cpu(0), per_cpu(2), 0x4000, 0), 0);
	per_cpu(2)->power_on = false;
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static void test_cpu_on_rules(void **state)
{
	struct trap_frame frame = { 0 };

	(void)state;
	start_two_cpus();
	/* running: already on; the root's CPU: not the cell's */
	assert_int_equal(cell_cpu_on(per_cpu(2), per_cpu(3), 0, 0), -EBUSY);
	assert_int_equal(cell_cpu_on(per_cpu(2), per_cpu(0), 0, 0), -EPERM);
	assert_int_equal(cell_cpu_on(per_cpu(2), NULL, 0, 0), -EPERM);
	/* the root may not switch on a cell's CPU either */
	fake_arch.current = per_cpu(3);
	arch_cpu_wait(per_cpu(3), &frame);	/* PSCI CPU_OFF */
	assert_int_equal(cell_cpu_on(per_cpu(0), per_cpu(3), 0, 0), -EPERM);
	/* off by itself: its sibling may switch it on again */
	assert_int_equal(cell_cpu_on(per_cpu(2), per_cpu(3), 0x5000, 0), 0);
	assert_true(fake_cpu_power_up(per_cpu(3)));
	/* failed: held until the root cell restarts the cell */
	cpu_fail(&frame, "test violation");
	assert_int_equal(cell_cpu_on(per_cpu(2), per_cpu(3), 0, 0), -EPERM);
	assert_false(fake_cpu_power_up(per_cpu(3)));
	/* loaded: all held */
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0), 0);
	assert_int_equal(cell_cpu_on(per_cpu(3), per_cpu(2), 0, 0), -EPERM);
	/* started again: released, the first CPU on, the other off */
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 1, 0), 0);
	assert_false(per_cpu(3)->held);
	assert_false(per_cpu(3)->power_on);
	assert_true(fake_cpu_power_up(per_cpu(2)));
	assert_int_equal(destroy(1), 0);
}


/*
 * Stage 2 honours the config's READ and EXECUTE: the cell's RAM (RWX)
 * and the root's are executable, the comm page and the root's view of
 * the log ring are not (issue 14, item 9).
 */
static void test_stage2_permissions(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);
	u64 ram, comm, root_ram, ring;
	struct cell *c;

	(void)state;
	assert_int_equal(create(&cfg), 0);
	c = cell_named("a");
	ram = s2_leaf(c->s2_root, 0);
	comm = s2_leaf(c->s2_root, 0x80000000);
	root_ram = s2_leaf(root_cell.s2_root, ROOT_RAM);
	ring = s2_leaf(root_cell.s2_root, (u64)console_page);
	assert_int_equal(ram & (S2_READ | S2_WRITE | S2_XN),
			 S2_READ | S2_WRITE);
	assert_int_equal(comm & (S2_READ | S2_WRITE | S2_XN),
			 S2_READ | S2_WRITE | S2_XN);
	assert_int_equal(root_ram & (S2_READ | S2_WRITE | S2_XN),
			 S2_READ | S2_WRITE);
	assert_int_equal(ring & (S2_READ | S2_WRITE | S2_XN),
			 S2_READ | S2_XN);
	assert_int_equal(destroy(1), 0);
	/* RAM without EXECUTE (and one without READ) */
	cfg.mem_regions[0].flags &= ~JAILHOUSE_MEM_EXECUTE;
	assert_int_equal(create(&cfg), 0);
	c = cell_named("a");
	assert_int_equal(s2_leaf(c->s2_root, 0) & S2_XN, S2_XN);
	assert_int_equal(destroy(1), 0);
	cfg.mem_regions[0].flags &= ~JAILHOUSE_MEM_READ;
	assert_int_equal(create(&cfg), 0);
	c = cell_named("a");
	assert_int_equal(s2_leaf(c->s2_root, 0) & (S2_READ | S2_WRITE),
			 S2_WRITE);
	assert_int_equal(destroy(1), 0);
}

/* ---- sub-page regions (issue 14, item 5) ---- */

#define SUBPAGE_IO	0x7ff00100UL	/* a UART's 256 bytes, in root RAM */

struct subpage_cfg {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed));

/*
 * A cell as cell_cfg() makes it, with the sub-page I/O region [@phys,
 * @phys + @size) of @flags (1:1) besides its RAM.
 */
static struct subpage_cfg subpage_cell(const char *name, unsigned int id,
				       u64 cpus, unsigned int slot, u64 phys,
				       u64 size, u64 flags)
{
	struct cell_cfg base = cell_cfg(name, id, cpus, slot);
	struct subpage_cfg cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.cell = base.cell;
	cfg.cell.num_memory_regions = 3;
	cfg.cpus[0] = base.cpus[0];
	cfg.mem_regions[0] = base.mem_regions[0];
	cfg.mem_regions[1] = base.mem_regions[1];
	cfg.mem_regions[2] = (struct jailhouse_memory){
		.phys_start = phys,
		.virt_start = phys,
		.size = size,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			JAILHOUSE_MEM_IO | flags,
	};
	cfg.irqchips[0] = base.irqchips[0];
	return cfg;
}

/* Cell "a" with a sub-page I/O region of @flags besides its RAM. */
static struct subpage_cfg subpage_cfg(u64 flags)
{
	return subpage_cell("a", 1, 1 << 2, 0, SUBPAGE_IO, 0x100, flags);
}

/*
 * What the root cell maps around the sub-page region, as after enable;
 * the pool as @before (EL2's own mapping of the region stays).
 */
static void assert_root_intact(unsigned long before)
{
	assert_int_equal(s2_phys(root_cell.s2_root, SUBPAGE_IO & PAGE_MASK),
			 SUBPAGE_IO & PAGE_MASK);
	assert_true(root_maps(CELL_RAM));
	assert_true(root_maps(ROOT_RAM + ROOT_RAM_SIZE - 1));
	/* nothing above the root's RAM */
	assert_false(root_maps(ROOT_RAM + ROOT_RAM_SIZE));
	assert_false(root_maps(0x100000000UL));
	assert_int_equal(page_pool_used(), before);
}

/*
 * A cell's sub-page region without JAILHOUSE_MEM_ROOTSHARED: the shared
 * checker refuses it at create, naming the field and the fix.
 */
static void test_subpage_not_rootshared_refused(void **state)
{
	struct subpage_cfg cfg = subpage_cfg(0);
	unsigned long before = page_pool_used();
	long err;

	(void)state;
	log_clear();
	put_config(&cfg, sizeof(cfg));
	err = hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0);
	if (err != -EINVAL)
		fail_msg("create: %ld; the log:\n%s", err, all_logs);
	assert_true(log_contains("mem_regions[2].flags"));
	assert_true(log_contains("add JAILHOUSE_MEM_ROOTSHARED"));
	assert_root_intact(before);
}

/* With ROOTSHARED, the page stays the root's, before and after. */
static void test_subpage_rootshared(void **state)
{
	struct subpage_cfg cfg = subpage_cfg(JAILHOUSE_MEM_ROOTSHARED);
	unsigned long before = page_pool_used();

	(void)state;
	put_config(&cfg, sizeof(cfg));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0), 0);
	assert_true(root_maps(SUBPAGE_IO));
	assert_false(root_maps(CELL_RAM));
	assert_int_equal(destroy(1), 0);
	assert_root_intact(before);
}

/*
 * cell.c on its own, as if the checker had let a non-ROOTSHARED sub-page
 * region through: the region is not taken page-wise from the root, and
 * giving the cell's memory back maps exactly what was taken (before, the
 * page went and the give-back's size underflowed: everything above it
 * was mapped into the root).
 */
static void test_subpage_never_taken(void **state)
{
	struct subpage_cfg cfg = subpage_cfg(0);
	struct cell c = { .config = &cfg.cell };
	unsigned long before = page_pool_used();

	(void)state;
	assert_int_equal(cell_take_memory(&c), 0);
	assert_true(root_maps(SUBPAGE_IO));
	assert_false(root_maps(CELL_RAM));
	cell_return_memory(&c);
	assert_root_intact(before);
}

/* The leaf that maps @virt in EL2's own table, or 0; its level. */
static u64 el2_leaf(u64 virt, unsigned int *level)
{
	const u64 *table = hv_page_table;
	u64 desc;

	for (*level = 0; *level < PAGING_LEVELS; (*level)++) {
		desc = table[(virt >> pte_level_shift(*level)) &
			     (PAGING_ENTRIES - 1)];
		if (!pte_valid(desc))
			return 0;
		if (!pte_is_table(desc, *level))
			return desc;
		table = (const u64 *)pte_address(desc);
	}
	return 0;
}

/* EL2 maps @page for a cell: a 4 KiB device page, 1:1. */
static void assert_el2_cell_page(u64 page)
{
	unsigned int level;
	u64 leaf = el2_leaf(page, &level);

	assert_int_not_equal(leaf, 0);
	assert_int_equal(level, PAGING_LEVELS - 1);
	assert_int_equal(pte_address(leaf), page);
	assert_true(pte_is_cell_io(leaf));
	assert_int_equal(leaf & S1_XN, S1_XN);
}

static void assert_el2_unmapped(u64 page)
{
	unsigned int level;

	assert_int_equal(el2_leaf(page, &level), 0);
}

/*
 * A sub-page region's page is EL2's while the cell lives, as a 4 KiB
 * page, and goes with the cell, with the tables it took: the pool is
 * back where it was (before, EL2's tables for it stayed for good).
 */
static void test_subpage_el2_mapping_goes(void **state)
{
	struct subpage_cfg cfg = subpage_cfg(JAILHOUSE_MEM_ROOTSHARED);

	(void)state;
	assert_el2_unmapped(SUBPAGE_IO & PAGE_MASK);
	put_config(&cfg, sizeof(cfg));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0), 0);
	assert_el2_cell_page(SUBPAGE_IO & PAGE_MASK);
	assert_int_equal(destroy(1), 0);
	assert_el2_unmapped(SUBPAGE_IO & PAGE_MASK);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/*
 * Two cells with regions on one page: it stays until the second goes.
 * One of them also shares the debug UART's page and reaches into the
 * pages around it (the hypervisor's own mapping): EL2's UART page is
 * left as it was, before, while and after, and never unmapped; the
 * pages beside it are the cell's, and go with it.
 */
static void test_subpage_shared_and_hv_pages(void **state)
{
	struct subpage_cfg a = subpage_cell("a", 1, 1 << 2, 0,
					    SUBPAGE_IO, 0x100,
					    JAILHOUSE_MEM_ROOTSHARED);
	struct subpage_cfg b = subpage_cell("b", 2, 1 << 3, 1,
					    DEBUG_UART - 0x800, 0x2000,
					    JAILHOUSE_MEM_ROOTSHARED);
	struct subpage_cfg c = subpage_cell("c", 3, 1 << 3, 2,
					    SUBPAGE_IO + 0x200, 0x10,
					    JAILHOUSE_MEM_ROOTSHARED);
	unsigned int level;
	u64 uart = el2_leaf(DEBUG_UART, &level);

	(void)state;
	assert_int_not_equal(uart, 0);
	assert_int_equal(level, PAGING_LEVELS - 1);
	assert_false(pte_is_cell_io(uart));

	put_config(&a, sizeof(a));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0), 0);
	put_config(&b, sizeof(b));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0), 0);
	assert_el2_cell_page(DEBUG_UART - PAGE_SIZE);
	assert_el2_cell_page(DEBUG_UART + PAGE_SIZE);
	assert_int_equal(el2_leaf(DEBUG_UART, &level), uart);
	assert_int_equal(destroy(2), 0);
	assert_el2_unmapped(DEBUG_UART - PAGE_SIZE);
	assert_el2_unmapped(DEBUG_UART + PAGE_SIZE);
	assert_int_equal(el2_leaf(DEBUG_UART, &level), uart);
	assert_int_equal(level, PAGING_LEVELS - 1);

	/* "c" shares the page of "a" */
	put_config(&c, sizeof(c));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0), 0);
	assert_int_equal(destroy(1), 0);
	assert_el2_cell_page(SUBPAGE_IO & PAGE_MASK);
	assert_int_equal(destroy(3), 0);
	assert_el2_unmapped(SUBPAGE_IO & PAGE_MASK);
	assert_int_equal(el2_leaf(DEBUG_UART, &level), uart);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/*
 * A "sub-page" region of 2 MiB and 256 bytes over the debug UART, as the
 * hypercall fuzzer found: before, EL2 mapped it as a 2 MiB block over its
 * own UART page and a table that was never given back.  The checker
 * refuses it at create, naming the region and the bound; EL2 and the
 * pool are as they were.
 */
static void test_subpage_too_large_refused(void **state)
{
	struct subpage_cfg cfg = subpage_cell("a", 1, 1 << 2, 0, DEBUG_UART,
					      0x200100,
					      JAILHOUSE_MEM_ROOTSHARED);
	unsigned int level;
	u64 uart = el2_leaf(DEBUG_UART, &level);
	long err;

	(void)state;
	log_clear();
	put_config(&cfg, sizeof(cfg));
	err = hc(0, JAILHOUSE_HC_CELL_CREATE, CONFIG_IPA, 0);
	if (err != -EINVAL)
		fail_msg("create: %ld; the log:\n%s", err, all_logs);
	assert_true(log_contains("mem_regions[2].size: 0x200100: the "
				 "sub-page I/O region 0x7fe00000-0x800000ff "
				 "touches 513 pages, more than the 16 (64 "
				 "KiB)"));
	assert_int_equal(el2_leaf(DEBUG_UART, &level), uart);
	assert_int_equal(level, PAGING_LEVELS - 1);
	assert_el2_unmapped(DEBUG_UART + 0x200000);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/*
 * cell.c on its own, as if the checker had let the region through: it
 * refuses it too, before it maps anything.
 */
static void test_subpage_too_large_cell_c(void **state)
{
	struct subpage_cfg cfg = subpage_cell("a", 1, 1 << 2, 0, DEBUG_UART,
					      0x11000 + 0x100,
					      JAILHOUSE_MEM_ROOTSHARED);
	struct cell c = { .config = &cfg.cell };
	unsigned int level;
	u64 uart = el2_leaf(DEBUG_UART, &level);

	(void)state;
	log_clear();
	assert_int_equal(mmio_cell_init(&c), 0);
	assert_int_equal(cell_map_subpage_regions(&c), -EINVAL);
	assert_true(log_contains("cell 'a': mem_regions[2] (0x7fe00000, size "
				 "0x11100) is a sub-page I/O region of more "
				 "than 16 pages"));
	assert_int_equal(c.mmio.count, 0);
	mmio_cell_exit(&c);
	assert_int_equal(el2_leaf(DEBUG_UART, &level), uart);
	assert_el2_unmapped(DEBUG_UART + PAGE_SIZE);
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/*
 * A fault of the hypervisor on a cell's CPU: the CPU is lost, but the
 * cell can be destroyed, the CPU is never given out again, and disable
 * says why it cannot be done instead of waiting for it.
 */
static void test_cpu_lost(void **state)
{
	struct cell_cfg again = cell_cfg("b", 2, 1 << 3, 1);

	(void)state;
	start_two_cpus();
	/* CPU 3 faults at EL2 (arch_handle_el2_fault) and stays there */
	cpu_lost(per_cpu(3));
	assert_int_equal(hc(0, JAILHOUSE_HC_CPU_GET_INFO, 3,
			    JAILHOUSE_CPU_INFO_STATE), JAILHOUSE_CPU_FAILED);
	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	assert_int_equal(destroy(1), 0);
	assert_int_equal(fake_arch.kicks[3], 0);
	/* the root's Linux cannot have it back, no cell can take it */
	assert_int_equal(cell_cpu_on(per_cpu(0), per_cpu(3), 0, 0), -EPERM);
	log_clear();
	assert_int_equal(create(&again), -EIO);
	assert_true(log_contains("CPU 3 is lost in the hypervisor"));
	log_clear();
	assert_int_equal(hc(0, JAILHOUSE_HC_DISABLE, 0, 0), -EIO);
	assert_true(log_contains("CPU 3 is lost in the hypervisor (a fault "
				 "at EL2): it cannot be disabled; reboot"));
	/* the fake's CPU 3 comes back for the tests after this one */
	per_cpu(3)->lost = false;
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/* ---- a CPU lost at EL2 while it holds a lock ---- */

static spinlock_t *lock_named(const char *name)
{
	spinlock_t *const *lock;

	for_each_spinlock(lock)
		if (!strcmp((*lock)->name, name))
			return *lock;
	return NULL;
}

static unsigned int spins_before_fault;

/* CPU 1 faults at EL2 while CPU 0 spins on the lock it holds. */
static void fault_after_spins(void)
{
	if (spins_before_fault && !--spins_before_fault)
		cpu_lost(per_cpu(1));
}

static void lost_holding_cell_lock(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);
	spinlock_t *cell_lock = lock_named("cell_lock");
	spinlock_t *budget_lock = lock_named("budget_lock");

	(void)state;
	assert_non_null(cell_lock);
	assert_non_null(budget_lock);
	/* a lock says who holds it */
	fake_arch.current = per_cpu(1);
	spin_lock(cell_lock);
	assert_int_equal(cell_lock->holder, 2);
	/* CPU 3's lock is not CPU 1's to free */
	fake_arch.current = per_cpu(3);
	spin_lock(budget_lock);

	/* CPU 0 asks to create a cell: it waits, until CPU 1 faults */
	spins_before_fault = 50;
	relax_hook = fault_after_spins;
	fake_arch.relax_limit = 10000;
	log_clear();
	assert_int_equal(create(&cfg), -EIO);
	relax_hook = NULL;
	assert_int_equal(spins_before_fault, 0);
	assert_true(log_contains("ERROR: CPU 1 was lost in the hypervisor "
				 "while holding cell_lock; cell management "
				 "is refused, reboot"));
	assert_false(cell_lock->locked);
	assert_true(budget_lock->locked);
	assert_int_equal(budget_lock->holder, 4);
	fake_arch.current = per_cpu(3);
	spin_unlock(budget_lock);
	/* nothing was done */
	assert_true(root_maps(CELL_RAM));
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS, 0), 1);
	/* every later call that changes cells is refused at once */
	log_clear();
	assert_int_equal(destroy(1), -EIO);
	assert_int_equal(create(&cfg), -EIO);
	assert_true(log_contains("cell management is refused"));
	assert_false(cell_lock->locked);
	/* reading a cell's state is not */
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0), -ENOENT);
	assert_false(cell_lock->locked);
}

/*
 * A fault at EL2 on a root CPU in cell management: the cell lock it
 * held is freed, the CPU that waited for it is refused instead of
 * spinning for ever, the root cell's other CPUs run on (the state the
 * fault leaves is for good: in a child process).
 */
static void test_lost_cpu_frees_its_locks(void **state)
{
	(void)state;
	in_child(lost_holding_cell_lock);
}

/* A lost CPU that holds no lock: management goes on. */
static void lost_holding_nothing(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);

	(void)state;
	cpu_lost(per_cpu(1));
	/* and it is not waited for in a pause: no time-out */
	fake_arch.deaf_cpus = 1 << 1;
	assert_int_equal(create(&cfg), 0);
	assert_int_equal(fake_arch.kicks[1], 0);
	assert_int_equal(destroy(1), 0);
	assert_false(log_contains("refused"));
	assert_false(log_contains("did not pause"));
}

static void test_lost_cpu_without_locks(void **state)
{
	(void)state;
	in_child(lost_holding_nothing);
}

/* ---- the root cell's CPUs paused while its stage 2 changes ---- */

static void assert_no_pause_requested(void)
{
	unsigned int n;

	for (n = 0; n < CPUS; n++)
		assert_int_equal(per_cpu(n)->pause_request, 0);
}

static void test_root_paused_for_stage2(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);

	(void)state;
	/* CPUs 0 and 1 run the root cell; CPU 0 asks */
	assert_int_equal(create(&cfg), 0);
	assert_int_equal(fake_arch.pauses[1], 1);
	assert_int_equal(fake_arch.kicks[1], 1);
	/* the offline CPU 3 is not kicked, the caller does not pause */
	assert_int_equal(fake_arch.kicks[3], 0);
	assert_int_equal(fake_arch.pauses[0], 0);
	/* the root's TLBs were flushed while CPU 1 waited at EL2 */
	assert_true(fake_arch.paused_flushes >= 1);
	assert_no_pause_requested();

	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0), 0);
	assert_int_equal(fake_arch.pauses[1], 2);
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 1, 0), 0);
	assert_int_equal(fake_arch.pauses[1], 3);
	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	assert_int_equal(destroy(1), 0);
	assert_int_equal(fake_arch.pauses[1], 4);
	assert_int_equal(fake_arch.paused_flushes, 4);
	assert_no_pause_requested();
	assert_int_equal(page_pool_used(), pool_after_enable);
}

/* A running CPU of another cell is neither kicked nor waited for. */
static void test_root_pause_spares_other_cells(void **state)
{
	struct cell_cfg a = cell_cfg("a", 2, 1 << 2, 1);

	(void)state;
	started_cell("b", 1 << 3);
	assert_true(fake_cpu_power_up(per_cpu(3)));
	memset(fake_arch.kicks, 0, sizeof(fake_arch.kicks));
	memset(fake_arch.pauses, 0, sizeof(fake_arch.pauses));
	/* b's CPU 3 would not pause: it is not asked to */
	fake_arch.deaf_cpus = 1 << 3;
	assert_int_equal(create(&a), 0);
	cell_reply = JAILHOUSE_MSG_REQUEST_APPROVED;
	assert_int_equal(destroy(2), 0);
	assert_int_equal(fake_arch.kicks[3], 0);
	assert_int_equal(fake_arch.pauses[3], 0);
	assert_false(per_cpu(3)->parked);
	assert_int_equal(fake_arch.pauses[1], 2);
	assert_false(log_contains("did not pause"));
	fake_arch.deaf_cpus = 0;
}

/*
 * A root CPU that does not pause (it does not take the kick): the
 * operation fails after the time-out, nothing changed, nothing lost;
 * once it pauses again, the same operation succeeds.
 */
static void test_root_pause_times_out(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2, 0);
	unsigned long before = page_pool_used();
	u64 start = fake_arch.now_us;

	(void)state;
	fake_arch.deaf_cpus = 1 << 1;
	assert_int_equal(create(&cfg), -EBUSY);
	assert_true(log_contains("ERROR: CPU 1 of the root cell did not "
				 "pause in the hypervisor within 1000 ms: "
				 "its memory is left as it was"));
	assert_true(fake_arch.now_us - start >= 1000000);
	assert_no_pause_requested();
	assert_true(root_maps(CELL_RAM));
	assert_int_equal(page_pool_used(), before);
	assert_int_equal(hc(0, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS, 0), 1);
	assert_ptr_equal(per_cpu(2)->cell, &root_cell);

	fake_arch.deaf_cpus = 0;
	assert_int_equal(create(&cfg), 0);
	assert_false(root_maps(CELL_RAM));

	/* destroy: the cell stays, stopped, its memory not the root's */
	fake_arch.deaf_cpus = 1 << 1;
	log_clear();
	assert_int_equal(destroy(1), -EBUSY);
	assert_true(log_contains("did not pause"));
	assert_non_null(cell_named("a"));
	assert_false(root_maps(CELL_RAM));
	assert_int_equal(hc(0, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
			 JAILHOUSE_CELL_SHUT_DOWN);
	assert_no_pause_requested();
	fake_arch.deaf_cpus = 0;
	assert_int_equal(destroy(1), 0);
	assert_true(root_maps(CELL_RAM));
	assert_int_equal(page_pool_used(), pool_after_enable);
}

static unsigned int relaxes_until_release;

static void release_after_relaxes(void)
{
	if (relaxes_until_release && !--relaxes_until_release)
		per_cpu(1)->pause_request = 0;
}

/* The paused CPU's side: it says so and waits until released. */
static void test_cpu_pause_point(void **state)
{
	struct per_cpu *cpu = per_cpu(1);
	unsigned long calls = fake_arch.relax_calls;

	(void)state;
	/* nothing asked: it goes on at once */
	cpu_pause_point(cpu);
	assert_int_equal(fake_arch.relax_calls, calls);
	cpu->pause_request = 7;
	relaxes_until_release = 20;
	relax_hook = release_after_relaxes;
	fake_arch.current = cpu;
	cpu_pause_point(cpu);
	relax_hook = NULL;
	assert_int_equal(relaxes_until_release, 0);
	assert_int_equal(cpu->pause_ack, 7);
}

/* Create and destroy, many times: nothing accumulates. */
static void test_cycles(void **state)
{
	struct cell_cfg cfg = cell_cfg("a", 1, 1 << 2 | 1 << 3, 0);
	unsigned int n;

	(void)state;
	for (n = 0; n < 50; n++) {
		assert_int_equal(create(&cfg), 0);
		assert_int_equal(hc(0, JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0),
				 0);
		assert_int_equal(hc(0, JAILHOUSE_HC_CELL_START, 1, 0), 0);
		assert_int_equal(destroy(1), 0);
	}
	assert_int_equal(page_pool_used(), pool_after_enable);
	assert_ptr_equal(per_cpu(2)->cell, &root_cell);
}

#define CELL_TEST(test) cmocka_unit_test_setup_teardown(test, fresh, no_cells)

int main(void)
{
	const struct CMUnitTest enable[] = {
		cmocka_unit_test(test_enable_succeeds),
		cmocka_unit_test(test_enable_bad_config),
		cmocka_unit_test(test_enable_unit_fails),
		cmocka_unit_test(test_enable_cpu_fails),
		cmocka_unit_test(test_enable_wrong_place),
	};
	const struct CMUnitTest cell_tests[] = {
		CELL_TEST(test_create_destroy),
		CELL_TEST(test_two_cells),
		CELL_TEST(test_create_refusals),
		CELL_TEST(test_create_config_outside_root),
		CELL_TEST(test_create_config_in_cell_memory),
		CELL_TEST(test_create_unit_fails),
		CELL_TEST(test_create_out_of_memory),
		CELL_TEST(test_not_from_a_cell),
		CELL_TEST(test_hypercall_arguments),
		CELL_TEST(test_load_and_start),
		CELL_TEST(test_destroy_running_cell),
		CELL_TEST(test_shutdown_denied),
		CELL_TEST(test_locked_cell),
		CELL_TEST(test_cpu_failure),
		CELL_TEST(test_cell_ends_itself),
		CELL_TEST(test_cpu_on_races_stop),
		CELL_TEST(test_cpu_on_rules),
		CELL_TEST(test_cpu_lost),
		CELL_TEST(test_cycles),
		CELL_TEST(test_lost_cpu_frees_its_locks),
		CELL_TEST(test_lost_cpu_without_locks),
		CELL_TEST(test_root_paused_for_stage2),
		CELL_TEST(test_root_pause_spares_other_cells),
		CELL_TEST(test_root_pause_times_out),
		CELL_TEST(test_cpu_pause_point),
		CELL_TEST(test_stage2_permissions),
		CELL_TEST(test_subpage_not_rootshared_refused),
		CELL_TEST(test_subpage_rootshared),
		CELL_TEST(test_subpage_never_taken),
		CELL_TEST(test_subpage_el2_mapping_goes),
		CELL_TEST(test_subpage_shared_and_hv_pages),
		CELL_TEST(test_subpage_too_large_refused),
		CELL_TEST(test_subpage_too_large_cell_c),
	};
	int failed = cmocka_run_group_tests(enable, NULL, NULL);

	return failed + cmocka_run_group_tests(cell_tests, enable_group, NULL);
}
