// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in for the driver, preloaded into the host builds of the
 * jailhouse tool by tests/tools/run.py.  open("/dev/jailhouse") succeeds
 * (on /dev/null), and every ioctl on it is described in $FAKE_DRIVER_LOG,
 * one line each; the configuration and the images it points to are
 * written beside the log as LOG.config and LOG.image<N>.  With
 * $FAKE_DRIVER_ERRNO set, each ioctl then fails with that errno; with
 * $FAKE_DRIVER_FAIL (an ioctl number, e.g. 0x40300003) as well, only that
 * one does.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>

#include <jailhouse/ioctl.h>

#define DEVICE	"/dev/jailhouse"

static int device_fd = -1;

int open(const char *path, int flags, ...)
{
	int (*real_open)(const char *path, int flags, ...);
	mode_t mode = 0;
	va_list ap;

	real_open = dlsym(RTLD_NEXT, "open");
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (!strcmp(path, DEVICE)) {
		device_fd = real_open("/dev/null", flags);
		return device_fd;
	}
	return real_open(path, flags, mode);
}

static void write_blob(const char *log, const char *suffix, __u64 address,
		       __u64 size)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s.%s", log, suffix);
	f = fopen(path, "wb");
	if (!f || fwrite((void *)(uintptr_t)address, 1, size, f) != size)
		abort();
	fclose(f);
}

static void log_cell_id(FILE *f, const struct jailhouse_cell_id *id)
{
	fprintf(f, " id=%d padding=%u name='%.*s' terminated=%d", id->id,
		id->padding, JAILHOUSE_CELL_ID_NAMELEN, id->name,
		id->name[JAILHOUSE_CELL_ID_NAMELEN] == 0);
}

static void log_load(FILE *f, const char *log,
		     const struct jailhouse_cell_load *load)
{
	const struct jailhouse_preload_image *image;
	char suffix[32];
	__u32 n;

	log_cell_id(f, &load->cell_id);
	fprintf(f, " images=%u padding=%u\n", load->num_preload_images,
		load->padding);
	for (n = 0; n < load->num_preload_images; n++) {
		image = &load->image[n];
		fprintf(f, "image %u size=%llu target=0x%llx padding=%llu\n",
			n, image->size, image->target_address,
			image->padding);
		snprintf(suffix, sizeof(suffix), "image%u", n);
		write_blob(log, suffix, image->source_address, image->size);
	}
}

static void log_ioctl(unsigned long request, void *arg)
{
	const char *log = getenv("FAKE_DRIVER_LOG");
	const struct jailhouse_cell_create *create = arg;
	FILE *f = log ? fopen(log, "a") : NULL;

	if (!f)
		abort();
	fprintf(f, "ioctl 0x%08lx", request);
	if (request == JAILHOUSE_CELL_CREATE) {
		fprintf(f, " size=%u padding=%u\n", create->config_size,
			create->padding);
		write_blob(log, "config", create->config_address,
			   create->config_size);
	} else if (request == JAILHOUSE_CELL_LOAD) {
		log_load(f, log, arg);
	} else if (request == JAILHOUSE_CELL_START ||
		   request == JAILHOUSE_CELL_DESTROY) {
		log_cell_id(f, arg);
		fprintf(f, "\n");
	} else {
		fprintf(f, "\n");
	}
	fclose(f);
}

int ioctl(int fd, unsigned long request, ...)
{
	int (*real_ioctl)(int fd, unsigned long request, ...);
	const char *err = getenv("FAKE_DRIVER_ERRNO");
	const char *only = getenv("FAKE_DRIVER_FAIL");
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fd != device_fd || fd < 0) {
		real_ioctl = dlsym(RTLD_NEXT, "ioctl");
		return real_ioctl(fd, request, arg);
	}
	log_ioctl(request, arg);
	if (!err || (only && strtoul(only, NULL, 0) != request))
		return 0;
	errno = atoi(err);
	return -1;
}
