// SPDX-License-Identifier: GPL-2.0
/*
 * The part uio_send and uio_read share (see uio-common.h).  The device is
 * found through its device number (/sys/dev/char/MAJOR:MINOR), so that a
 * symlink or a renamed node works, and checked to be UIO, named
 * "uio_ivshmem", with the maps of driver/uio_ivshmem.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <jailhouse/ivshmem-regs.h>

#include "uio-common.h"

const char *uio_prog = "uio";

static const char *const map_names[NUM_MAPS] = {
	"registers", "state_table", "rw_section", "input_sections",
	"output_section",
};

static void vmessage(const struct uio_dev *dev, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", uio_prog);
	if (dev)
		fprintf(stderr, "%s: ", dev->path);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void uio_fail(const struct uio_dev *dev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(dev, fmt, ap);
	va_end(ap);
	exit(1);
}

void uio_usage_fail(const char *usage, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", uio_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (usage: %s %s)\n", uio_prog, usage);
	exit(2);
}

unsigned long uio_number(const struct uio_dev *dev, const char *what,
			 const char *arg, unsigned long min,
			 unsigned long max)
{
	bool hex = arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X');
	unsigned long long value;
	char *end;

	/* strtoull would take "-1" as a huge number: digits only */
	if (arg[0] == '-' && arg[1] &&
	    strspn(arg + 1, "0123456789") == strlen(arg + 1))
		uio_fail(dev, "%s %s out of range (%lu-%lu)", what, arg, min,
			 max);
	if (!*arg || (!hex && strspn(arg, "0123456789") != strlen(arg)) ||
	    (hex && (!arg[2] || strspn(arg + 2, "0123456789abcdefABCDEF") !=
		     strlen(arg + 2))))
		uio_fail(dev, "%s \"%s\" is not a number (decimal or 0x hex)",
			 what, arg);
	errno = 0;
	value = strtoull(arg, &end, hex ? 16 : 10);
	if (errno || value < min || value > max)
		uio_fail(dev, "%s %s out of range (%lu-%lu)", what, arg, min,
			 max);
	return value;
}

static bool read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (!f)
		return false;
	ok = fgets(buf, len, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

void uio_attr(const struct uio_dev *dev, const char *attr, char *buf,
	      size_t len)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dev->sysfs, attr);
	if (!read_line(path, buf, len))
		uio_fail(dev, "cannot read %s: %s", path, strerror(errno));
}

/* The character device behind the open fd must be a UIO one. */
static void check_uio(struct uio_dev *dev)
{
	char path[128], link[256], *class;
	struct stat st;
	ssize_t n;

	if (fstat(dev->fd, &st))
		uio_fail(dev, "cannot stat it: %s", strerror(errno));
	if (!S_ISCHR(st.st_mode))
		uio_fail(dev, "not a character device: not a UIO device");
	snprintf(dev->sysfs, sizeof(dev->sysfs), "/sys/dev/char/%u:%u",
		 major(st.st_rdev), minor(st.st_rdev));
	snprintf(path, sizeof(path), "%s/subsystem", dev->sysfs);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		uio_fail(dev, "character device %u:%u has no %s: not a UIO "
			 "device", major(st.st_rdev), minor(st.st_rdev), path);
	link[n] = '\0';
	class = strrchr(link, '/') ? strrchr(link, '/') + 1 : link;
	if (strcmp(class, "uio"))
		uio_fail(dev, "a %s device, not a UIO device (/dev/uioN)",
			 class);
}

static void map_one(struct uio_dev *dev, unsigned int n, bool required)
{
	bool read_only = n == MAP_STATE || n == MAP_INPUT;
	int prot = PROT_READ | (read_only ? 0 : PROT_WRITE);
	long page = sysconf(_SC_PAGESIZE);
	char attr[32], buf[64], path[128], *end;
	void *mem;

	snprintf(attr, sizeof(attr), "maps/map%u/name", n);
	snprintf(path, sizeof(path), "%s/%s", dev->sysfs, attr);
	if (!read_line(path, buf, sizeof(buf)))
		uio_fail(dev, "map %u (%s) is missing: not a uio_ivshmem "
			 "device of this project?", n, map_names[n]);
	if (!strcmp(buf, "none")) {
		if (required)
			uio_fail(dev, "map %u (%s) is empty: the device has no "
				 "such section", n, map_names[n]);
		return;
	}
	if (strcmp(buf, map_names[n]))
		uio_fail(dev, "map %u is \"%s\", not %s: not a uio_ivshmem "
			 "device of this project?", n, buf, map_names[n]);
	snprintf(attr, sizeof(attr), "maps/map%u/size", n);
	uio_attr(dev, attr, buf, sizeof(buf));
	errno = 0;
	dev->size[n] = strtoull(buf, &end, 0);
	if (errno || *end || !dev->size[n])
		uio_fail(dev, "map %u (%s) has size \"%s\"", n, map_names[n],
			 buf);

	mem = mmap(NULL, dev->size[n], prot, MAP_SHARED, dev->fd, n * page);
	if (mem == MAP_FAILED)
		uio_fail(dev, "cannot map map %u (%s, 0x%zx bytes): %s", n,
			 map_names[n], dev->size[n], strerror(errno));
	dev->map[n] = mem;
}

void uio_open(struct uio_dev *dev, const char *path, unsigned int maps,
	      unsigned int required)
{
	char name[64];
	unsigned int n;

	memset(dev, 0, sizeof(*dev));
	dev->path = path;
	dev->fd = open(path, O_RDWR);
	if (dev->fd < 0)
		uio_fail(dev, "cannot open: %s", strerror(errno));
	check_uio(dev);
	uio_attr(dev, "name", name, sizeof(name));
	if (strcmp(name, "uio_ivshmem"))
		uio_fail(dev, "not a uio_ivshmem device (its UIO driver is "
			 "\"%s\")", name);

	maps |= 1U << MAP_REGS | required;
	required |= 1U << MAP_REGS;
	for (n = 0; n < NUM_MAPS; n++)
		if (maps & (1U << n))
			map_one(dev, n, required & (1U << n));

	dev->id = uio_reg_read(dev, IVSHMEM_REG_ID);
	dev->peers = uio_reg_read(dev, IVSHMEM_REG_MAX_PEERS);
	if (dev->id >= dev->peers)
		uio_fail(dev, "ID %u, but %u peers: inconsistent registers",
			 dev->id, dev->peers);
	if (dev->map[MAP_INPUT] && dev->map[MAP_OUTPUT] &&
	    dev->size[MAP_INPUT] < dev->peers * dev->size[MAP_OUTPUT])
		uio_fail(dev, "input sections 0x%zx bytes, less than %u "
			 "output sections of 0x%zx", dev->size[MAP_INPUT],
			 dev->peers, dev->size[MAP_OUTPUT]);
}

uint32_t uio_reg_read(const struct uio_dev *dev, unsigned int reg)
{
	return dev->map[MAP_REGS][reg / 4];
}

void uio_reg_write(const struct uio_dev *dev, unsigned int reg,
		   uint32_t value)
{
	dev->map[MAP_REGS][reg / 4] = value;
}

uint32_t uio_word(const struct uio_dev *dev, unsigned int n, size_t offset)
{
	if (!dev->map[n] || offset + 4 > dev->size[n])
		return 0;
	return dev->map[n][offset / 4];
}

void uio_barrier(void)
{
#ifdef __aarch64__
	/* Normal-NC shared memory before the Device-memory doorbell */
	__asm__ volatile("dmb sy" ::: "memory");
#else
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

void uio_set_interrupts(const struct uio_dev *dev, bool on)
{
	int32_t value = on;

	if (write(dev->fd, &value, sizeof(value)) != sizeof(value))
		uio_fail(dev, "cannot %s interrupts: %s",
			 on ? "enable" : "disable", strerror(errno));
}

bool uio_announce(const struct uio_dev *dev)
{
	uint32_t state = uio_reg_read(dev, IVSHMEM_REG_STATE);

	if (state) {
		printf("[UIO] state is %u\n", state);
		return false;
	}
	uio_reg_write(dev, IVSHMEM_REG_STATE, dev->id + 1);
	printf("[UIO] state set to %u (was 0): peers see peer %u running\n",
	       dev->id + 1, dev->id);
	return true;
}
