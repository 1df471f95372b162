// SPDX-License-Identifier: GPL-2.0
/*
 * All of the driver's sysfs: /sys/devices/jailhouse (state, pool usage,
 * the log, last_error, the hypervisor image) and a directory per cell,
 * cells/<id> with its CPUs, state and statistics.
 *
 * A cell's directory is its kobject: the last reference frees the cell.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include <jailhouse/hypercall-arm64.h>

#include "jailhouse.h"

static struct device *jailhouse_dev;
static struct kobject *cells_kobj;
static void *core_copy;
static size_t core_copy_size;

struct device *jailhouse_sysfs_dev(void)
{
	return jailhouse_dev;
}

/* Called under jailhouse_lock, which core_read takes. */
void jailhouse_sysfs_set_core(const void *image, size_t size)
{
	kfree(core_copy);
	core_copy = kmemdup(image, size, GFP_KERNEL);
	core_copy_size = core_copy ? size : 0;
}

/* ---- /sys/devices/jailhouse ---- */

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
	const char *text = jailhouse_last_error();

	return text[0] ? sysfs_emit(buf, "%s\n", text) : 0;
}
static DEVICE_ATTR_RO(last_error);

static ssize_t console_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	unsigned int tail, len = 0;

	mutex_lock(&jailhouse_lock);
	if (jailhouse_enabled)
		len = jailhouse_console_read(buf, &tail);
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

/* ---- cells/<id> ---- */

static const char *const stat_names[JAILHOUSE_NUM_CPU_STATS] = {
	"vmexits_total", "vmexits_mmio", "vmexits_management",
	"vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq",
	"vmexits_virt_sgi", "vmexits_psci", "vmexits_smccc",
};

static struct cell *kobj_cell(struct kobject *kobj)
{
	return container_of(kobj, struct cell, kobj);
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", kobj_cell(kobj)->name);
}

static const char *state_name(long state)
{
	switch (state) {
	case JAILHOUSE_CELL_RUNNING:
		return "running";
	case JAILHOUSE_CELL_RUNNING_LOCKED:
		return "running/locked";
	case JAILHOUSE_CELL_SHUT_DOWN:
		return "shut down";
	case JAILHOUSE_CELL_FAILED:
		return "failed";
	case JAILHOUSE_CELL_FAILED_COMM_REV:
		return "Comm ABI mismatch";
	default:
		return "invalid";
	}
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	long state = -EINVAL;

	mutex_lock(&jailhouse_lock);
	if (jailhouse_enabled)
		state = jailhouse_cell_state(kobj_cell(kobj)->id);
	mutex_unlock(&jailhouse_lock);
	return sysfs_emit(buf, "%s\n", state_name(state));
}

static bool is_list_attr(const struct kobj_attribute *attr)
{
	return !!strstr(attr->attr.name, "_list");
}

static ssize_t cpus_assigned_show(struct kobject *kobj,
				  struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, is_list_attr(attr) ? "%*pbl\n" : "%*pb\n",
			  cpumask_pr_args(&kobj_cell(kobj)->cpus));
}

static ssize_t cpus_failed_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	struct cell *cell = kobj_cell(kobj);
	struct cpumask failed;
	unsigned int cpu;

	cpumask_clear(&failed);
	mutex_lock(&jailhouse_lock);
	if (jailhouse_enabled)
		for_each_cpu(cpu, &cell->cpus)
			if (jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
						JAILHOUSE_CPU_INFO_STATE) ==
			    JAILHOUSE_CPU_FAILED)
				cpumask_set_cpu(cpu, &failed);
	mutex_unlock(&jailhouse_lock);
	return sysfs_emit(buf, is_list_attr(attr) ? "%*pbl\n" : "%*pb\n",
			  cpumask_pr_args(&failed));
}

static struct kobj_attribute cell_attrs[] = {
	__ATTR_RO(name),
	__ATTR_RO(state),
	__ATTR(cpus_assigned, 0444, cpus_assigned_show, NULL),
	__ATTR(cpus_assigned_list, 0444, cpus_assigned_show, NULL),
	__ATTR(cpus_failed, 0444, cpus_failed_show, NULL),
	__ATTR(cpus_failed_list, 0444, cpus_failed_show, NULL),
};

static struct attribute *cell_attr_list[ARRAY_SIZE(cell_attrs) + 1];

static const struct attribute_group cell_group = {
	.attrs = cell_attr_list,
};

static const struct attribute_group *cell_groups[] = { &cell_group, NULL };

static long cpu_stat(unsigned int cpu, unsigned int stat)
{
	return jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
				   JAILHOUSE_CPU_INFO_STAT_BASE + stat);
}

/*
 * Statistic @attr: in statistics/ the sum over the cell's CPUs, in
 * statistics/cpu<N>/ that CPU's value (negative ones shown as 0).
 */
static ssize_t stat_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	bool per_cpu = !strncmp(kobject_name(kobj), "cpu", 3);
	struct cell *cell = kobj_cell(per_cpu ? kobj->parent->parent :
				      kobj->parent);
	unsigned long sum = 0;
	unsigned int stat, cpu;
	long value;

	for (stat = 0; stat < JAILHOUSE_NUM_CPU_STATS; stat++)
		if (!strcmp(attr->attr.name, stat_names[stat]))
			break;
	mutex_lock(&jailhouse_lock);
	if (!jailhouse_enabled)
		goto out;
	if (per_cpu && !kstrtouint(kobject_name(kobj) + 3, 10, &cpu)) {
		value = cpu_stat(cpu, stat);
		sum = value > 0 ? value : 0;
		goto out;
	}
	for_each_cpu(cpu, &cell->cpus) {
		value = cpu_stat(cpu, stat);
		if (value > 0)
			sum += value;
	}
out:
	mutex_unlock(&jailhouse_lock);
	return sysfs_emit(buf, "%lu\n", sum);
}

static struct kobj_attribute stat_attrs[JAILHOUSE_NUM_CPU_STATS];
static struct attribute *stat_attr_list[JAILHOUSE_NUM_CPU_STATS + 1];

static const struct attribute_group stats_group = {
	.attrs = stat_attr_list,
};

static void init_attr_lists(void)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(cell_attrs); n++)
		cell_attr_list[n] = &cell_attrs[n].attr;
	for (n = 0; n < JAILHOUSE_NUM_CPU_STATS; n++) {
		stat_attrs[n] = (struct kobj_attribute)
			__ATTR(_, 0444, stat_show, NULL);
		stat_attrs[n].attr.name = stat_names[n];
		stat_attr_list[n] = &stat_attrs[n].attr;
	}
}

/* The cell goes with its directory's last reference. */
static void cell_release(struct kobject *kobj)
{
	struct cell *cell = kobj_cell(kobj);

	kfree(cell->config);
	kfree(cell);
}

static struct kobj_type cell_type = {
	.release = cell_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = cell_groups,
};

/* The root cell's structure is static: its CPU set outlives sysfs. */
static void root_cell_release(struct kobject *kobj)
{
}

static struct kobj_type root_cell_type = {
	.release = root_cell_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = cell_groups,
};

static void remove_cpu_dirs(struct cell *cell)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		kobject_put(cell->cpu_kobjs[cpu]);
		cell->cpu_kobjs[cpu] = NULL;
	}
}

/* statistics/cpu<N> for the CPUs the cell has now. */
void jailhouse_sysfs_cell_cpus_changed(struct cell *cell)
{
	struct kobject *kobj;
	unsigned int cpu;
	char name[16];

	remove_cpu_dirs(cell);
	if (!cell->stats_kobj)
		return;
	for_each_cpu(cpu, &cell->cpus) {
		snprintf(name, sizeof(name), "cpu%u", cpu);
		kobj = kobject_create_and_add(name, cell->stats_kobj);
		if (kobj && sysfs_create_group(kobj, &stats_group)) {
			kobject_put(kobj);
			kobj = NULL;
		}
		cell->cpu_kobjs[cpu] = kobj;
	}
}

/*
 * cells/<id> for @cell.  If this fails, the cell must still be
 * unregistered: that frees it either way.
 */
int jailhouse_sysfs_cell_register(struct cell *cell)
{
	int err;

	err = kobject_init_and_add(&cell->kobj, cell->id ? &cell_type :
				   &root_cell_type, cells_kobj, "%u",
				   cell->id);
	if (err)
		return err;
	cell->stats_kobj = kobject_create_and_add("statistics", &cell->kobj);
	if (!cell->stats_kobj ||
	    sysfs_create_group(cell->stats_kobj, &stats_group))
		return -ENOMEM;
	jailhouse_sysfs_cell_cpus_changed(cell);
	kobject_uevent(&cell->kobj, KOBJ_ADD);
	return 0;
}

void jailhouse_sysfs_cell_unregister(struct cell *cell)
{
	remove_cpu_dirs(cell);
	kobject_put(cell->stats_kobj);
	kobject_put(&cell->kobj);
}

/* ---- set-up ---- */

int jailhouse_sysfs_init(void)
{
	int err;

	init_attr_lists();
	jailhouse_dev = root_device_register("jailhouse");
	if (IS_ERR(jailhouse_dev))
		return PTR_ERR(jailhouse_dev);
	err = sysfs_create_group(&jailhouse_dev->kobj, &jailhouse_group);
	if (err)
		goto unregister_dev;
	cells_kobj = kobject_create_and_add("cells", &jailhouse_dev->kobj);
	if (!cells_kobj) {
		err = -ENOMEM;
		goto remove_group;
	}
	return 0;

remove_group:
	sysfs_remove_group(&jailhouse_dev->kobj, &jailhouse_group);
unregister_dev:
	root_device_unregister(jailhouse_dev);
	return err;
}

void jailhouse_sysfs_exit(void)
{
	kobject_put(cells_kobj);
	sysfs_remove_group(&jailhouse_dev->kobj, &jailhouse_group);
	root_device_unregister(jailhouse_dev);
	kfree(core_copy);
}
