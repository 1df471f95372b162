// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse enable SYSCONFIG, jailhouse disable, jailhouse console [-f]:
 * the driver's ioctls and sysfs, with the reason for every refusal, and
 * the helpers the cell commands (cell.c) share.
 *
 * JAILHOUSE_SYSFS moves the driver's sysfs directory, for the tests.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <jailhouse/ioctl.h>

#include "jailhouse.h"

#define JAILHOUSE_DEVICE	"/dev/jailhouse"
#define SYSFS_DIR		"/sys/devices/jailhouse"

/* <the driver's sysfs directory>/<fmt...> in @path; false if too long */
bool sysfs_path(char path[SYSFS_PATH_MAX], const char *fmt, ...)
{
	const char *dir = getenv("JAILHOUSE_SYSFS");
	va_list ap;
	int len;

	if (!dir || !*dir)
		dir = SYSFS_DIR;
	len = snprintf(path, SYSFS_PATH_MAX, "%s/", dir);
	if (len < SYSFS_PATH_MAX) {
		va_start(ap, fmt);
		len += vsnprintf(path + len, SYSFS_PATH_MAX - len, fmt, ap);
		va_end(ap);
	}
	if (len < SYSFS_PATH_MAX)
		return true;
	errno = ENAMETOOLONG;
	return false;
}

/* The small text file @path in @buf, without its trailing newline */
bool read_text(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t len;
	int err;

	if (!f)
		return false;
	len = fread(buf, 1, size - 1, f);
	err = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (err) {
		errno = err;
		return false;
	}
	buf[len] = 0;
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = 0;
	return true;
}

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
void print_driver_reason(void)
{
	char path[SYSFS_PATH_MAX], reason[SYSFS_VALUE_MAX];

	if (sysfs_path(path, "last_error") &&
	    read_text(path, reason, sizeof(reason)) && *reason)
		fprintf(stderr, "%s\n", reason);
}

int call_driver(unsigned long ioctl_nr, const char *name, void *arg)
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
	struct config_file file;
	int ret;

	if (argc != 1) {
		fprintf(stderr, "Usage: jailhouse enable SYSCONFIG\n");
		return 1;
	}
	if (!load_checked("enable", argv[0], true, &file))
		return 1;
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
	char buf[4096], path[SYSFS_PATH_MAX];
	size_t len;
	FILE *f;

	if (argc == 1 && (!strcmp(argv[0], "-f") ||
			  !strcmp(argv[0], "--follow")))
		return follow_console();
	if (argc != 0) {
		fprintf(stderr, "Usage: jailhouse console [-f | --follow]\n");
		return 1;
	}
	f = sysfs_path(path, "console") ? fopen(path, "r") : NULL;
	if (!f) {
		fprintf(stderr, "jailhouse console: %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	while ((len = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, len, stdout);
	fclose(f);
	return 0;
}

/* The directory this program runs from (for files in the build tree) */
bool program_dir(char dir[PATH_MAX])
{
	ssize_t len = readlink("/proc/self/exe", dir, PATH_MAX - 1);
	char *slash;

	if (len <= 0)
		return false;
	dir[len] = 0;
	slash = strrchr(dir, '/');
	if (!slash)
		return false;
	*slash = 0;
	return true;
}
