// SPDX-License-Identifier: GPL-2.0
/*
 * The configurations the driver takes from user space: read, sized,
 * converted from revision 14, checked.  And what a system configuration
 * must agree with in the running Linux: its CPUs, its kernel options,
 * its RAM.  The checker and the converter are the shared library's
 * (common/), the same the hypervisor and the jailhouse tool are built
 * with.
 */
#include <linux/cpumask.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <jailhouse/bitmap.h>
#include <jailhouse/config-convert.h>

#include "jailhouse.h"

#define MAX_CONFIG_SIZE		(1 << 20)
#define KERNEL_HEADROOM		(16 << 20)

/* the first error becomes last_error, the others go to the kernel log */
struct check_report {
	bool first_taken;
};

static void report_problem(struct config_checker *chk,
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

/* The shared checker on the system configuration and @cells. */
static int run_checker(const struct config_file *sys,
		       const struct config_file *cells, unsigned int count)
{
	struct check_report rep = { 0 };
	struct config_checker chk = {
		.report = report_problem,
		.priv = &rep,
	};

	return config_check(&chk, sys, cells, count) ? -EINVAL : 0;
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

/* The checker, then what the kernel must have for this system. */
int jailhouse_check_system_config(struct jailhouse_system *config,
				  size_t size)
{
	struct config_file file = {
		.name = "system configuration",
		.data = config,
		.size = size,
	};
	int err = run_checker(&file, NULL, 0);

	return err ? err : check_kernel_options(config);
}

int jailhouse_check_cell_configs(const struct config_file *cells,
				 unsigned int count)
{
	struct config_file sys = {
		.name = "system configuration",
		.data = jailhouse_sysconfig,
		.size = jailhouse_sysconfig_size,
	};

	return run_checker(&sys, cells, count);
}

static bool root_has_cpu(const struct jailhouse_system *config,
			 unsigned int cpu)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;

	return cpu < root->cpu_set_size * 8 &&
		bitmap8_test(jailhouse_cell_cpu_set(root), cpu);
}

/* Highest root cell CPU + 1: how many per-CPU areas the hypervisor has. */
unsigned int jailhouse_root_max_cpus(const struct jailhouse_system *config)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	unsigned int cpu, max_cpus = 0;

	for_each_bit8(cpu, jailhouse_cell_cpu_set(root),
		      root->cpu_set_size * 8)
		max_cpus = cpu + 1;
	return max_cpus;
}

/* Every online CPU in the root cell, every root cell CPU online. */
int jailhouse_check_root_cpus(const struct jailhouse_system *config)
{
	unsigned int cpu, max_cpus = jailhouse_root_max_cpus(config);

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

/* A region the cell takes from the root cell, not one it shares. */
static bool taken_from_root(const struct jailhouse_memory *mem)
{
	return mem->size && !(mem->flags & (JAILHOUSE_MEM_COMM_REGION |
					    JAILHOUSE_MEM_ROOTSHARED |
					    JAILHOUSE_MEM_IO));
}

/*
 * The memory a new cell takes must be out of Linux's hands: cell load
 * would write into System RAM the kernel still uses.
 */
int jailhouse_check_cell_memory(const struct jailhouse_cell_desc *desc)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (!taken_from_root(mem) ||
		    region_intersects(mem->phys_start, mem->size,
				      IORESOURCE_SYSTEM_RAM,
				      IORES_DESC_NONE) == REGION_DISJOINT)
			continue;
		set_error("cell '%.*s': mem_regions[%u] 0x%llx-0x%llx is "
			  "System RAM of Linux: reserve it with a no-map "
			  "reserved-memory node in the device tree (patches/"
			  "linux, patch 3) or give the cell reserved memory; "
			  "see /proc/iomem", JAILHOUSE_CELL_NAME_MAXLEN,
			  desc->name, n, (unsigned long long)mem->phys_start,
			  (unsigned long long)(mem->phys_start + mem->size - 1));
		return -EINVAL;
	}
	return 0;
}

/* The reserved region must be out of Linux's hands. */
int jailhouse_check_hypervisor_memory(unsigned long phys,
				      unsigned long size)
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
