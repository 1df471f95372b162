// SPDX-License-Identifier: GPL-2.0
/*
 * Enable and disable: load the hypervisor into its reserved memory, hand
 * every CPU over to it, and give them back.
 */
#include <linux/cpu.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/virt.h>

#include <jailhouse/hypercall-arm64.h>

#include "jailhouse.h"

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

static struct vm_struct *hv_area;
static struct resource *hv_resource;
static jailhouse_entry hv_entry;
static unsigned long hv_phys, hv_size;
static atomic_t cpus_called;
static atomic_t call_error;

/* ---- the machine ---- */

/* At module exit: the symbols stay taken from the first enable on. */
void jailhouse_put_kernel_symbols(void)
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
	jailhouse_console_attach(NULL);
	if (hv_resource)
		release_mem_region(hv_phys, hv_size);
	hv_resource = NULL;
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

	err = request_firmware(&fw, JAILHOUSE_FIRMWARE,
			       jailhouse_sysfs_dev());
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
	unsigned int max_cpus = jailhouse_root_max_cpus(config);
	struct jailhouse_header *header;
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
	header = mem;
	header->max_cpus = max_cpus;
	header->online_cpus = num_online_cpus();
	header->arm_linux_hyp_vectors = __pa_symbol(ksym.hyp_stub_vectors);
	header->arm_linux_hyp_abi = HYP_STUB_ABI_OPCODE;
	/*
	 * Once the hypervisor runs, the root cell may only touch the log
	 * ring page of the image: the rest leaves its stage 2.
	 */
	jailhouse_console_attach(mem + image->console_page);
	hv_entry = (jailhouse_entry)(mem + image->entry);
	flush_icache_range((unsigned long)mem, (unsigned long)mem + fw->size);

	jailhouse_sysfs_set_core(fw->data, fw->size);
	return 0;
}

/* No half-enabled system: without its PCI host, the hypervisor goes. */
static int add_pci_host_or_disable(void)
{
	char reason[JAILHOUSE_ERROR_SIZE];
	int err = jailhouse_pci_add_host(jailhouse_sysconfig);

	if (!err)
		return 0;
	strscpy(reason, jailhouse_last_error(), sizeof(reason));
	jailhouse_disable();
	set_error("%s; the hypervisor was disabled again", reason);
	return err;
}

int jailhouse_enable(const void __user *arg)
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
	err = jailhouse_check_system_config(config, config_size);
	if (!err)
		err = jailhouse_pci_check_kernel(config);
	if (err)
		goto out_config;

	hv_phys = config->hypervisor_memory.phys_start;
	hv_size = config->hypervisor_memory.size;
	err = jailhouse_check_hypervisor_memory(hv_phys, hv_size);
	if (err)
		goto out_config;
	fw = get_firmware();
	if (IS_ERR(fw)) {
		err = PTR_ERR(fw);
		goto out_config;
	}

	cpus_read_lock();
	err = jailhouse_check_root_cpus(config);
	if (!err)
		err = load_hypervisor(fw, config, config_size);
	if (!err) {
		err = call_on_all_cpus(enter_hypervisor);
		if (err) {
			take_hypervisor_error();
			if (!jailhouse_last_error()[0])
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
		jailhouse_clear_error();
		pr_info("The Jailhouse is opening.\n");
		err = add_pci_host_or_disable();
	}
out_config:
	kfree(config);
	return err;
}

int jailhouse_disable(void)
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
	restore_boot_cpu_mode();
	jailhouse_enabled = false;
	jailhouse_cells_unregister_root();
	kfree(jailhouse_sysconfig);
	jailhouse_sysconfig = NULL;
	module_put(THIS_MODULE);
	jailhouse_clear_error();
	pr_info("The Jailhouse was closed.\n");
	return 0;
}
