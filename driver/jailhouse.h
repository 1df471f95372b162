/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of jailhouse.ko share: the driver lock and state, the
 * refusal reporting, the configurations.
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/mutex.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>
#include <jailhouse/ioctl.h>

/* held by every ioctl and by sysfs readers that call the hypervisor */
extern struct mutex jailhouse_lock;
extern bool jailhouse_enabled;
/* the system configuration the hypervisor runs with, while enabled */
extern struct jailhouse_system *jailhouse_sysconfig;
extern size_t jailhouse_sysconfig_size;
extern struct kobject *jailhouse_cells_kobj;

void set_error(const char *fmt, ...) __printf(1, 2);
void mark_hypervisor_log(void);
void take_hypervisor_error(void);

/* the first error becomes last_error, the others go to the kernel log */
struct check_report {
	bool first_taken;
};
void report_problem(struct config_checker *chk, enum config_severity sev,
		    const char *file, const char *field, const char *value,
		    const char *text);

/*
 * A configuration from user space, as revision 15, in physically
 * contiguous memory (kfree it).  @user_size is 0 if unknown; @what names
 * it in messages ("system configuration", "cell configuration").
 */
void *get_config(const void __user *arg, size_t user_size, bool cell,
		 size_t *size_out);

/* pci.c */
int jailhouse_pci_check_kernel(const struct jailhouse_system *config);
int jailhouse_pci_add_host(const struct jailhouse_system *config);
void jailhouse_pci_remove_host(void);

/* cell.c */
int jailhouse_cells_register_root(const struct jailhouse_system *config);
void jailhouse_cells_unregister_root(void);
const struct cpumask *jailhouse_root_cpus(void);
int jailhouse_cmd_cell_create(struct jailhouse_cell_create __user *arg);
int jailhouse_cmd_cell_load(struct jailhouse_cell_load __user *arg);
int jailhouse_cmd_cell_start(struct jailhouse_cell_id __user *arg);
int jailhouse_cmd_cell_destroy(struct jailhouse_cell_id __user *arg);
int jailhouse_destroy_all_cells(void);

#endif /* !_JAILHOUSE_DRIVER_H */
