// SPDX-License-Identifier: GPL-2.0
/*
 * Cells: create, load, start, destroy.  Each is listed here and has a
 * directory /sys/devices/jailhouse/cells/<id> (sysfs.c).
 *
 * A new cell's CPUs are taken offline in Linux first (Linux's PSCI
 * CPU_OFF parks them in the hypervisor) and brought back online after
 * the cell is destroyed.  Images are copied into the cell's memory while
 * the hypervisor lends it to the root cell (CELL_SET_LOADABLE).
 */
#include <linux/cpu.h>
#include <linux/io.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/cacheflush.h>
#include <asm/cputype.h>

#include <jailhouse/hypercall-arm64.h>
#include <jailhouse/bitmap.h>

#include "jailhouse.h"

#define MAX_CELL_ID		255
#define LOAD_CHUNK		(1 << 20)

static LIST_HEAD(cells);
/* static: its CPU set is needed even if its sysfs directory failed */
static struct cell root_cell_store;
static struct cell *const root_cell = &root_cell_store;

const struct cpumask *jailhouse_root_cpus(void)
{
	return &root_cell->cpus;
}

/* ---- the list ---- */

/*
 * List @cell and make it visible in sysfs.  It is listed even if sysfs
 * fails: unregister_cell() frees it either way.
 */
static int register_cell(struct cell *cell)
{
	list_add_tail(&cell->entry, &cells);
	return jailhouse_sysfs_cell_register(cell);
}

static void unregister_cell(struct cell *cell)
{
	list_del(&cell->entry);
	jailhouse_sysfs_cell_unregister(cell);
}

int jailhouse_cells_register_root(const struct jailhouse_system *config)
{
	const struct jailhouse_cell_desc *desc = &config->root_cell;
	unsigned int cpu;

	memset(root_cell, 0, sizeof(*root_cell));
	for_each_bit8(cpu, jailhouse_cell_cpu_set(desc), desc->cpu_set_size * 8)
		if (cpu < nr_cpu_ids)
			cpumask_set_cpu(cpu, &root_cell->cpus);
	strscpy(root_cell->name, desc->name, sizeof(root_cell->name));
	return register_cell(root_cell);
}

void jailhouse_cells_unregister_root(void)
{
	unregister_cell(root_cell);
}

/* ---- finding a cell ---- */

static struct cell *find_cell_by_name(const char *name)
{
	struct cell *cell;

	list_for_each_entry(cell, &cells, entry)
		if (!strcmp(cell->name, name))
			return cell;
	return NULL;
}

/* The non-root cell @arg names, or an error with the reason set. */
static struct cell *get_cell(struct jailhouse_cell_id __user *arg)
{
	struct jailhouse_cell_id cell_id;
	struct cell *cell;

	if (copy_from_user(&cell_id, arg, sizeof(cell_id)))
		return ERR_PTR(-EFAULT);
	cell_id.name[JAILHOUSE_CELL_ID_NAMELEN] = 0;
	if (!jailhouse_enabled) {
		set_error("the hypervisor is not enabled");
		return ERR_PTR(-EINVAL);
	}
	if (cell_id.id == 0 || (cell_id.id == JAILHOUSE_CELL_ID_UNUSED &&
				!strcmp(cell_id.name, root_cell->name))) {
		set_error("'%s' is the root cell: it is not created, loaded, "
			  "started or destroyed", root_cell->name);
		return ERR_PTR(-EINVAL);
	}
	list_for_each_entry(cell, &cells, entry)
		if (cell->id == cell_id.id ||
		    (cell_id.id == JAILHOUSE_CELL_ID_UNUSED &&
		     !strcmp(cell->name, cell_id.name)))
			return cell;
	if (cell_id.id == JAILHOUSE_CELL_ID_UNUSED)
		set_error("no cell named '%s' (jailhouse cell list shows the "
			  "cells)", cell_id.name);
	else
		set_error("no cell with id %d (jailhouse cell list shows the "
			  "cells)", cell_id.id);
	return ERR_PTR(-ENOENT);
}

/* ---- create ---- */

static unsigned int free_cell_id(void)
{
	struct cell *cell;
	unsigned int id;
	bool used;

	for (id = 1; id <= MAX_CELL_ID; id++) {
		used = false;
		list_for_each_entry(cell, &cells, entry)
			used |= cell->id == id;
		if (!used)
			return id;
	}
	return 0;
}

/* The shared checker on the new cell among all there are. */
static int check_cell_config(struct cell *new)
{
	struct config_file *files;
	unsigned int count = 0;
	struct cell *cell;
	int err;

	files = kcalloc(MAX_CELL_ID + 1, sizeof(*files), GFP_KERNEL);
	if (!files)
		return -ENOMEM;
	list_for_each_entry(cell, &cells, entry) {
		if (!cell->config)
			continue;
		files[count].name = cell->name;
		files[count].data = cell->config;
		files[count++].size = cell->config_size;
	}
	files[count].name = new->name;
	files[count].data = new->config;
	files[count++].size = new->config_size;
	err = jailhouse_check_cell_configs(files, count);
	kfree(files);
	return err ? err : jailhouse_check_cell_memory(new->config);
}

/* Every CPU of the cell must be the root cell's now. */
static int check_cell_cpus(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	unsigned int cpu;

	for_each_bit8(cpu, jailhouse_cell_cpu_set(desc),
		      desc->cpu_set_size * 8) {
		if (cpu >= nr_cpu_ids || !cpu_possible(cpu)) {
			set_error("cell '%s': CPU %u does not exist (Linux has "
				  "%u)", cell->name, cpu, nr_cpu_ids);
			return -EINVAL;
		}
		if (!cpumask_test_cpu(cpu, &root_cell->cpus)) {
			set_error("cell '%s': CPU %u is not the root cell's: "
				  "another cell has it", cell->name, cpu);
			return -EBUSY;
		}
		cpumask_set_cpu(cpu, &cell->cpus);
	}
	if (cpumask_equal(&cell->cpus, &root_cell->cpus)) {
		set_error("cell '%s': it would take every CPU of the root "
			  "cell", cell->name);
		return -EBUSY;
	}
	return 0;
}

static void bring_cpus_back(struct cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_offlined) {
		err = add_cpu(cpu);
		if (err)
			pr_warn("jailhouse: CPU %u did not come back online "
				"(%d): echo 1 > /sys/devices/system/cpu/cpu%u/"
				"online\n", cpu, err, cpu);
	}
	cpumask_clear(&cell->cpus_offlined);
}

static int take_cpus_offline(struct cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus) {
		if (!cpu_online(cpu))
			continue;
		err = remove_cpu(cpu);
		if (err) {
			set_error("cell '%s': Linux cannot take CPU %u offline "
				  "(%d)", cell->name, cpu, err);
			return err;
		}
		cpumask_set_cpu(cpu, &cell->cpus_offlined);
	}
	return 0;
}

static struct cell *new_cell(struct jailhouse_cell_create __user *arg)
{
	struct jailhouse_cell_create create;
	struct cell *cell;
	void *config;
	size_t size;

	if (copy_from_user(&create, arg, sizeof(create)))
		return ERR_PTR(-EFAULT);
	config = get_config(u64_to_user_ptr(create.config_address),
			    create.config_size, true, &size);
	if (IS_ERR(config))
		return config;
	cell = kzalloc(sizeof(*cell), GFP_KERNEL);
	if (!cell) {
		kfree(config);
		return ERR_PTR(-ENOMEM);
	}
	cell->config = config;
	cell->config_size = size;
	strscpy(cell->name, cell->config->name, sizeof(cell->name));
	return cell;
}

int jailhouse_cmd_cell_create(struct jailhouse_cell_create __user *arg)
{
	struct cell *cell, *other;
	int err;

	if (!jailhouse_enabled) {
		set_error("the hypervisor is not enabled: jailhouse enable "
			  "SYSCONFIG first");
		return -EINVAL;
	}
	cell = new_cell(arg);
	if (IS_ERR(cell))
		return PTR_ERR(cell);
	other = find_cell_by_name(cell->name);
	if (other) {
		set_error("a cell named '%s' exists already (id %u)",
			  cell->name, other->id);
		err = -EEXIST;
		goto out_free;
	}
	cell->id = free_cell_id();
	cell->config->id = cell->id;
	err = check_cell_config(cell);
	if (!err)
		err = check_cell_cpus(cell);
	if (err)
		goto out_free;

	err = take_cpus_offline(cell);
	if (err)
		goto out_cpus;
	mark_hypervisor_log();
	err = jailhouse_call_arg1(JAILHOUSE_HC_CELL_CREATE,
				  __pa(cell->config));
	if (err) {
		if (err == -ENOMEM)
			set_error("cell '%s': the hypervisor is out of memory: "
				  "enlarge hypervisor_memory.size", cell->name);
		else
			set_error("cell '%s': the hypervisor refused it (%d); "
				  "see jailhouse console", cell->name, err);
		take_hypervisor_error();
		goto out_cpus;
	}
	cpumask_andnot(&root_cell->cpus, &root_cell->cpus, &cell->cpus);
	jailhouse_sysfs_cell_cpus_changed(root_cell);
	err = register_cell(cell);
	if (err)
		pr_warn("jailhouse: no sysfs entries for cell '%s'\n",
			cell->config->name);
	pr_info("Created Jailhouse cell \"%s\"\n", cell->name);
	return 0;

out_cpus:
	bring_cpus_back(cell);
out_free:
	kfree(cell->config);
	kfree(cell);
	return err;
}

/* ---- load ---- */

/* Clean the loaded bytes to the point of coherency: the cell starts
 * with its caches off. */
static void clean_to_poc(void *start, size_t size)
{
	unsigned long line = 4 << ((read_cpuid_cachetype() >> 16) & 0xf);
	unsigned long addr = (unsigned long)start & ~(line - 1);

	for (; addr < (unsigned long)start + size; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	dsb(sy);
}

static const struct jailhouse_memory *
image_region(struct cell *cell, unsigned int n,
	     const struct jailhouse_preload_image *image)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	u64 target = image->target_address, end;
	unsigned int k;

	for (k = 0; k < desc->num_memory_regions; k++, mem++) {
		if (target < mem->virt_start ||
		    target - mem->virt_start >= mem->size)
			continue;
		end = mem->virt_start + mem->size;
		if (!(mem->flags & JAILHOUSE_MEM_LOADABLE) ||
		    !(mem->flags & JAILHOUSE_MEM_WRITE)) {
			set_error("cell '%s': image %u at 0x%llx: its memory "
				  "region (mem_regions[%u]) is not "
				  "JAILHOUSE_MEM_LOADABLE and writable",
				  cell->name, n, target, k);
			return NULL;
		}
		if (image->size > end - target) {
			set_error("cell '%s': image %u of %llu bytes does not "
				  "fit at 0x%llx: mem_regions[%u] ends at "
				  "0x%llx, %llu bytes short", cell->name, n,
				  image->size, target, k, end - 1,
				  image->size - (end - target));
			return NULL;
		}
		return mem;
	}
	set_error("cell '%s': image %u: 0x%llx is not in any memory region "
		  "of the cell", cell->name, n, target);
	return NULL;
}

static int load_image(struct cell *cell, unsigned int n,
		      const struct jailhouse_preload_image *image)
{
	const struct jailhouse_memory *mem = image_region(cell, n, image);
	const u8 __user *src = u64_to_user_ptr(image->source_address);
	u64 phys, done, chunk;
	void *dest;

	if (!mem)
		return -EINVAL;
	phys = mem->phys_start + (image->target_address - mem->virt_start);
	for (done = 0; done < image->size; done += chunk) {
		chunk = min_t(u64, image->size - done, LOAD_CHUNK);
		dest = memremap(phys + done, chunk, MEMREMAP_WB);
		if (!dest) {
			set_error("cell '%s': cannot map 0x%llx for loading",
				  cell->name, phys + done);
			return -EBUSY;
		}
		if (copy_from_user(dest, src + done, chunk)) {
			memunmap(dest);
			set_error("cell '%s': image %u: cannot read %llu bytes "
				  "at the given address", cell->name, n,
				  image->size);
			return -EFAULT;
		}
		clean_to_poc(dest, chunk);
		memunmap(dest);
	}
	return 0;
}

static int set_loadable(struct cell *cell)
{
	long err;

	mark_hypervisor_log();
	err = jailhouse_call_arg1(JAILHOUSE_HC_CELL_SET_LOADABLE, cell->id);
	if (err == -EPERM)
		set_error("cell '%s' denied the shutdown request",
			  cell->name);
	else if (err)
		set_error("cell '%s': the hypervisor refused to stop it (%ld)",
			  cell->name, err);
	return err;
}

int jailhouse_cmd_cell_load(struct jailhouse_cell_load __user *arg)
{
	struct jailhouse_preload_image image;
	struct jailhouse_cell_load load;
	struct cell *cell;
	unsigned int n;
	long state;
	int err;

	cell = get_cell(&arg->cell_id);
	if (IS_ERR(cell))
		return PTR_ERR(cell);
	if (copy_from_user(&load, arg, sizeof(load)))
		return -EFAULT;
	state = jailhouse_cell_state(cell->id);
	if (load.num_preload_images && (state == JAILHOUSE_CELL_RUNNING ||
	    state == JAILHOUSE_CELL_RUNNING_LOCKED)) {
		set_error("cell '%s' is running: shut it down first (jailhouse "
			  "cell shutdown %s)", cell->name, cell->name);
		return -EBUSY;
	}
	err = set_loadable(cell);
	for (n = 0; !err && n < load.num_preload_images; n++) {
		if (copy_from_user(&image, &arg->image[n], sizeof(image)))
			return -EFAULT;
		if (image.size)
			err = load_image(cell, n, &image);
	}
	return err;
}

/* ---- start, destroy ---- */

int jailhouse_cmd_cell_start(struct jailhouse_cell_id __user *arg)
{
	struct cell *cell = get_cell(arg);
	long err;

	if (IS_ERR(cell))
		return PTR_ERR(cell);
	mark_hypervisor_log();
	err = jailhouse_call_arg1(JAILHOUSE_HC_CELL_START, cell->id);
	if (err == -EPERM)
		set_error("cell '%s' denied the shutdown request",
			  cell->name);
	else if (err)
		set_error("cell '%s': the hypervisor refused to start it "
			  "(%ld)", cell->name, err);
	if (!err)
		pr_info("Started Jailhouse cell \"%s\"\n", cell->name);
	return err;
}

static int destroy_cell(struct cell *cell)
{
	long err;

	mark_hypervisor_log();
	err = jailhouse_call_arg1(JAILHOUSE_HC_CELL_DESTROY, cell->id);
	if (err) {
		if (err == -EPERM)
			set_error("cell '%s' denied the shutdown request (or "
				  "another cell is locked)", cell->name);
		else
			set_error("cell '%s': the hypervisor refused to destroy "
				  "it (%ld)", cell->name, err);
		return err;
	}
	cpumask_or(&root_cell->cpus, &root_cell->cpus, &cell->cpus);
	jailhouse_sysfs_cell_cpus_changed(root_cell);
	pr_info("Destroyed Jailhouse cell \"%s\"\n", cell->name);
	bring_cpus_back(cell);
	unregister_cell(cell);
	return 0;
}

int jailhouse_cmd_cell_destroy(struct jailhouse_cell_id __user *arg)
{
	struct cell *cell = get_cell(arg);

	if (IS_ERR(cell))
		return PTR_ERR(cell);
	return destroy_cell(cell);
}

int jailhouse_destroy_all_cells(void)
{
	struct cell *cell, *next;
	int err;

	list_for_each_entry_safe(cell, next, &cells, entry) {
		if (cell == root_cell)
			continue;
		err = destroy_cell(cell);
		if (err)
			return err;
	}
	return 0;
}
