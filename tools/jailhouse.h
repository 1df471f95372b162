/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOL_H
#define _JAILHOUSE_TOOL_H

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

/* jailhouse hardware check [SYSCONFIG] (hardware-check.c) */
int hardware_check_command(int argc, char *argv[]);

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
