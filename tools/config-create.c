// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse config create ...
 *
 * The generator is a Python 3 + Mako program, jailhouse-config-create,
 * that runs on a host.  As upstream does with its helper scripts, the tool
 * runs it with the arguments from "create" on, looked up in the tool's own
 * directory, then LIBEXECDIR/jailhouse, then the source tree's tools/
 * (when this is build/host/jailhouse), then $PATH.  Where none is found,
 * as on a target without Python, it says what to do instead.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jailhouse.h"

#define HELPER		"jailhouse-config-create"

int config_create_command(int argc, char *argv[])
{
	const char *old = getenv("PATH");
	char dir[PATH_MAX] = ".";
	char *path;
	size_t len;

	(void)argc;
	program_dir(dir);
	len = 4 * strlen(dir) + strlen(LIBEXECDIR) + (old ? strlen(old) : 0) +
		64;
	path = malloc(len);
	if (!path) {
		fprintf(stderr, "jailhouse config create: out of memory\n");
		return 1;
	}
	snprintf(path, len, "%s:%s/jailhouse:%s/../../tools%s%s", dir,
		 LIBEXECDIR, dir, old ? ":" : "", old ? old : "");
	setenv("PATH", path, 1);
	free(path);
	execvp(HELPER, argv);
	if (errno == ENOENT) {
		fprintf(stderr, "jailhouse config create: " HELPER " not "
			"found (or no Python 3 to run it): the generator runs "
			"on a host with Python 3 and Mako (Debian: python3 "
			"python3-mako).\nHere, run \"jailhouse config collect "
			"FILE.tar\"; on the host, \"jailhouse config create "
			"--collected FILE.tar ROOT.c\".\n");
		return 1;
	}
	fprintf(stderr, "jailhouse config create: cannot run " HELPER ": "
		"%s\n", strerror(errno));
	return 1;
}
