/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOL_H
#define _JAILHOUSE_TOOL_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>

#include <jailhouse/types.h>
#include <jailhouse/config-check.h>

/* Longest sysfs path, and largest sysfs value shown (one page) */
#define SYSFS_PATH_MAX		4096
#define SYSFS_VALUE_MAX		4096

/* The list of commands (jailhouse.c) */
void usage(FILE *out);

/* jailhouse config check SYSCONFIG [CELLCONFIG...] */
int config_check_command(int argc, char *argv[]);

/* jailhouse hardware check [SYSCONFIG [CELLCONFIG...]] (hardware-check.c) */
int hardware_check_command(int argc, char *argv[]);

/* jailhouse config collect FILE.TAR (config-collect.c) */
int config_collect_command(int argc, char *argv[]);
/* jailhouse config create ...: runs jailhouse-config-create (config-create.c) */
int config_create_command(int argc, char *argv[]);

/* The running kernel's device tree (dt.c) */
struct live_dt {
	void *fdt;
	size_t size;
	char source[SYSFS_PATH_MAX + 16];	/* file read, for messages */
	bool flattened;				/* from /proc/device-tree */
};
/* @env's directory (or @def), then @file, in @path; false if too long */
bool env_path(char path[SYSFS_PATH_MAX], const char *env, const char *def,
	      const char *file);
/* $SYSFS/firmware/fdt, or $PROC/device-tree flattened; false: @why says */
bool read_live_dt(struct live_dt *dt, char *why, size_t why_len);
/* Neither the node nor a parent has a status other than "okay" / "ok" */
bool dt_enabled(const void *fdt, int node);
/*
 * Entry @index of the node's reg in the CPU's address space: 1, 0 if
 * there is no such entry, -1 if a bus on the way does not map it.
 */
int dt_reg(const void *fdt, int node, int index, u64 *addr, u64 *size);

/* All of a file, at most @max bytes; NULL and errno (EFBIG: larger) */
void *read_whole_file(const char *path, size_t max, size_t *size);
/* Read a configuration file, converted to revision 15 (config-check.c) */
bool load_config(const char *path, struct config_file *file,
		 unsigned int *errors);
/* The same, refused with the reason if it has errors on its own */
bool load_checked(const char *cmd, const char *path, bool system,
		  struct config_file *file);
void print_problem(struct config_checker *chk, enum config_severity sev,
		   const char *file, const char *field, const char *value,
		   const char *text);

/* jailhouse enable | disable | console (control.c) */
int enable_command(int argc, char *argv[]);
int disable_command(int argc, char *argv[]);
int console_command(int argc, char *argv[]);

/* The driver: ioctls and sysfs (control.c) */
int call_driver(unsigned long ioctl_nr, const char *name, void *arg);
void print_driver_reason(void);
bool sysfs_path(char path[SYSFS_PATH_MAX], const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool read_text(const char *path, char *buf, size_t size);
/* The directory this program runs from, without the last slash */
bool program_dir(char dir[PATH_MAX]);

/* jailhouse cell ... (cell.c) */
int cell_command(int argc, char *argv[]);
void cell_usage(FILE *out);
/* CELL_CREATE of a loaded configuration; 0 or 1 (the reason printed) */
int create_cell(const struct config_file *file);
/* Whether the driver's sysfs lists a cell named @name */
bool cell_exists(const char *name);

/* jailhouse cell linux ... (cell-linux.c) */
#define CELL_LINUX_ARGS	"[-h] [-d | --dtb DTB] [-i | --initrd FILE] " \
	"[-c | --cmdline \"CMDLINE\"] [-w | --write-params FILE] " \
	"[-a | --arch ARCH] [-k | --kernel-decomp-factor FACTOR] " \
	"CELLCONFIG KERNEL"
int cell_linux_command(int argc, char *argv[]);

#endif /* !_JAILHOUSE_TOOL_H */
