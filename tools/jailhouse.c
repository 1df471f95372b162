// SPDX-License-Identifier: GPL-2.0
/*
 * The jailhouse management tool: command dispatch.
 *
 * The syntax follows upstream Jailhouse so that scripts written for it
 * work unchanged.  Commands arrive step by step (see README, status).
 */
#include <stdio.h>
#include <string.h>

#include "jailhouse.h"

void usage(FILE *out)
{
	fprintf(out,
		"Usage: jailhouse { COMMAND | --help | --version }\n"
		"\nAvailable commands:\n"
		"   enable SYSCONFIG\n"
		"   disable\n"
		"   console [-f | --follow]\n");
	cell_usage(out);
	fprintf(out, "   config create [-h] [--dtb DTB | --collected FILE.TAR] "
		"[--mem-hv ADDR,SIZE] [--mem-inmates ADDR,SIZE] ... FILE\n"
		"   config collect FILE.TAR\n"
		"   config check SYSCONFIG [CELLCONFIG...]\n"
		"   hardware check [SYSCONFIG [CELLCONFIG...]]\n");
}

static int config_command(int argc, char *argv[])
{
	if (argc >= 1 && !strcmp(argv[0], "check"))
		return config_check_command(argc - 1, argv + 1);
	if (argc >= 1 && !strcmp(argv[0], "collect"))
		return config_collect_command(argc - 1, argv + 1);
	if (argc >= 1 && !strcmp(argv[0], "create"))
		return config_create_command(argc, argv);
	fprintf(stderr, "jailhouse config: unknown sub-command '%s'\n",
		argc >= 1 ? argv[0] : "");
	usage(stderr);
	return 1;
}

static int hardware_command(int argc, char *argv[])
{
	if (argc >= 1 && !strcmp(argv[0], "check"))
		return hardware_check_command(argc - 1, argv + 1);
	fprintf(stderr, "jailhouse hardware: unknown sub-command '%s'\n",
		argc >= 1 ? argv[0] : "");
	usage(stderr);
	return 1;
}

int main(int argc, char *argv[])
{
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("Jailhouse management tool %s\n", JAILHOUSE_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "enable"))
		return enable_command(argc - 2, argv + 2);
	if (!strcmp(argv[1], "disable"))
		return disable_command(argc - 2, argv + 2);
	if (!strcmp(argv[1], "console"))
		return console_command(argc - 2, argv + 2);
	if (!strcmp(argv[1], "cell"))
		return cell_command(argc - 2, argv + 2);
	if (!strcmp(argv[1], "config"))
		return config_command(argc - 2, argv + 2);
	if (!strcmp(argv[1], "hardware"))
		return hardware_command(argc - 2, argv + 2);

	fprintf(stderr, "jailhouse: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 1;
}
