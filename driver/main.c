// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse.ko: loads the hypervisor into its reserved memory, hands every
 * CPU over to it, and gives them back.  /dev/jailhouse takes the upstream
 * ioctls; /sys/devices/jailhouse shows the state.
 *
 * Every refusal says why, in the kernel log and in
 * /sys/devices/jailhouse/last_error, which the jailhouse tool prints: no
 * rebuild with CONFIG_TRACE_ERROR to learn what "Invalid argument" meant.
 */
#include <linux/cpu.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/virt.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall-arm64.h>
#include <jailhouse/ioctl.h>
#include <jailhouse/bitmap.h>
#include <jailhouse/config-check.h>
#include <jailhouse/config-convert.h>

#include "jailhouse.h"

#define JAILHOUSE_FIRMWARE	"jailhouse.bin"
#define MAX_CONFIG_SIZE		(1 << 20)
#define KERNEL_HEADROOM		(16 << 20)

/*
 * Kernel symbols that only the patches in patches/linux export.  They are
 * looked up when needed, not linked, so that the module loads on any
 * kernel and can say which patch is missing.
 */
static struct {
	void *hyp_stub_vectors;
	u32 *boot_cpu_mode;
	struct vm_struct *(*get_vm_area_caller)(unsigned long size,
						unsigned long flags,
						unsigned long start,
						unsigned long end,
						const void *caller);
	int (*ioremap_page_range)(unsigned long addr, unsigned long end,
				  phys_addr_t phys_addr, pgprot_t prot);
} ksym;

static const struct {
	const char *name;
	unsigned int patch;
	size_t offset;
} needed_symbols[] = {
	{ "__hyp_stub_vectors", 1, offsetof(typeof(ksym), hyp_stub_vectors) },
	{ "ioremap_page_range", 2, offsetof(typeof(ksym), ioremap_page_range) },
	{ "__get_vm_area_caller", 2,
	  offsetof(typeof(ksym), get_vm_area_caller) },
	{ "__boot_cpu_mode", 4, offsetof(typeof(ksym), boot_cpu_mode) },
};

DEFINE_MUTEX(jailhouse_lock);
bool jailhouse_enabled;
struct jailhouse_system *jailhouse_sysconfig;
size_t jailhouse_sysconfig_size;
struct kobject *jailhouse_cells_kobj;
static struct device *jailhouse_dev;
static struct vm_struct *hv_area;
static struct resource *hv_resource;
/*
 * The mapped image.  Once the hypervisor runs, the root cell may only
 * touch its log ring page: the rest is unmapped from its stage 2.
 */
static struct jailhouse_header *hv_header;
static struct jailhouse_virt_console *hv_console;
static jailhouse_entry hv_entry;
static unsigned long hv_phys, hv_size;
static void *core_copy;				/* for sysfs "core" */
static size_t core_copy_size;
static atomic_t cpus_called;
static atomic_t call_error;
static char last_error[512];

void set_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	pr_err("jailhouse: %s\n", last_error);
}

/* ---- the configuration ---- */

void report_problem(struct config_checker *chk,
			   enum config_severity sev, const char *file,
			   const char *field, const char *value,
			   const char *text)
{
	struct check_report *rep = chk->priv;

	if (sev == CONFIG_WARNING) {
		pr_warn("jailhouse: %s: %s: %s: warning: %s\n", file, field,
			value, text);
		return;
	}
	if (!rep->first_taken) {
		rep->first_taken = true;
		set_error("%s: %s: %s: %s", file, field, value, text);
	} else {
		pr_err("jailhouse: %s: %s: %s: %s\n", file, field, value,
		       text);
	}
}

void *get_config(const void __user *arg, size_t user_size, bool cell,
		 size_t *size_out)
{
	const char *what = cell ? "cell configuration" :
		"system configuration";
	const char *sig = cell ? JAILHOUSE_CELL_DESC_SIGNATURE :
		JAILHOUSE_SYSTEM_SIGNATURE;
	u8 head[JAILHOUSE_CONFIG_HEAD_SIZE] = { 0 };
	size_t head_size = sizeof(head);
	const char *why = NULL;
	void *blob, *native_blob;
	u64 size, native;

	if (user_size && user_size < head_size)
		head_size = user_size;
	if (copy_from_user(head, arg, head_size)) {
		set_error("%s: cannot read %zu bytes at the given address",
			  what, head_size);
		return ERR_PTR(-EFAULT);
	}
	if (memcmp(head, sig, JAILHOUSE_SIGNATURE_SIZE)) {
		set_error("%s: signature: not \"%s\"; %s", what, sig, cell ?
			  "pass a cell's configuration (.cell) to cell create" :
			  "pass the root cell's system configuration (.cell) "
			  "to enable");
		return ERR_PTR(-EINVAL);
	}
	size = jailhouse_config_stated_size(head, head_size, &why);
	if (!size) {
		set_error("%s: %s", what, why);
		return ERR_PTR(-EINVAL);
	}
	if (size > MAX_CONFIG_SIZE || (user_size && size > user_size)) {
		set_error("%s: its counts describe %llu bytes, more than %zu: "
			  "corrupt counts", what, size,
			  user_size ? user_size : MAX_CONFIG_SIZE);
		return ERR_PTR(-E2BIG);
	}
	blob = kmalloc(size, GFP_KERNEL);
	if (!blob)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(blob, arg, size)) {
		kfree(blob);
		set_error("%s: cannot read the %llu bytes its counts describe",
			  what, size);
		return ERR_PTR(-EFAULT);
	}
	native = jailhouse_config_native_size(blob, size, &why);
	if (!native) {
		kfree(blob);
		set_error("%s: %s", what, why);
		return ERR_PTR(-EINVAL);
	}
	if (native != size || ((u8 *)blob)[6] != JAILHOUSE_CONFIG_REVISION) {
		native_blob = kmalloc(native, GFP_KERNEL);
		if (!native_blob ||
		    jailhouse_config_convert(blob, size, native_blob, native,
					     &why)) {
			kfree(blob);
			kfree(native_blob);
			set_error("%s: %s", what,
				  native_blob ? why : "out of memory");
			return ERR_PTR(-EINVAL);
		}
		pr_info("jailhouse: upstream revision-14 %s converted\n",
			what);
		kfree(blob);
		blob = native_blob;
		size = native;
	}
	*size_out = size;
	return blob;
}

static int check_system_config(struct jailhouse_system *config, size_t size)
{
	struct check_report rep = { 0 };
	struct config_checker chk = {
		.report = report_problem,
		.priv = &rep,
	};
	struct config_file file = {
		.name = "system configuration",
		.data = config,
		.size = size,
	};

	return config_check(&chk, &file, NULL, 0) ? -EINVAL : 0;
}

static bool root_has_cpu(const struct jailhouse_system *config,
			 unsigned int cpu)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;

	return cpu < root->cpu_set_size * 8 &&
		bitmap8_test(jailhouse_cell_cpu_set(root), cpu);
}

/* Highest root cell CPU + 1: how many per-CPU areas the hypervisor has. */
static unsigned int root_max_cpus(const struct jailhouse_system *config)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	unsigned int cpu, max_cpus = 0;

	for_each_bit8(cpu, jailhouse_cell_cpu_set(root),
		      root->cpu_set_size * 8)
		max_cpus = cpu + 1;
	return max_cpus;
}

/* Every online CPU in the root cell, every root cell CPU online. */
static int check_cpus(const struct jailhouse_system *config)
{
	unsigned int cpu, max_cpus = root_max_cpus(config);

	for_each_online_cpu(cpu)
		if (!root_has_cpu(config, cpu)) {
			set_error("CPU %u is online but not in the root cell's "
				  "CPU set: add it to .cpus, or take it "
				  "offline", cpu);
			return -EINVAL;
		}
	for (cpu = 0; cpu < max_cpus; cpu++)
		if (root_has_cpu(config, cpu) && !cpu_online(cpu)) {
			set_error("CPU %u of the root cell is not online: "
				  "bring it online (/sys/devices/system/cpu/"
				  "cpu%u/online) or remove it from .cpus", cpu,
				  cpu);
			return -EINVAL;
		}
	return 0;
}

/* ---- the machine ---- */

static void put_kernel_symbols(void)
{
	unsigned int n;
	void **slot;

	for (n = 0; n < ARRAY_SIZE(needed_symbols); n++) {
		slot = (void *)&ksym + needed_symbols[n].offset;
		if (*slot)
			__symbol_put(needed_symbols[n].name);
		*slot = NULL;
	}
}

static int get_kernel_symbols(void)
{
	unsigned int n;
	void **slot;

	for (n = 0; n < ARRAY_SIZE(needed_symbols); n++) {
		slot = (void *)&ksym + needed_symbols[n].offset;
		if (*slot)
			continue;
		*slot = __symbol_get(needed_symbols[n].name);
		if (!*slot) {
			set_error("the kernel does not export %s: apply kernel "
				  "patch %u of patches/linux/<version> and "
				  "rebuild it", needed_symbols[n].name,
				  needed_symbols[n].patch);
			return -ENOSYS;
		}
	}
	return 0;
}

/*
 * A CPU that Linux takes offline and online again while the hypervisor
 * runs restarts at EL1 (PSCI CPU_ON is emulated), and Linux records that
 * in __boot_cpu_mode.  The hyp stub is back on every CPU once the
 * hypervisor is disabled, so the record made at enable is put back.
 */
static u32 saved_boot_cpu_mode[2];

static void save_boot_cpu_mode(void)
{
	saved_boot_cpu_mode[0] = ksym.boot_cpu_mode[0];
	saved_boot_cpu_mode[1] = ksym.boot_cpu_mode[1];
}

static void restore_boot_cpu_mode(void)
{
	ksym.boot_cpu_mode[0] = saved_boot_cpu_mode[0];
	ksym.boot_cpu_mode[1] = saved_boot_cpu_mode[1];
}

static bool all_cpus_booted_at_el2(void)
{
	return ksym.boot_cpu_mode[0] == BOOT_CPU_MODE_EL2 &&
		ksym.boot_cpu_mode[1] == BOOT_CPU_MODE_EL2;
}

static int check_el2(void)
{
	int err;

	if (is_kernel_in_hyp_mode()) {
		set_error("Linux runs at EL2 with VHE, so EL2 is taken: apply "
			  "kernel patch 1 (patches/linux) or boot with "
			  "id_aa64mmfr1.vh=0");
		return -ENODEV;
	}
	err = get_kernel_symbols();
	if (err)
		return err;
	if (!all_cpus_booted_at_el2()) {
		set_error("no EL2 available: Linux was not started at EL2 on "
			  "every CPU (the boot loader or firmware enters at "
			  "EL1)");
		return -ENODEV;
	}
	return 0;
}

static int check_kernel_options(const struct jailhouse_system *config)
{
	if (config->root_cell.num_pci_devices &&
	    config->platform_info.pci_is_virtual &&
	    (!IS_ENABLED(CONFIG_OF_OVERLAY) ||
	     !IS_ENABLED(CONFIG_PCI_HOST_GENERIC))) {
		set_error("the root cell has virtual PCI devices, but the "
			  "kernel lacks CONFIG_OF_OVERLAY or "
			  "CONFIG_PCI_HOST_GENERIC: enable both");
		return -EINVAL;
	}
	if (!IS_ENABLED(CONFIG_HOTPLUG_CPU))
		pr_warn("jailhouse: kernel without CONFIG_HOTPLUG_CPU: no CPU "
			"can be given to a cell\n");
	return 0;
}

/* Where the kernel image is: the "Kernel code" and "Kernel data" resources. */
static void kernel_image(unsigned long *start, unsigned long *end)
{
	struct resource *ram, *res;

	*start = ULONG_MAX;
	*end = 0;
	for (ram = iomem_resource.child; ram; ram = ram->sibling)
		for (res = ram->child; res; res = res->sibling) {
			if (!res->name || strncmp(res->name, "Kernel ", 7))
				continue;
			*start = min_t(unsigned long, *start, res->start);
			*end = max_t(unsigned long, *end, res->end + 1);
		}
}

/* The reserved region must be out of Linux's hands. */
static int check_hypervisor_memory(unsigned long phys, unsigned long size)
{
	unsigned long kstart, kend;

	kernel_image(&kstart, &kend);
	if (phys < kend && kstart < phys + size) {
		set_error("hypervisor memory 0x%lx+%luM overlaps the kernel "
			  "image 0x%lx-0x%lx: move it (and its reserved-memory "
			  "node) away; see /proc/iomem", phys, size >> 20,
			  kstart, kend - 1);
		return -EINVAL;
	}
	if (region_intersects(phys, size, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT) {
		set_error("hypervisor memory 0x%lx+%luM is System RAM: reserve "
			  "it with a no-map reserved-memory node in the device "
			  "tree (patches/linux, patch 3); see /proc/iomem",
			  phys, size >> 20);
		return -EINVAL;
	}
	if (kend && phys >= kend && phys - kend < KERNEL_HEADROOM)
		pr_warn("jailhouse: hypervisor memory 0x%lx starts %luM after "
			"the kernel image: a larger kernel will overlap it\n",
			phys, (phys - kend) >> 20);
	return 0;
}

/*
 * Is the mapping at @addr executable at EL1 (no PXN)?  The kernel's page
 * tables are found through TTBR1_EL1: init_mm is not exported.
 */
static bool mapping_executable(unsigned long addr)
{
	pgd_t *root = phys_to_virt(read_sysreg(ttbr1_el1) & GENMASK(47, 1));
	pgd_t *pgd = pgd_offset_pgd(root, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	if (p4d_none(*p4d))
		return false;
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud))
		return false;
	if (pud_sect(*pud))
		return !(pud_val(*pud) & PMD_SECT_PXN);	/* same bit */
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd))
		return false;
	if (pmd_sect(*pmd))
		return !(pmd_val(*pmd) & PMD_SECT_PXN);
	pte = pte_offset_kernel(pmd, addr);
	return pte_valid(*pte) && !(pte_val(*pte) & PTE_PXN);
}

static void *map_hypervisor_memory(unsigned long phys, unsigned long size)
{
	unsigned long addr;

	hv_resource = request_mem_region(phys, size, "Jailhouse hypervisor");
	if (!hv_resource) {
		set_error("hypervisor memory 0x%lx+%luM is in use by another "
			  "driver; see /proc/iomem", phys, size >> 20);
		return ERR_PTR(-EBUSY);
	}
	hv_area = ksym.get_vm_area_caller(size, VM_IOREMAP, VMALLOC_START,
					  VMALLOC_END,
					  __builtin_return_address(0));
	if (!hv_area)
		goto nomem;
	addr = (unsigned long)hv_area->addr;
	if (ksym.ioremap_page_range(addr, addr + size, phys,
				    PAGE_KERNEL_EXEC))
		goto nomem;
	if (!mapping_executable(addr)) {
		set_error("the kernel maps the hypervisor memory "
			  "non-executable: kernel patch 2 (mm/vmalloc: drop "
			  "the forced pgprot_nx) is missing");
		free_vm_area(hv_area);
		hv_area = NULL;
		release_mem_region(phys, size);
		return ERR_PTR(-EINVAL);
	}
	return hv_area->addr;

nomem:
	if (hv_area)
		free_vm_area(hv_area);
	hv_area = NULL;
	release_mem_region(phys, size);
	set_error("cannot map the hypervisor memory: out of virtual memory");
	return ERR_PTR(-ENOMEM);
}

static void unmap_hypervisor_memory(void)
{
	if (hv_area)
		free_vm_area(hv_area);
	hv_area = NULL;
	hv_header = NULL;
	hv_console = NULL;
	if (hv_resource)
		release_mem_region(hv_phys, hv_size);
	hv_resource = NULL;
}

/* Copy the ring while the hypervisor is not writing it. */
static unsigned int read_ring(char *buf, unsigned int *tail_out)
{
	const struct jailhouse_virt_console *ring = hv_console;
	unsigned int tail, len, n;

	do {
		while (READ_ONCE(ring->busy))
			cpu_relax();
		tail = READ_ONCE(ring->tail);
		smp_rmb();
		len = min_t(unsigned int, tail, JAILHOUSE_CONSOLE_RING_SIZE);
		for (n = 0; n < len; n++)
			buf[n] = ring->content[(tail - len + n) %
					       JAILHOUSE_CONSOLE_RING_SIZE];
		smp_rmb();
	} while (READ_ONCE(ring->busy) || READ_ONCE(ring->tail) != tail);
	*tail_out = tail;
	return len;
}

static unsigned int log_mark;

/* Remember where the log is now: errors after it are the next call's. */
void mark_hypervisor_log(void)
{
	static char log[JAILHOUSE_CONSOLE_RING_SIZE];

	if (hv_console)
		read_ring(log, &log_mark);
}

/*
 * The last line the hypervisor logged with ERROR: since the mark (or
 * ever, before the first mark), for last_error.
 */
void take_hypervisor_error(void)
{
	static char log[JAILHOUSE_CONSOLE_RING_SIZE + 1];
	unsigned int tail, len;
	char *line, *text, *found = NULL;

	if (!hv_console)
		return;
	len = read_ring(log, &tail);
	log[len] = 0;
	text = log;
	if (log_mark && tail - log_mark <= len)
		text = log + len - (tail - log_mark);
	for (line = strstr(text, "ERROR: "); line;
	     line = strstr(line + 1, "ERROR: "))
		found = line;
	if (!found)
		return;
	found += strlen("ERROR: ");
	len = strcspn(found, "\n");
	set_error("hypervisor: %.*s", (int)min_t(unsigned int, len, 400),
		  found);
}

/* ---- entering and leaving ---- */

static void enter_hypervisor(void *unused)
{
	int err = hv_entry(smp_processor_id());

	if (err)
		atomic_set(&call_error, err);
	atomic_inc(&cpus_called);
}

static void leave_hypervisor(void *unused)
{
	long err = jailhouse_call(JAILHOUSE_HC_DISABLE);

	if (err)
		atomic_set(&call_error, err);
	atomic_inc(&cpus_called);
}

/* Run @func on every online CPU at the same time and wait for all. */
static int call_on_all_cpus(smp_call_func_t func)
{
	atomic_set(&cpus_called, 0);
	atomic_set(&call_error, 0);
	preempt_disable();
	on_each_cpu(func, NULL, 0);
	while (atomic_read(&cpus_called) < num_online_cpus())
		cpu_relax();
	preempt_enable();
	return atomic_read(&call_error);
}

static const struct firmware *get_firmware(void)
{
	const struct firmware *fw;
	int err;

	err = request_firmware(&fw, JAILHOUSE_FIRMWARE, jailhouse_dev);
	if (err) {
		set_error("firmware %s not found (%d): install it as "
			  "/lib/firmware/%s, the firmware search path, or "
			  "point firmware_class.path= at its directory",
			  JAILHOUSE_FIRMWARE, err, JAILHOUSE_FIRMWARE);
		return ERR_PTR(err);
	}
	if (fw->size < sizeof(struct jailhouse_header) ||
	    memcmp(((const struct jailhouse_header *)fw->data)->signature,
		   JAILHOUSE_SIGNATURE, 8)) {
		set_error("firmware %s is not a Jailhouse hypervisor (no "
			  "\"JAILHOUS\" signature)", JAILHOUSE_FIRMWARE);
		release_firmware(fw);
		return ERR_PTR(-EINVAL);
	}
	return fw;
}

static int load_hypervisor(const struct firmware *fw,
			   const struct jailhouse_system *config,
			   size_t config_size)
{
	const struct jailhouse_header *image = (const void *)fw->data;
	unsigned int max_cpus = root_max_cpus(config);
	unsigned long config_offset;
	void *mem;

	config_offset = image->core_size + max_cpus * image->percpu_size;
	if (fw->size > image->core_size ||
	    config_offset + config_size + PAGE_SIZE * 16 > hv_size) {
		set_error("hypervisor memory of %luK too small for the "
			  "hypervisor (%lluK), %u per-CPU areas and the "
			  "configuration: enlarge hypervisor_memory.size",
			  hv_size >> 10, image->core_size >> 10, max_cpus);
		return -EINVAL;
	}
	mem = map_hypervisor_memory(hv_phys, hv_size);
	if (IS_ERR(mem))
		return PTR_ERR(mem);

	memcpy(mem, fw->data, fw->size);
	memset(mem + fw->size, 0, hv_size - fw->size);
	memcpy(mem + config_offset, config, config_size);
	hv_header = mem;
	hv_header->max_cpus = max_cpus;
	hv_header->online_cpus = num_online_cpus();
	hv_header->arm_linux_hyp_vectors = __pa_symbol(ksym.hyp_stub_vectors);
	hv_header->arm_linux_hyp_abi = HYP_STUB_ABI_OPCODE;
	hv_console = mem + image->console_page;
	hv_entry = (jailhouse_entry)(mem + image->entry);
	flush_icache_range((unsigned long)mem, (unsigned long)mem + fw->size);

	kfree(core_copy);
	core_copy = kmemdup(fw->data, fw->size, GFP_KERNEL);
	core_copy_size = core_copy ? fw->size : 0;
	return 0;
}

static int jailhouse_disable(void);

/* No half-enabled system: without its PCI host, the hypervisor goes. */
static int add_pci_host_or_disable(void)
{
	char reason[sizeof(last_error)];
	int err = jailhouse_pci_add_host(jailhouse_sysconfig);

	if (!err)
		return 0;
	strscpy(reason, last_error, sizeof(reason));
	jailhouse_disable();
	set_error("%s; the hypervisor was disabled again", reason);
	return err;
}

static int jailhouse_enable(const void __user *arg)
{
	struct jailhouse_system *config;
	const struct firmware *fw;
	size_t config_size;
	int err;

	if (jailhouse_enabled) {
		set_error("the hypervisor is already enabled: disable it first");
		return -EBUSY;
	}
	err = check_el2();
	if (err)
		return err;
	config = get_config(arg, 0, false, &config_size);
	if (IS_ERR(config))
		return PTR_ERR(config);
	err = check_system_config(config, config_size);
	if (!err)
		err = check_kernel_options(config);
	if (!err)
		err = jailhouse_pci_check_kernel(config);
	if (err)
		goto out_config;

	hv_phys = config->hypervisor_memory.phys_start;
	hv_size = config->hypervisor_memory.size;
	err = check_hypervisor_memory(hv_phys, hv_size);
	if (err)
		goto out_config;
	fw = get_firmware();
	if (IS_ERR(fw)) {
		err = PTR_ERR(fw);
		goto out_config;
	}

	cpus_read_lock();
	err = check_cpus(config);
	if (!err)
		err = load_hypervisor(fw, config, config_size);
	if (!err) {
		err = call_on_all_cpus(enter_hypervisor);
		if (err) {
			take_hypervisor_error();
			if (!last_error[0])
				set_error("the hypervisor refused to start "
					  "(%d); see jailhouse console", err);
			unmap_hypervisor_memory();
		}
	}
	cpus_read_unlock();
	release_firmware(fw);
	if (!err && jailhouse_cells_register_root(config))
		pr_warn("jailhouse: no sysfs entries for the root cell\n");
	if (!err) {
		save_boot_cpu_mode();
		/* unloading now would free the memory EL2 runs from */
		__module_get(THIS_MODULE);
		jailhouse_enabled = true;
		/* cells are checked against it */
		jailhouse_sysconfig = config;
		jailhouse_sysconfig_size = config_size;
		config = NULL;
		last_error[0] = 0;
		pr_info("The Jailhouse is opening.\n");
		err = add_pci_host_or_disable();
	}
out_config:
	kfree(config);
	return err;
}

static int jailhouse_disable(void)
{
	unsigned int cpu;
	int err;

	if (!jailhouse_enabled) {
		set_error("the hypervisor is not enabled");
		return -EINVAL;
	}
	/* upstream's disable takes the cells down first */
	err = jailhouse_destroy_all_cells();
	if (err)
		return err;
	jailhouse_pci_remove_host();
	cpus_read_lock();
	/* every root CPU must take part in the disable rendezvous */
	for_each_cpu(cpu, jailhouse_root_cpus())
		if (!cpu_online(cpu)) {
			cpus_read_unlock();
			set_error("CPU %u of the root cell is offline: bring it "
				  "online (/sys/devices/system/cpu/cpu%u/online) "
				  "before disabling", cpu, cpu);
			return -EBUSY;
		}
	err = call_on_all_cpus(leave_hypervisor);
	cpus_read_unlock();
	if (err) {
		set_error("the hypervisor refused to disable (%d)", err);
		return err;
	}
	unmap_hypervisor_memory();
	log_mark = 0;
	restore_boot_cpu_mode();
	jailhouse_enabled = false;
	jailhouse_cells_unregister_root();
	kfree(jailhouse_sysconfig);
	jailhouse_sysconfig = NULL;
	module_put(THIS_MODULE);
	last_error[0] = 0;
	pr_info("The Jailhouse was closed.\n");
	return 0;
}

static long jailhouse_ioctl(struct file *file, unsigned int ioctl,
			    unsigned long arg)
{
	long err;

	if (mutex_lock_interruptible(&jailhouse_lock))
		return -EINTR;
	switch (ioctl) {
	case JAILHOUSE_ENABLE:
		last_error[0] = 0;
		err = jailhouse_enable((const void __user *)arg);
		break;
	case JAILHOUSE_DISABLE:
		last_error[0] = 0;
		err = jailhouse_disable();
		break;
	case JAILHOUSE_CELL_CREATE:
		last_error[0] = 0;
		err = jailhouse_cmd_cell_create((void __user *)arg);
		break;
	case JAILHOUSE_CELL_LOAD:
		last_error[0] = 0;
		err = jailhouse_cmd_cell_load((void __user *)arg);
		break;
	case JAILHOUSE_CELL_START:
		last_error[0] = 0;
		err = jailhouse_cmd_cell_start((void __user *)arg);
		break;
	case JAILHOUSE_CELL_DESTROY:
		last_error[0] = 0;
		err = jailhouse_cmd_cell_destroy((void __user *)arg);
		break;
	default:
		set_error("unknown ioctl 0x%x", ioctl);
		err = -EINVAL;
	}
	mutex_unlock(&jailhouse_lock);
	return err;
}

/* ---- the log ring ---- */

struct reader {
	unsigned int position;	/* ring tail already delivered */
};

static int jailhouse_open(struct inode *inode, struct file *file)
{
	struct reader *reader = kzalloc(sizeof(*reader), GFP_KERNEL);

	if (!reader)
		return -ENOMEM;
	file->private_data = reader;
	return 0;
}

static int jailhouse_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* Stream the log: what arrived since the last read, waiting for more. */
static ssize_t jailhouse_read(struct file *file, char __user *out,
			      size_t count, loff_t *ppos)
{
	static char buf[JAILHOUSE_CONSOLE_RING_SIZE];
	struct reader *reader = file->private_data;
	unsigned int tail, len, start, n;
	ssize_t ret;

	for (;;) {
		if (mutex_lock_interruptible(&jailhouse_lock))
			return -EINTR;
		if (!jailhouse_enabled) {
			mutex_unlock(&jailhouse_lock);
			return 0;
		}
		/* buf: the last len bytes of the log, ending at tail */
		len = read_ring(buf, &tail);
		start = reader->position;
		if (tail - start > len)
			start = tail - len;	/* older text was overwritten */
		if (tail != start) {
			n = min_t(size_t, tail - start, count);
			ret = copy_to_user(out, buf + len - (tail - start), n) ?
				-EFAULT : n;
			reader->position = start + n;
			mutex_unlock(&jailhouse_lock);
			return ret;
		}
		mutex_unlock(&jailhouse_lock);
		/*
		 * Caught up: a non-blocking reader has read the log to its
		 * end, as upstream's driver tells its "jailhouse console"
		 * (end of file, not EAGAIN).
		 */
		if (file->f_flags & O_NONBLOCK)
			return 0;
		if (msleep_interruptible(100))
			return -EINTR;
	}
}

static const struct file_operations jailhouse_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = jailhouse_ioctl,
	.compat_ioctl = jailhouse_ioctl,
	.open = jailhouse_open,
	.release = jailhouse_release,
	.read = jailhouse_read,
	.llseek = noop_llseek,
};

static struct miscdevice jailhouse_misc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "jailhouse",
	.fops = &jailhouse_fops,
};

/* ---- sysfs: /sys/devices/jailhouse ---- */

static ssize_t info_show(char *buf, unsigned long type)
{
	long value = 0;

	mutex_lock(&jailhouse_lock);
	if (jailhouse_enabled)
		value = jailhouse_call_arg1(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
					    type);
	mutex_unlock(&jailhouse_lock);
	return sysfs_emit(buf, "%ld\n", value);
}

#define INFO_ATTR(name, type)						\
static ssize_t name##_show(struct device *dev,				\
			   struct device_attribute *attr, char *buf)	\
{									\
	return info_show(buf, type);					\
}									\
static DEVICE_ATTR_RO(name)

INFO_ATTR(mem_pool_size, JAILHOUSE_INFO_MEM_POOL_SIZE);
INFO_ATTR(mem_pool_used, JAILHOUSE_INFO_MEM_POOL_USED);
INFO_ATTR(remap_pool_size, JAILHOUSE_INFO_REMAP_POOL_SIZE);
INFO_ATTR(remap_pool_used, JAILHOUSE_INFO_REMAP_POOL_USED);

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", jailhouse_enabled);
}
static DEVICE_ATTR_RO(enabled);

static ssize_t last_error_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return last_error[0] ? sysfs_emit(buf, "%s\n", last_error) : 0;
}
static DEVICE_ATTR_RO(last_error);

static ssize_t console_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	unsigned int tail, len = 0;

	mutex_lock(&jailhouse_lock);
	if (jailhouse_enabled)
		len = read_ring(buf, &tail);
	mutex_unlock(&jailhouse_lock);
	return len;
}
static DEVICE_ATTR_RO(console);

static ssize_t core_read(struct file *file, struct kobject *kobj,
			 struct bin_attribute *attr, char *buf, loff_t off,
			 size_t count)
{
	ssize_t ret = 0;

	mutex_lock(&jailhouse_lock);
	if (core_copy && off < core_copy_size) {
		ret = min_t(size_t, count, core_copy_size - off);
		memcpy(buf, core_copy + off, ret);
	}
	mutex_unlock(&jailhouse_lock);
	return ret;
}
static BIN_ATTR(core, 0400, core_read, NULL, 0);

static struct attribute *jailhouse_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_mem_pool_size.attr,
	&dev_attr_mem_pool_used.attr,
	&dev_attr_remap_pool_size.attr,
	&dev_attr_remap_pool_used.attr,
	&dev_attr_console.attr,
	&dev_attr_last_error.attr,
	NULL,
};

static struct bin_attribute *jailhouse_bin_attrs[] = {
	&bin_attr_core,
	NULL,
};

static const struct attribute_group jailhouse_group = {
	.attrs = jailhouse_attrs,
	.bin_attrs = jailhouse_bin_attrs,
};

static int __init jailhouse_init(void)
{
	int err;

	jailhouse_dev = root_device_register("jailhouse");
	if (IS_ERR(jailhouse_dev))
		return PTR_ERR(jailhouse_dev);
	err = sysfs_create_group(&jailhouse_dev->kobj, &jailhouse_group);
	if (err)
		goto unregister_dev;
	jailhouse_cells_kobj = kobject_create_and_add("cells", &jailhouse_dev->kobj);
	if (!jailhouse_cells_kobj) {
		err = -ENOMEM;
		goto remove_group;
	}
	err = misc_register(&jailhouse_misc_dev);
	if (err)
		goto remove_cells;
	pr_info("jailhouse: driver %s loaded\n", JAILHOUSE_VERSION);
	return 0;

remove_cells:
	kobject_put(jailhouse_cells_kobj);
remove_group:
	sysfs_remove_group(&jailhouse_dev->kobj, &jailhouse_group);
unregister_dev:
	root_device_unregister(jailhouse_dev);
	return err;
}

static void __exit jailhouse_exit(void)
{
	misc_deregister(&jailhouse_misc_dev);
	kobject_put(jailhouse_cells_kobj);
	sysfs_remove_group(&jailhouse_dev->kobj, &jailhouse_group);
	root_device_unregister(jailhouse_dev);
	kfree(core_copy);
	put_kernel_symbols();
}

module_init(jailhouse_init);
module_exit(jailhouse_exit);

MODULE_DESCRIPTION("Loader for the Jailhouse partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_VERSION(JAILHOUSE_VERSION);
MODULE_FIRMWARE(JAILHOUSE_FIRMWARE);
