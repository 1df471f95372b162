/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOL_H
#define _JAILHOUSE_TOOL_H

/* jailhouse config check SYSCONFIG [CELLCONFIG...] */
int config_check_command(int argc, char *argv[]);

#endif /* !_JAILHOUSE_TOOL_H */
