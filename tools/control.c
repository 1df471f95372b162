// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse enable SYSCONFIG, jailhouse disable, jailhouse console [-f]:
 * the driver's ioctls and sysfs, with the reason for every refusal.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <jailhouse/ioctl.h>

#include "jailhouse.h"

#define JAILHOUSE_DEVICE	"/dev/jailhouse"
#define SYSFS_DIR		"/sys/devices/jailhouse"

static int open_device(void)
{
	int fd = open(JAILHOUSE_DEVICE, O_RDWR);

	if (fd < 0)
		fprintf(stderr, "jailhouse: cannot open %s: %s%s\n",
			JAILHOUSE_DEVICE, strerror(errno),
			errno == ENOENT ? "; load the driver first (modprobe "
			"jailhouse)" : "");
	return fd;
}

/* What the driver says went wrong, if it said anything. */
static void print_driver_reason(void)
{
	char reason[1024];
	FILE *f = fopen(SYSFS_DIR "/last_error", "r");
	size_t len;

	if (!f)
		return;
	len = fread(reason, 1, sizeof(reason) - 1, f);
	fclose(f);
	reason[len] = 0;
	if (len)
		fprintf(stderr, "%s%s", reason,
			reason[len - 1] == '\n' ? "" : "\n");
}

static int call_driver(unsigned long ioctl_nr, const char *name, void *arg)
{
	int fd = open_device(), err;

	if (fd < 0)
		return 1;
	err = ioctl(fd, ioctl_nr, arg);
	if (err) {
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		print_driver_reason();
	}
	close(fd);
	return err ? 1 : 0;
}

int enable_command(int argc, char *argv[])
{
	struct config_checker chk = { .report = print_problem };
	struct config_file file;
	unsigned int errors = 0;
	int ret;

	if (argc != 1) {
		fprintf(stderr, "Usage: jailhouse enable SYSCONFIG\n");
		return 1;
	}
	if (!load_config(argv[0], &file, &errors))
		return 1;
	/* refuse here what the driver would refuse, naming the file */
	if (config_check(&chk, &file, NULL, 0)) {
		fprintf(stderr, "jailhouse enable: %s has %u error%s, not "
			"enabled\n", argv[0], chk.errors,
			chk.errors == 1 ? "" : "s");
		free((void *)file.data);
		return 1;
	}
	ret = call_driver(JAILHOUSE_ENABLE, "JAILHOUSE_ENABLE",
			  (void *)file.data);
	free((void *)file.data);
	return ret;
}

int disable_command(int argc, char *argv[])
{
	(void)argv;
	if (argc != 0) {
		fprintf(stderr, "Usage: jailhouse disable\n");
		return 1;
	}
	return call_driver(JAILHOUSE_DISABLE, "JAILHOUSE_DISABLE", NULL);
}

static int follow_console(void)
{
	char buf[1024];
	ssize_t len;
	int fd = open_device();

	if (fd < 0)
		return 1;
	while ((len = read(fd, buf, sizeof(buf))) > 0)
		if (fwrite(buf, 1, len, stdout) != (size_t)len ||
		    fflush(stdout))
			break;
	if (len < 0)
		fprintf(stderr, "jailhouse console: %s\n", strerror(errno));
	close(fd);
	return len < 0 ? 1 : 0;
}

int console_command(int argc, char *argv[])
{
	char buf[4096];
	size_t len;
	FILE *f;

	if (argc == 1 && (!strcmp(argv[0], "-f") ||
			  !strcmp(argv[0], "--follow")))
		return follow_console();
	if (argc != 0) {
		fprintf(stderr, "Usage: jailhouse console [-f | --follow]\n");
		return 1;
	}
	f = fopen(SYSFS_DIR "/console", "r");
	if (!f) {
		fprintf(stderr, "jailhouse console: %s: %s\n",
			SYSFS_DIR "/console", strerror(errno));
		return 1;
	}
	while ((len = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, len, stdout);
	fclose(f);
	return 0;
}
