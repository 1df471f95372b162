// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling the hypervisor: every CPU that Linux has online enters here at
 * EL2 (arch/arm64/entry.S).  The first one sets up what is shared: page
 * pool, page tables, console, root cell; then every CPU sets up its own
 * part.  The CPUs meet twice; if anything failed anywhere, every CPU
 * gives EL2 back to Linux and returns the same error.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/config-check.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>

struct jailhouse_system *system_config;
unsigned long hypervisor_phys;

static volatile unsigned int cpus_entered;
static volatile unsigned int cpus_done;
static volatile bool master_done;
static volatile int init_error;


static void set_error(int err)
{
	__atomic_compare_exchange_n(&init_error, &(int){0}, err, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/*
 * Problems the configuration checker finds, into the log.  chk->priv
 * may name the one file to report on (a new cell among the existing).
 */
void config_report_to_log(struct config_checker *chk,
			  enum config_severity sev, const char *file,
			  const char *field, const char *value,
			  const char *text)
{
	if (chk->priv && strcmp(chk->priv, file))
		return;
	printk("%s: %s: %s: %s: %s%s\n",
	       sev == CONFIG_ERROR ? "ERROR" : "WARNING", file, field, value,
	       sev == CONFIG_WARNING ? "warning: " : "", text);
}

/* The hypervisor checks what it is given, whoever checked it before. */
static int check_system_config(void)
{
	struct config_checker chk = { .report = config_report_to_log };
	struct config_file file = {
		.name = "system configuration",
		.data = system_config,
		.size = jailhouse_system_config_size(system_config),
	};

	if (memcmp(system_config->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   JAILHOUSE_SIGNATURE_SIZE) ||
	    system_config->revision != JAILHOUSE_CONFIG_REVISION) {
		printk("ERROR: system configuration: bad signature or "
		       "revision\n");
		return -EINVAL;
	}
	if (file.size > system_config->hypervisor_memory.size)
		return -E2BIG;
	return config_check(&chk, &file, NULL, 0) ? -EINVAL : 0;
}

/*
 * EL2's own address space: the hypervisor memory and the UART.  Units map
 * their devices at init.
 */
static int build_hv_page_table(void)
{
	const struct jailhouse_console *con = &system_config->debug_console;
	u64 hv_size = system_config->hypervisor_memory.size;
	int err;

	hv_page_table = page_alloc();
	if (!hv_page_table)
		return -ENOMEM;
	err = paging_map(hv_page_table, hypervisor_phys, hypervisor_phys,
			 hv_size, 0);
	if (!err && con->type != JAILHOUSE_CON_TYPE_NONE && con->address)
		err = paging_map_device(con->address, con->size ? con->size : 0x1000);
	return err;
}

static int master_init(void)
{
	unsigned long pool;
	int err;

	hypervisor_phys = (unsigned long)&hypervisor_header;
	system_config = (struct jailhouse_system *)
		(hypervisor_phys + hypervisor_header.core_size +
		 hypervisor_header.max_cpus * PERCPU_SIZE);
	if (system_config->hypervisor_memory.phys_start != hypervisor_phys)
		return -EINVAL;

	pool = (unsigned long)system_config +
		jailhouse_system_config_size(system_config);
	err = page_pool_init(pool, hypervisor_phys +
			     system_config->hypervisor_memory.size);
	if (err)
		return err;
	err = build_hv_page_table();
	if (!err)
		err = arch_temp_mapping_init();
	if (err)
		return err;
	arch_switch_hv_page_table(hv_page_table);
	console_init();
	printk("\nInitializing Jailhouse hypervisor %s on CPU %u\n",
	       JAILHOUSE_VERSION, this_cpu()->cpu_id);

	err = check_system_config();
	if (err)
		return err;

	err = units_init();
	if (!err)
		err = root_cell_init();
	if (!err)
		printk("Page pool usage after root cell: %lu of %lu pages\n",
		       page_pool_used(), page_pool_pages());
	return err;
}

static void wait_for(volatile unsigned int *counter, unsigned int value)
{
	while (__atomic_load_n(counter, __ATOMIC_ACQUIRE) < value)
		cpu_wait_event();
}

int el2_init(unsigned int cpu_id, struct per_cpu *cpu)
{
	bool master = __atomic_fetch_add(&cpus_entered, 1,
					 __ATOMIC_SEQ_CST) == 0;
	int err;

	memset(cpu, 0, sizeof(*cpu));
	cpu->cpu_id = cpu_id;
	arch_cpu_identify(cpu);

	if (master) {
		err = master_init();
		if (err) {
			printk("Hypervisor set-up failed (%d)\n", err);
			set_error(err);
		}
		__atomic_store_n(&master_done, true, __ATOMIC_RELEASE);
		memory_barrier();
		cpu_send_event();
	} else {
		while (!__atomic_load_n(&master_done, __ATOMIC_ACQUIRE))
			cpu_wait_event();
	}

	if (!init_error) {
		if (!master)
			arch_switch_hv_page_table(hv_page_table);
		err = arch_cpu_init(cpu);
		if (err) {
			printk("ERROR: CPU %u: set-up failed (%d)\n", cpu_id,
			       err);
			set_error(err);
		}
	}

	__atomic_fetch_add(&cpus_done, 1, __ATOMIC_SEQ_CST);
	memory_barrier();
	cpu_send_event();
	wait_for(&cpus_done, hypervisor_header.online_cpus);

	if (init_error) {
		arch_cpu_restore(cpu);
		return init_error;
	}
	if (master)
		printk("Activating hypervisor\n");
	return 0;
}
