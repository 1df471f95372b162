// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls: one entry point that checks who calls and with what; the
 * life of cells (create, set loadable, start, destroy) and of their CPUs;
 * the disable rendezvous of the root cell's CPUs.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/config-check.h>
#include <jailhouse/spinlock.h>
#include <jailhouse/string.h>
#include <jailhouse/log-budget.h>
#include <jailhouse/unit.h>
#include <asm/paging.h>

#define MSG_TIMEOUT_US		100000
/* a running CPU takes an SGI within microseconds; QEMU's may take long */
#define PAUSE_TIMEOUT_US	1000000


static volatile unsigned int cpus_disabling;
DEFINE_SPINLOCK(cell_lock);
static unsigned int cells_existing = 1;	/* the root cell */
/*
 * A CPU lost at EL2 while it held a lock (cpu_lost()): the state that
 * lock guarded may be half changed, so cell management is refused from
 * then on.  The first such CPU and lock are kept, for the message.
 */
static struct per_cpu *volatile suspect_cpu;
static const char *volatile suspect_lock;

static unsigned int num_cells(void)
{
	return cells_existing;
}

static long hypervisor_get_info(unsigned long type)
{
	switch (type) {
	case JAILHOUSE_INFO_MEM_POOL_SIZE:
		return page_pool_pages();
	case JAILHOUSE_INFO_MEM_POOL_USED:
		return page_pool_used();
	case JAILHOUSE_INFO_REMAP_POOL_SIZE:
	case JAILHOUSE_INFO_REMAP_POOL_USED:
		/* devices are identity-mapped: there is no remap pool */
		return 0;
	case JAILHOUSE_INFO_NUM_CELLS:
		return num_cells();
	default:
		return -EINVAL;
	}
}

static long cpu_get_info(struct per_cpu *caller, unsigned long cpu_id,
			 unsigned long type)
{
	struct per_cpu *cpu;

	if (cpu_id >= hypervisor_header.max_cpus)
		return -EINVAL;
	cpu = per_cpu(cpu_id);
	if (!cpu->cell)
		return -EINVAL;
	if (caller->cell != &root_cell && cpu->cell != caller->cell)
		return -EPERM;
	if (type == JAILHOUSE_CPU_INFO_STATE)
		return cpu->failed ? JAILHOUSE_CPU_FAILED :
			JAILHOUSE_CPU_RUNNING;
	if (type >= JAILHOUSE_CPU_INFO_STAT_BASE &&
	    type < JAILHOUSE_CPU_INFO_STAT_BASE + JAILHOUSE_NUM_CPU_STATS)
		return cpu->stats[type - JAILHOUSE_CPU_INFO_STAT_BASE] &
			0x7fffffff;
	return -EINVAL;
}

/* ---- reading the root cell's memory ---- */

/*
 * The physical address of root-cell RAM at @ipa, if all of @size is, as
 * the root cell's stage 2 maps it now (not memory a cell took), readable,
 * normal memory, physically contiguous.
 */
static u64 root_ram_address(u64 ipa, u64 size)
{
	u64 first = ipa & PAGE_MASK, page, phys, base = ~0UL, desc;

	if (!size || ipa + size < ipa)
		return ~0UL;
	for (page = first; page < ipa + size; page += PAGE_SIZE) {
		phys = paging_lookup(root_cell.s2_root, page, &desc);
		if (phys == ~0UL || !pte_is_readable_ram(desc))
			return ~0UL;
		if (page == first)
			base = phys;
		else if (phys != base + (page - first))
			return ~0UL;
	}
	return base + (ipa - first);
}

/* Copy @size bytes the root cell has at @ipa. */
static int copy_from_root(void *dest, u64 ipa, u64 size)
{
	u64 phys, start, len;
	const u8 *window;

	if (size > MAX_CONFIG_PAGES * PAGE_SIZE)
		return -E2BIG;
	phys = root_ram_address(ipa, size);
	if (phys == ~0UL)
		return -EINVAL;
	start = phys & PAGE_MASK;
	len = ALIGN_UP(phys + size, PAGE_SIZE) - start;
	window = arch_map_temporary(start, len);
	if (window)
		memcpy(dest, window + (phys - start), size);
	arch_unmap_temporary(len);
	return window ? 0 : -ENOMEM;
}

/* ---- messages to cells ---- */

/*
 * The comm page's header to and from the point of coherency: a cell may
 * run with its MMU and caches off, seeing memory, not the cache.
 */
static void comm_page_sync(const struct cell *cell)
{
	dcache_clean_inval(cell->comm_page,
			   sizeof(struct jailhouse_comm_region));
}

static u32 read_cell_state(const struct cell *cell)
{
	comm_page_sync(cell);
	return cell->comm_page->cell_state;
}

static void set_cell_state(struct cell *cell, u32 state)
{
	cell->comm_page->cell_state = state;
	comm_page_sync(cell);
}

static bool cell_is_running(const struct cell *cell)
{
	u32 state = read_cell_state(cell);

	return state == JAILHOUSE_CELL_RUNNING ||
		state == JAILHOUSE_CELL_RUNNING_LOCKED;
}

/*
 * Send @msg and wait for the reply, until the cell stops running or the
 * time is up (msg_reply_timeout in microseconds, 100 ms if not given).
 * Returns the reply, or 0 on timeout.
 */
static u32 send_message(struct cell *cell, u32 msg)
{
	struct jailhouse_comm_region *comm = cell->comm_page;
	u64 timeout = cell->config->msg_reply_timeout ?: MSG_TIMEOUT_US;

	/* the checker refused more; a bound whatever got here */
	if (timeout > JAILHOUSE_MAX_MSG_TIMEOUT_US)
		timeout = JAILHOUSE_MAX_MSG_TIMEOUT_US;
	u64 start = arch_counter_us();
	u32 reply;

	comm->reply_from_cell = JAILHOUSE_MSG_NONE;
	comm_page_sync(cell);
	comm->msg_to_cell = msg;
	comm_page_sync(cell);
	for (;;) {
		reply = comm->reply_from_cell;
		if (reply != JAILHOUSE_MSG_NONE)
			return reply;
		if (!cell_is_running(cell))
			return JAILHOUSE_MSG_REQUEST_APPROVED;
		if (arch_counter_us() - start > timeout)
			return 0;
		cpu_relax();
	}
}

static bool cell_is_passive(const struct cell *cell)
{
	return cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG;
}

/* May the running @cell be stopped?  Cells that do not answer may. */
static int ask_shutdown(struct cell *cell)
{
	u32 reply;

	if (cell_is_passive(cell) || !cell_is_running(cell))
		return 0;
	reply = send_message(cell, JAILHOUSE_MSG_SHUTDOWN_REQUEST);
	if (reply == JAILHOUSE_MSG_REQUEST_DENIED) {
		printk("Cell '%s' denied the shutdown request\n",
		       cell->config->name);
		return -EPERM;
	}
	if (!reply)
		printk("Cell '%s' did not answer the shutdown request in "
		       "time: stopped anyway\n", cell->config->name);
	return 0;
}

static void broadcast_reconfig(void)
{
	struct cell *cell;
	unsigned int n;

	for_each_cell(cell, n)
		if (cell != &root_cell && !cell_is_passive(cell) &&
		    cell_is_running(cell))
			send_message(cell, JAILHOUSE_MSG_RECONFIG_COMPLETED);
}

/* ---- the CPUs of a cell ---- */

/* Waiting, and not about to leave the wait. */
static bool cpu_is_off(const struct per_cpu *cpu)
{
	return cpu->parked && (cpu->held || !cpu->power_on);
}

/*
 * Every CPU of @cell but @except to the wait; returns when they are.
 * They are held there first, so that none of them can switch another on
 * again (PSCI CPU_ON) while they stop: a held CPU leaves the wait only
 * when the root cell releases it (arch_cpu_wait re-checks after it
 * cleared parked, so either it sees the hold or this sees it running).
 */
void cell_stop_cpus(struct cell *cell, struct per_cpu *except)
{
	struct per_cpu *cpu;
	unsigned int id;

	for_each_cell_cpu(id, cell)
		per_cpu(id)->held = true;
	memory_barrier();
	for_each_cell_cpu(id, cell) {
		cpu = per_cpu(id);
		if (cpu == except || cpu_is_off(cpu))
			continue;
		cpu->stop_requested = true;
		arch_cpu_kick(cpu);
	}
	if (except)
		return;	/* a CPU of the cell: it must not wait for others */
	for_each_cell_cpu(id, cell)
		while (!cpu_is_off(per_cpu(id)))
			cpu_relax();
}

/* A cell whose CPUs all failed has failed. */
void cell_update_state(struct cell *cell)
{
	unsigned int id;

	if (cell == &root_cell)
		return;
	for_each_cell_cpu(id, cell)
		if (!per_cpu(id)->failed)
			return;
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
	units_cell_gone(cell);
}

/*
 * A violation: this CPU stops for good, until the root cell restarts or
 * destroys its cell.  What it did is printed by the caller.
 */
void cpu_fail(struct trap_frame *frame, const char *why)
{
	struct per_cpu *cpu = this_cpu();

	printk("CPU %u of cell '%s' parked: %s\n", cpu->cpu_id,
	       cpu->cell->config->name, why);
	cpu->failed = true;
	/* its siblings may not switch it on again: only the root cell */
	cpu->held = cpu->cell != &root_cell;
	cell_update_state(cpu->cell);
	arch_cpu_wait(cpu, frame);
}

/* ---- pausing the root cell's CPUs ---- */

static unsigned long pauses;		/* numbers them; under cell_lock */
static struct per_cpu *volatile pausing_cpu;

/*
 * A root cell's CPU at EL2, holding no lock: if a pause is asked of it,
 * it says so and waits until the pause is over.  Its guest translations
 * are not used meanwhile; the pausing CPU invalidated them everywhere
 * (arch_flush_cell_tlbs()) before it lets the CPU go.
 */
void cpu_pause_point(struct per_cpu *cpu)
{
	unsigned long request = cpu->pause_request;

	if (!request)
		return;
	cpu->pause_ack = request;
	memory_barrier();
	cpu_send_event();
	while (cpu->pause_request == request)
		cpu_relax();
	memory_barrier();
}

/* Every pause request is withdrawn: the paused CPUs go on. */
static void root_resume(void)
{
	unsigned int id;

	memory_barrier();
	/* all CPUs: those taken for a new cell meanwhile too */
	for (id = 0; id < hypervisor_header.max_cpus; id++)
		per_cpu(id)->pause_request = 0;
	pausing_cpu = NULL;
	memory_barrier();
	cpu_send_event();
}

/* Paused, off (it checks for a request before it runs again), or lost. */
static bool cpu_is_paused(const struct per_cpu *cpu, unsigned long request)
{
	return cpu->pause_ack == request || cpu->parked || cpu->lost;
}

/*
 * Before a change of the root cell's stage 2 (break-before-make leaves
 * an entry invalid for a moment): the other running CPUs of the root
 * cell are kicked into EL2 and wait there until root_resume().  A lost
 * CPU is not asked.  A CPU that has not paused after PAUSE_TIMEOUT_US
 * fails the pause: the others go on, nothing was changed, -EBUSY.
 */
static int root_pause(void)
{
	struct per_cpu *self = this_cpu(), *cpu;
	unsigned long request = ++pauses;
	unsigned int id;
	u64 start;

	pausing_cpu = self;
	/* the root cell's CPUs now: not those another cell has */
	for (id = 0; id < hypervisor_header.max_cpus; id++) {
		cpu = per_cpu(id);
		if (cpu != self && cpu->cell == &root_cell && !cpu->lost)
			cpu->pause_request = request;
	}
	memory_barrier();
	/* a CPU waiting at EL2 for an event, not an interrupt, wakes too */
	cpu_send_event();
	for (id = 0; id < hypervisor_header.max_cpus; id++) {
		cpu = per_cpu(id);
		if (cpu->pause_request == request && !cpu->parked)
			arch_cpu_kick(cpu);
	}
	start = arch_counter_us();
	for (id = 0; id < hypervisor_header.max_cpus; id++) {
		cpu = per_cpu(id);
		if (cpu->pause_request != request)
			continue;
		while (!cpu_is_paused(cpu, request)) {
			if (arch_counter_us() - start > PAUSE_TIMEOUT_US) {
				root_resume();
				printk("ERROR: CPU %u of the root cell did not "
				       "pause in the hypervisor within %u ms: "
				       "its memory is left as it was\n", id,
				       PAUSE_TIMEOUT_US / 1000);
				return -EBUSY;
			}
			cpu_relax();
		}
	}
	return 0;
}

/*
 * A fault of the hypervisor itself on @cpu: it stops for good where it
 * is.  Marked parked, held and failed first (before anything that could
 * take a lock it may hold, such as printk), so that stopping its cell
 * and destroying it finish without it.
 */
void cpu_lost(struct per_cpu *cpu)
{
	spinlock_t *const *lock;
	struct per_cpu *none = NULL;

	cpu->lost = true;
	cpu->failed = true;
	cpu->held = true;
	cpu->parked = true;
	memory_barrier();
	/*
	 * The locks it holds are released, or every CPU that takes one next
	 * spins for ever (printk's among them: the caller prints next).
	 */
	for_each_spinlock(lock) {
		if ((*lock)->holder != cpu->cpu_id + 1)
			continue;
		if (__atomic_compare_exchange_n(&suspect_cpu, &none, cpu, false,
						__ATOMIC_SEQ_CST,
						__ATOMIC_SEQ_CST))
			suspect_lock = (*lock)->name;
		spin_unlock(*lock);
	}
	/* the root cell's CPUs it paused would wait for ever */
	if (pausing_cpu == cpu)
		root_resume();
	cpu_send_event();
}

/*
 * Cell management after a CPU was lost holding a lock: refused, said
 * every time (the root cell's CPUs and the other cells keep running).
 */
static bool management_refused(void)
{
	struct per_cpu *lost = suspect_cpu;

	if (!lost)
		return false;
	printk("ERROR: CPU %u was lost in the hypervisor while holding %s; "
	       "cell management is refused, reboot\n", lost->cpu_id,
	       suspect_lock ?: "a lock");
	return true;
}

/* PSCI SYSTEM_OFF/RESET from a cell: the cell ends, not the machine. */
void cell_end_itself(struct per_cpu *cpu, struct trap_frame *frame,
		     const char *how)
{
	struct cell *cell = cpu->cell;

	printk("Cell '%s' shut itself down (%s on CPU %u)\n",
	       cell->config->name, how, cpu->cpu_id);
	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	units_cell_gone(cell);
	cell_stop_cpus(cell, cpu);
	arch_cpu_wait(cpu, frame);
}

/*
 * The CPUs of @cell (which wait, off) now belong to @to; their counters
 * start again (abi-facts §3.3).  A new cell's CPUs stay held until it
 * starts; the root cell's are its Linux's to switch on.  A CPU_ON that
 * reached a held CPU is forgotten.
 */
static void move_cpus(const struct cell *cell, struct cell *to)
{
	struct per_cpu *cpu;
	unsigned int id;

	for_each_cell_cpu(id, cell) {
		cpu = per_cpu(id);
		cpu->cell = to;
		cpu->failed = false;
		cpu->power_on = false;
		memory_barrier();
		cpu->held = to != &root_cell;
		memset(cpu->stats, 0, sizeof(cpu->stats));
	}
}

/*
 * PSCI CPU_ON from @caller: @target must be a CPU of its cell, off and
 * not held by the root cell.  -EPERM: denied; -EBUSY: already on.
 */
long cell_cpu_on(struct per_cpu *caller, struct per_cpu *target, u64 entry,
		 u64 context)
{
	if (!target || target->cell != caller->cell || target->held ||
	    target->lost)
		return -EPERM;
	if (!target->parked || target->power_on)
		return -EBUSY;
	target->on_entry = entry;
	target->on_context = context;
	memory_barrier();
	target->power_on = true;
	memory_barrier();
	cpu_send_event();
	return 0;
}

/* ---- cell management, from the root cell ---- */

static struct cell *cell_by_id(unsigned long id, long *err)
{
	struct cell *cell;
	unsigned int n;

	*err = id ? -ENOENT : -EINVAL;
	if (!id)
		return NULL;
	for_each_cell(cell, n)
		if (cell->id == id)
			return cell;
	return NULL;
}

static bool any_cell_locked(void)
{
	struct cell *cell;
	unsigned int n;

	for_each_cell(cell, n)
		if (cell != &root_cell && read_cell_state(cell) ==
		    JAILHOUSE_CELL_RUNNING_LOCKED)
			return true;
	return false;
}

/* The shared checker, on @new among all cells there are. */
static int check_new_cell(const struct cell *new)
{
	struct config_checker chk = {
		.report = config_report_to_log,
		.priv = (void *)new->config->name,
	};
	struct config_file sys = {
		.name = "system configuration",
		.data = system_config,
		.size = jailhouse_system_config_size(system_config),
	};
	struct config_file files[MAX_CELLS];
	struct cell *cell;
	unsigned int n, count = 0;

	for_each_cell(cell, n) {
		if (cell == &root_cell)
			continue;
		files[count].name = cell->config->name;
		files[count].data = cell->config;
		files[count++].size = jailhouse_cell_config_size(cell->config);
	}
	files[count].name = new->config->name;
	files[count].data = new->config;
	files[count++].size = jailhouse_cell_config_size(new->config);
	return config_check(&chk, &sys, files, count) ? -EINVAL : 0;
}

/* Copy and check the configuration at @ipa in the root cell. */
static int read_cell_config(struct cell *cell, u64 ipa)
{
	struct jailhouse_cell_desc desc;
	u64 size;
	int err;

	err = copy_from_root(&desc, ipa, sizeof(desc));
	if (err) {
		printk("ERROR: cell configuration at 0x%llx: not in the root "
		       "cell's RAM\n", ipa);
		return err;
	}
	if (memcmp(desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE,
		   JAILHOUSE_SIGNATURE_SIZE) ||
	    desc.revision != JAILHOUSE_CONFIG_REVISION) {
		printk("ERROR: cell configuration: bad signature or "
		       "revision\n");
		return -EINVAL;
	}
	size = jailhouse_cell_config_size(&desc);
	if (size > MAX_CONFIG_PAGES * PAGE_SIZE) {
		printk("ERROR: cell '%.31s': configuration of %llu bytes, at "
		       "most %lu\n", desc.name, size,
		       MAX_CONFIG_PAGES * PAGE_SIZE);
		return -E2BIG;
	}
	cell->config_pages = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE;
	cell->config = pages_alloc(cell->config_pages);
	if (!cell->config) {
		printk("ERROR: out of hypervisor memory for cell '%.31s': "
		       "enlarge hypervisor_memory.size\n", desc.name);
		return -ENOMEM;
	}
	err = copy_from_root((void *)cell->config, ipa, size);
	if (!err &&
	    memcmp(&desc, cell->config, sizeof(desc)))
		err = -EINVAL;	/* changed under our feet */
	return err;
}

/* Names, ids and CPUs: what makes a cell impossible now. */
static int check_cell_fits(const struct cell *new)
{
	const struct jailhouse_cell_desc *desc = new->config;
	struct cell *cell;
	unsigned int n, cpu;

	if (!desc->id || desc->id > 255) {
		printk("ERROR: cell '%s': id %u, not 1-255\n", desc->name,
		       desc->id);
		return -EINVAL;
	}
	for_each_cell(cell, n) {
		if (cell->id == desc->id ||
		    !strncmp(cell->config->name, desc->name,
			     JAILHOUSE_CELL_NAME_MAXLEN)) {
			printk("ERROR: cell '%s': a cell with that %s exists\n",
			       desc->name, cell->id == desc->id ? "id" :
			       "name");
			return -EEXIST;
		}
	}
	for_each_cell_cpu(cpu, new) {
		if (per_cpu(cpu)->cell != &root_cell) {
			printk("ERROR: cell '%s': CPU %u is not the root "
			       "cell's\n", desc->name, cpu);
			return -EBUSY;
		}
		if (per_cpu(cpu)->lost) {
			printk("ERROR: cell '%s': CPU %u is lost in the "
			       "hypervisor (a fault at EL2)\n", desc->name,
			       cpu);
			return -EIO;
		}
		if (!per_cpu(cpu)->parked) {
			printk("ERROR: cell '%s': CPU %u still runs in the "
			       "root cell: take it offline first\n",
			       desc->name, cpu);
			return -EBUSY;
		}
	}
	return 0;
}

static void free_cell(struct cell *cell)
{
	/* what its budget held back, said before it goes */
	if (cell->config)
		log_budget_flush(cell);
	/* the units read the configuration; without it, they had nothing */
	if (cell->config)
		units_cell_exit(cell);
	/* after the cell left cells[]: the pages only it used */
	if (cell->config)
		cell_unmap_subpage_regions(cell);
	mmio_cell_exit(cell);
	paging_destroy(cell->s2_root);
	page_free(cell->comm_page);
	pages_free((void *)cell->config, cell->config_pages);
	page_free(cell);
}

static void print_pool_usage(const char *when)
{
	printk("Page pool usage after %s: %lu of %lu pages\n", when,
	       page_pool_used(), page_pool_pages());
}

static unsigned int free_slot(void)
{
	unsigned int n;

	for (n = 1; n < MAX_CELLS; n++)
		if (!cells[n])
			return n;
	return 0;
}

static int build_cell(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	unsigned int n;
	int err;

	cell->id = desc->id;
	for (n = 0; n < desc->cpu_set_size && n < sizeof(cell->cpu_set); n++)
		cell->cpu_set[n] = jailhouse_cell_cpu_set(desc)[n];
	err = check_cell_fits(cell);
	if (!err)
		err = check_new_cell(cell);
	if (err)
		return err;
	cell->comm_page = page_alloc();
	cell->s2_root = page_alloc();
	if (!cell->comm_page || !cell->s2_root)
		return -ENOMEM;
	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	err = mmio_cell_init(cell);
	if (!err)
		err = cell_map_regions(cell);
	if (!err)
		err = cell_map_subpage_regions(cell);
	if (!err)
		err = units_cell_init(cell);
	return err;
}

static long cell_create(u64 config_ipa)
{
	unsigned int slot = free_slot();
	struct cell *cell;
	int err;

	if (any_cell_locked())
		return -EPERM;
	if (!slot) {
		printk("ERROR: %u cells exist, the most there can be\n",
		       MAX_CELLS);
		return -ENOMEM;
	}
	cell = page_alloc();
	if (!cell) {
		printk("ERROR: out of hypervisor memory for a new cell: "
		       "enlarge hypervisor_memory.size\n");
		return -ENOMEM;
	}
	err = read_cell_config(cell, config_ipa);
	if (!err)
		err = build_cell(cell);
	if (!err)
		err = root_pause();
	if (!err) {
		err = cell_take_memory(cell);
		if (err)
			cell_return_memory(cell);
		arch_flush_cell_tlbs();
		root_resume();
	}
	if (err) {
		/* without a configuration copy, read_cell_config said why */
		if (err == -ENOMEM && cell->config)
			printk("ERROR: out of hypervisor memory for cell "
			       "'%s': enlarge hypervisor_memory.size\n",
			       cell->config->name);
		free_cell(cell);
		return err;
	}
	units_cell_commit(cell);
	move_cpus(cell, cell);
	cells[slot] = cell;
	cells_existing++;
	arch_flush_cell_tlbs();
	printk("Created cell \"%s\"\n", cell->config->name);
	print_pool_usage("cell creation");
	broadcast_reconfig();
	return 0;
}

/* Stop @cell's CPUs (after asking it) and lend its loadable memory. */
static long cell_set_loadable(struct cell *cell)
{
	int err = ask_shutdown(cell);

	if (err)
		return err;
	cell_stop_cpus(cell, NULL);
	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	units_cell_reset(cell);
	err = root_pause();
	if (err)
		return err;
	err = cell_lend_loadable(cell, true);
	arch_flush_cell_tlbs();
	root_resume();
	return err;
}

static void fill_comm_page(struct cell *cell)
{
	struct jailhouse_comm_region *comm = cell->comm_page;
	const struct jailhouse_cell_desc *desc = cell->config;

	memset(comm, 0, PAGE_SIZE);
	memcpy(comm->signature, COMM_REGION_MAGIC, sizeof(comm->signature));
	comm->revision = COMM_REGION_ABI_REVISION;
	comm->cell_state = JAILHOUSE_CELL_RUNNING;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(desc->flags))
		comm->flags |= COMM_REGION_DBG_PUTC_PERMITTED;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(desc->flags))
		comm->flags |= COMM_REGION_DBG_PUTC_ACTIVE;
	comm->console = desc->console;
	comm->pci_mmconfig_base =
		system_config->platform_info.pci_mmconfig_base;
	comm->gic_version = system_config->platform_info.arm.gic_version;
	comm->gicd_base = system_config->platform_info.arm.gicd_base;
	comm->gicc_base = system_config->platform_info.arm.gicc_base;
	comm->gicr_base = system_config->platform_info.arm.gicr_base;
	comm->vpci_irq_base = desc->vpci_irq_base;
	comm_page_sync(cell);
}

static long cell_start(struct cell *cell)
{
	struct per_cpu *first = cell_first_cpu(cell);
	unsigned int id;
	int err = ask_shutdown(cell);

	if (err)
		return err;
	cell_stop_cpus(cell, NULL);
	err = root_pause();
	if (err)
		return err;
	err = cell_lend_loadable(cell, false);
	arch_flush_cell_tlbs();
	root_resume();
	if (err)
		return err;
	fill_comm_page(cell);
	units_cell_reset(cell);
	if (!first)
		return -EINVAL;
	/* released, off: what a sibling asked while held is forgotten */
	for_each_cell_cpu(id, cell) {
		per_cpu(id)->failed = false;
		per_cpu(id)->power_on = false;
	}
	memory_barrier();
	for_each_cell_cpu(id, cell)
		per_cpu(id)->held = false;
	/* before the cell runs: it may share the UART */
	printk("Started cell \"%s\"\n", cell->config->name);
	/* the others wait for the first one's PSCI CPU_ON */
	first->on_entry = cell->config->cpu_reset_address;
	first->on_context = 0;
	memory_barrier();
	first->power_on = true;
	memory_barrier();
	cpu_send_event();
	return 0;
}

static long cell_destroy(struct cell *cell)
{
	unsigned int n;
	int err = ask_shutdown(cell);

	if (err)
		return err;
	cell_stop_cpus(cell, NULL);
	printk("Closing cell \"%s\"\n", cell->config->name);
	err = root_pause();
	if (err) {
		/* stopped, not destroyed: a later destroy need not ask */
		set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
		return err;
	}
	move_cpus(cell, &root_cell);
	cell_return_memory(cell);
	for (n = 0; n < MAX_CELLS; n++)
		if (cells[n] == cell)
			cells[n] = NULL;
	cells_existing--;
	arch_flush_cell_tlbs();
	root_resume();
	free_cell(cell);
	print_pool_usage("cell destruction");
	broadcast_reconfig();
	return 0;
}

static long cell_get_state(struct cell *cell)
{
	u32 state = read_cell_state(cell);

	return state <= JAILHOUSE_CELL_FAILED_COMM_REV ? (long)state : -EINVAL;
}

static long cell_management(unsigned long code, unsigned long arg)
{
	struct cell *cell;
	long err;

	if (code == JAILHOUSE_HC_CELL_CREATE)
		return cell_create(arg);
	cell = cell_by_id(arg, &err);
	if (!cell)
		return err;
	switch (code) {
	case JAILHOUSE_HC_CELL_START:
		return cell_start(cell);
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
		return cell_set_loadable(cell);
	case JAILHOUSE_HC_CELL_DESTROY:
		if (any_cell_locked() && read_cell_state(cell) !=
		    JAILHOUSE_CELL_RUNNING_LOCKED)
			return -EPERM;
		return cell_destroy(cell);
	default:
		return cell_get_state(cell);
	}
}

/*
 * Every root CPU calls DISABLE; each waits until all have, so that none
 * leaves while another still depends on the hypervisor.
 */
/* A CPU that stopped for good in the hypervisor itself, or none. */
static struct per_cpu *lost_cpu(void)
{
	unsigned int id;

	for (id = 0; id < hypervisor_header.max_cpus; id++)
		if (per_cpu(id)->lost)
			return per_cpu(id);
	return NULL;
}

static long disable(struct per_cpu *cpu)
{
	struct per_cpu *lost = lost_cpu();

	if (cpu->cell != &root_cell)
		return -EPERM;
	if (num_cells() > 1)
		return -EBUSY;
	if (lost) {
		/* it still runs hypervisor code: the memory must stay */
		printk("ERROR: CPU %u is lost in the hypervisor (a fault at "
		       "EL2): it cannot be disabled; reboot\n", lost->cpu_id);
		return -EIO;
	}
	if (__atomic_fetch_add(&cpus_disabling, 1, __ATOMIC_SEQ_CST) == 0)
		printk("Shutting down hypervisor\n");
	memory_barrier();
	cpu_send_event();
	while (__atomic_load_n(&cpus_disabling, __ATOMIC_ACQUIRE) <
	       hypervisor_header.online_cpus) {
		/* a cell may still be created meanwhile */
		cpu_pause_point(cpu);
		cpu_wait_event();
	}
	cpu->disabling = true;
	return 0;
}

/* Another root CPU's management may pause this one meanwhile. */
static void take_cell_lock(struct per_cpu *cpu)
{
	while (!spin_trylock(&cell_lock)) {
		cpu_pause_point(cpu);
		cpu_relax();
	}
}

long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	struct per_cpu *cpu = this_cpu();
	const struct jailhouse_cell_desc *desc = cpu->cell->config;
	long ret;

	switch (code) {
	case JAILHOUSE_HC_DISABLE:
		return disable(cpu);
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(cpu, arg1, arg2);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		if (!CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(desc->flags))
			return -EPERM;
		printk("%c", (char)arg1);
		return 0;
	case JAILHOUSE_HC_CELL_CREATE:
	case JAILHOUSE_HC_CELL_START:
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
	case JAILHOUSE_HC_CELL_DESTROY:
	case JAILHOUSE_HC_CELL_GET_STATE:
		if (cpu->cell != &root_cell)
			return -EPERM;
		take_cell_lock(cpu);
		/* reading a cell's state relies on nothing a lock guards */
		if (code != JAILHOUSE_HC_CELL_GET_STATE &&
		    management_refused())
			ret = -EIO;
		else
			ret = cell_management(code, arg1);
		spin_unlock(&cell_lock);
		return ret;
	default:
		return -ENOSYS;
	}
}
