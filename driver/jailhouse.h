/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of jailhouse.ko and what each offers the others, lowest
 * first.  A part calls only parts listed above it (tests/kernel checks
 * that):
 *
 *   hypervisor.c  the driver lock and state, last_error, the log ring
 *   config.c      configurations from user space and their checks (the
 *                 checker and converter: common/, built in by Kbuild)
 *   pci.c         the root cell's virtual PCI host
 *   sysfs.c       /sys/devices/jailhouse, the root's and the cells'
 *   cell.c        cells: create, load, start, destroy
 *   enable.c      enable and disable the hypervisor
 *   ioctl.c       /dev/jailhouse: the ioctls and the log stream
 *   main.c        module init and exit
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>
#include <jailhouse/header.h>
#include <jailhouse/ioctl.h>

/* ---- hypervisor.c ---- */

/* held by every ioctl and by sysfs readers that call the hypervisor */
extern struct mutex jailhouse_lock;
extern bool jailhouse_enabled;
/* the system configuration the hypervisor runs with, while enabled */
extern struct jailhouse_system *jailhouse_sysconfig;
extern size_t jailhouse_sysconfig_size;

#define JAILHOUSE_ERROR_SIZE	512

void set_error(const char *fmt, ...) __printf(1, 2);
const char *jailhouse_last_error(void);
void jailhouse_clear_error(void);

/* The log ring of the loaded hypervisor, NULL once it is unmapped. */
void jailhouse_console_attach(struct jailhouse_virt_console *ring);
unsigned int jailhouse_console_read(char *buf, unsigned int *tail_out);
void mark_hypervisor_log(void);
void take_hypervisor_error(void);

long jailhouse_cell_state(unsigned int id);

/* ---- config.c ---- */

/*
 * A configuration from user space, as revision 15, in physically
 * contiguous memory (kfree it).  @user_size is 0 if unknown; @cell says
 * which kind it must be.
 */
void *get_config(const void __user *arg, size_t user_size, bool cell,
		 size_t *size_out);
int jailhouse_check_system_config(struct jailhouse_system *config,
				  size_t size);
/* @cells (every cell's configuration) against the running system's */
int jailhouse_check_cell_configs(const struct config_file *cells,
				 unsigned int count);
unsigned int jailhouse_root_max_cpus(const struct jailhouse_system *config);
int jailhouse_check_root_cpus(const struct jailhouse_system *config);
int jailhouse_check_hypervisor_memory(unsigned long phys, unsigned long size);
int jailhouse_check_cell_memory(const struct jailhouse_cell_desc *desc);

/* ---- pci.c ---- */

int jailhouse_pci_check_kernel(const struct jailhouse_system *config);
int jailhouse_pci_add_host(const struct jailhouse_system *config);
void jailhouse_pci_remove_host(void);

/* ---- sysfs.c ---- */

struct cell;

int jailhouse_sysfs_init(void);
void jailhouse_sysfs_exit(void);
/* /sys/devices/jailhouse, for request_firmware */
struct device *jailhouse_sysfs_dev(void);
/* the image for the "core" attribute */
void jailhouse_sysfs_set_core(const void *image, size_t size);
/* cells/<id>; unregistering drops the last reference to a non-root cell */
int jailhouse_sysfs_cell_register(struct cell *cell);
void jailhouse_sysfs_cell_unregister(struct cell *cell);
/* statistics/cpu<N> after the cell's CPUs changed */
void jailhouse_sysfs_cell_cpus_changed(struct cell *cell);

/* ---- cell.c ---- */

struct cell {
	struct kobject kobj;
	struct kobject *stats_kobj;
	struct kobject *cpu_kobjs[NR_CPUS];	/* statistics/cpu<N> */
	struct list_head entry;
	unsigned int id;			/* 0: the root cell */
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	struct cpumask cpus;
	struct cpumask cpus_offlined;	/* to bring back online */
	struct jailhouse_cell_desc *config;	/* NULL for the root cell */
	size_t config_size;
};

int jailhouse_cells_register_root(const struct jailhouse_system *config);
void jailhouse_cells_unregister_root(void);
const struct cpumask *jailhouse_root_cpus(void);
int jailhouse_cmd_cell_create(struct jailhouse_cell_create __user *arg);
int jailhouse_cmd_cell_load(struct jailhouse_cell_load __user *arg);
int jailhouse_cmd_cell_start(struct jailhouse_cell_id __user *arg);
int jailhouse_cmd_cell_destroy(struct jailhouse_cell_id __user *arg);
int jailhouse_destroy_all_cells(void);

/* ---- enable.c ---- */

#define JAILHOUSE_FIRMWARE	"jailhouse.bin"

int jailhouse_enable(const void __user *arg);
int jailhouse_disable(void);
void jailhouse_put_kernel_symbols(void);

/* ---- ioctl.c ---- */

int jailhouse_ioctl_register(void);
void jailhouse_ioctl_unregister(void);

#endif /* !_JAILHOUSE_DRIVER_H */
