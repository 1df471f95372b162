/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOL_H
#define _JAILHOUSE_TOOL_H

#include <jailhouse/types.h>
#include <jailhouse/config-check.h>

/* jailhouse config check SYSCONFIG [CELLCONFIG...] */
int config_check_command(int argc, char *argv[]);

/* Read a configuration file, converted to revision 15 (config-check.c) */
bool load_config(const char *path, struct config_file *file,
		 unsigned int *errors);
void print_problem(struct config_checker *chk, enum config_severity sev,
		   const char *file, const char *field, const char *value,
		   const char *text);

/* jailhouse enable | disable | console (control.c) */
int enable_command(int argc, char *argv[]);
int disable_command(int argc, char *argv[]);
int console_command(int argc, char *argv[]);

#endif /* !_JAILHOUSE_TOOL_H */
