/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The configuration checker: one implementation, compiled into the
 * hypervisor, the jailhouse tool and the host tests.
 *
 * It checks a system configuration together with any number of cell
 * configurations (all revision 15, see config-convert.h) and reports every
 * problem it finds as
 *
 *	FILE: FIELD: VALUE: what is wrong; hint
 *
 * through the caller's report function.
 */
#ifndef _JAILHOUSE_CONFIG_CHECK_H
#define _JAILHOUSE_CONFIG_CHECK_H

#include <jailhouse/types.h>

enum config_severity {
	CONFIG_ERROR,
	CONFIG_WARNING,
};

struct config_file {
	const char *name;	/* how messages name it: a file or a cell */
	const void *data;
	u64 size;
};

struct config_checker {
	void (*report)(struct config_checker *chk, enum config_severity sev,
		       const char *file, const char *field, const char *value,
		       const char *text);
	void *priv;		/* the caller's */
	unsigned int errors;
	unsigned int warnings;
};

/*
 * Check @system (may be NULL: then only what the cells say on their own
 * is checked) and @cells.  Returns the number of errors found.
 */
unsigned int config_check(struct config_checker *chk,
			  const struct config_file *system,
			  const struct config_file *cells,
			  unsigned int num_cells);

/* the hypervisor's report function: into its log (hypervisor/setup.c) */
void config_report_to_log(struct config_checker *chk,
			  enum config_severity sev, const char *file,
			  const char *field, const char *value,
			  const char *text);

#endif /* !_JAILHOUSE_CONFIG_CHECK_H */
