// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse hardware check [SYSCONFIG]
 *
 * What an arm64 target needs before "jailhouse enable", checked on the
 * target, one line per check:
 *
 *	PASS|WARN|FAIL what was found; what to do
 *
 * Always: /proc/iomem is readable with its addresses (as root), the driver
 * is loaded.  With SYSCONFIG, also the memory: the hypervisor memory is
 * reserved and not System RAM, it does not overlap the kernel image and
 * starts at least 16 MiB after it (the memory sizing gotcha, which the
 * driver's enable warns about too), and the root cell's RAM regions are
 * RAM in /proc/iomem.  The memory checks need the addresses of
 * /proc/iomem: without them only the kernel checks run.
 *
 * Exit status 0 without failures (warnings included), 2 with failures
 * (as upstream's x86 check), 1 on usage errors or a configuration that
 * cannot be read or has errors.
 *
 * JAILHOUSE_PROC (default /proc) and JAILHOUSE_SYSFS_ROOT (default /sys)
 * move the files read, for the tests.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>

#include "jailhouse.h"

/* Room to leave between the kernel image and the hypervisor memory */
#define KERNEL_HEADROOM		(16ULL << 20)

enum check_result {
	CHECK_PASS,
	CHECK_WARN,
	CHECK_FAIL,
};

/* What the top-level ranges of /proc/iomem are, as a mask */
#define RANGE_OTHER		0
#define RANGE_RAM		1	/* "System RAM" */
#define RANGE_RESERVED		2	/* "reserved" */

struct iomem_range {
	u64 start, end;			/* end inclusive, as in the file */
	unsigned int kind;
};

struct iomem {
	struct iomem_range *ranges;	/* the top-level ones */
	unsigned int num, cap;
	bool addresses;			/* any not 00000000-00000000 */
	unsigned int top_kind;		/* of the last top-level range */
	bool kernel_found;
	u64 kernel_start, kernel_end;	/* the image, end inclusive */
};

struct hardware_check {
	unsigned int count[3];		/* by enum check_result */
};

static void report(struct hardware_check *hc, enum check_result result,
		   const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void report(struct hardware_check *hc, enum check_result result,
		   const char *fmt, ...)
{
	static const char *const word[] = { "PASS", "WARN", "FAIL" };
	va_list ap;

	hc->count[result]++;
	printf("%s ", word[result]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* @env's directory (or @def), then @file, in @path; false if too long */
static bool env_path(char path[SYSFS_PATH_MAX], const char *env,
		     const char *def, const char *file)
{
	const char *dir = getenv(env);

	if (!dir || !*dir)
		dir = def;
	if (snprintf(path, SYSFS_PATH_MAX, "%s/%s", dir, file) <
	    SYSFS_PATH_MAX)
		return true;
	errno = ENAMETOOLONG;
	return false;
}

/*
 * One line of /proc/iomem, "START-END : NAME" (hex) indented by two
 * spaces per level; false if it is not one.  Cuts the newline off @line.
 */
static bool parse_iomem_line(char *line, unsigned int *depth, u64 *start,
			     u64 *end, const char **name)
{
	unsigned int spaces = strspn(line, " ");
	char *p = line + spaces, *rest;

	line[strcspn(line, "\n")] = 0;
	if (!isxdigit((unsigned char)*p))
		return false;
	errno = 0;
	*start = strtoull(p, &rest, 16);
	if (*rest != '-' || !isxdigit((unsigned char)rest[1]))
		return false;
	*end = strtoull(rest + 1, &rest, 16);
	if (errno || strncmp(rest, " : ", 3))
		return false;
	*depth = spaces / 2;
	*name = rest + 3;
	return true;
}

static bool is_kernel_image(const char *name)
{
	return !strcmp(name, "Kernel code") || !strcmp(name, "Kernel data") ||
	       !strcmp(name, "Kernel bss");
}

static bool add_top_level(struct iomem *io, u64 start, u64 end,
			  const char *name)
{
	struct iomem_range *more;

	if (io->num == io->cap) {
		io->cap = io->cap ? 2 * io->cap : 64;
		more = realloc(io->ranges, io->cap * sizeof(*more));
		if (!more)
			return false;
		io->ranges = more;
	}
	io->top_kind = !strcmp(name, "System RAM") ? RANGE_RAM :
		       !strcmp(name, "reserved") ? RANGE_RESERVED :
		       RANGE_OTHER;
	io->ranges[io->num++] = (struct iomem_range) {
		.start = start, .end = end, .kind = io->top_kind,
	};
	return true;
}

static void add_nested(struct iomem *io, u64 start, u64 end,
		       const char *name)
{
	if (io->top_kind != RANGE_RAM || !is_kernel_image(name))
		return;
	if (!io->kernel_found || start < io->kernel_start)
		io->kernel_start = start;
	if (!io->kernel_found || end > io->kernel_end)
		io->kernel_end = end;
	io->kernel_found = true;
}

/* Read @path into @io; errno on failure (EINVAL: no ranges in it). */
static bool read_iomem(const char *path, struct iomem *io)
{
	FILE *f = fopen(path, "r");
	unsigned int depth;
	const char *name;
	char *line = NULL;
	size_t cap = 0;
	u64 start, end;
	int err = 0;

	if (!f)
		return false;
	while (!err && getline(&line, &cap, f) >= 0) {
		if (!parse_iomem_line(line, &depth, &start, &end, &name))
			continue;
		if (start || end)
			io->addresses = true;
		if (depth == 0 && !add_top_level(io, start, end, name))
			err = ENOMEM;
		else if (depth > 0)
			add_nested(io, start, end, name);
	}
	if (!err && ferror(f))
		err = EIO;
	if (!err && !io->num)
		err = EINVAL;
	free(line);
	fclose(f);
	errno = err;
	return !err;
}

/* Does a range of @kinds overlap [@start, @end]? */
static bool overlaps(const struct iomem *io, u64 start, u64 end,
		     unsigned int kinds)
{
	const struct iomem_range *r;

	for (r = io->ranges; r < io->ranges + io->num; r++)
		if ((r->kind & kinds) && r->start <= end && start <= r->end)
			return true;
	return false;
}

/* Is all of [@start, @end] in ranges of @kinds (adjacent ones join)? */
static bool covered(const struct iomem *io, u64 start, u64 end,
		    unsigned int kinds)
{
	const struct iomem_range *r;
	u64 pos = start;

	for (;;) {
		for (r = io->ranges; r < io->ranges + io->num; r++)
			if ((r->kind & kinds) && r->start <= pos &&
			    pos <= r->end)
				break;
		if (r == io->ranges + io->num)
			return false;
		if (r->end >= end)
			return true;
		pos = r->end + 1;
	}
}

/* Kernel checks: false if /proc/iomem cannot serve the memory checks */
static bool check_iomem(struct hardware_check *hc, struct iomem *io)
{
	char path[SYSFS_PATH_MAX];

	if (!env_path(path, "JAILHOUSE_PROC", "/proc", "iomem") ||
	    !read_iomem(path, io)) {
		if (errno == EINVAL)
			report(hc, CHECK_FAIL, "%s lists no memory ranges",
			       path);
		else
			report(hc, CHECK_FAIL, "cannot read %s: %s", path,
			       strerror(errno));
		return false;
	}
	if (!io->addresses) {
		report(hc, CHECK_FAIL,
		       "run as root: /proc/iomem hides addresses");
		return false;
	}
	report(hc, CHECK_PASS, "/proc/iomem readable");
	return true;
}

static void check_driver(struct hardware_check *hc)
{
	char path[SYSFS_PATH_MAX];
	struct stat st;

	if (env_path(path, "JAILHOUSE_SYSFS_ROOT", "/sys",
		     "devices/jailhouse") && !stat(path, &st))
		report(hc, CHECK_PASS, "driver loaded");
	else
		report(hc, CHECK_WARN,
		       "driver not loaded (modprobe jailhouse)");
}

static void check_hypervisor_memory(struct hardware_check *hc,
				    const struct iomem *io, u64 start,
				    u64 end)
{
	if (overlaps(io, start, end, RANGE_RAM))
		report(hc, CHECK_FAIL, "hypervisor memory 0x%llx-0x%llx is "
		       "System RAM (Linux uses it): reserve it with a no-map "
		       "reserved-memory node in the device tree "
		       "(patches/linux, patch 3)", start, end);
	else if (covered(io, start, end, RANGE_RESERVED))
		report(hc, CHECK_PASS, "hypervisor memory 0x%llx-0x%llx "
		       "reserved", start, end);
	else if (!overlaps(io, start, end, RANGE_RESERVED))
		report(hc, CHECK_WARN, "hypervisor memory 0x%llx-0x%llx not "
		       "in /proc/iomem at all: make sure it is RAM that Linux "
		       "does not use", start, end);
	else
		report(hc, CHECK_WARN, "hypervisor memory 0x%llx-0x%llx only "
		       "partly reserved: make sure the rest is RAM that Linux "
		       "does not use", start, end);
}

/* The memory sizing gotcha: the kernel image grows towards it. */
static void check_kernel_image(struct hardware_check *hc,
			       const struct iomem *io, u64 start, u64 end)
{
	if (!io->kernel_found)
		report(hc, CHECK_WARN, "no kernel image (Kernel code, Kernel "
		       "data) in /proc/iomem: its distance to the hypervisor "
		       "memory is unknown");
	else if (io->kernel_start <= end && start <= io->kernel_end)
		report(hc, CHECK_FAIL, "the kernel image (ends 0x%llx) "
		       "overlaps the hypervisor memory", io->kernel_end);
	else if (start > io->kernel_end &&
		 start - io->kernel_end - 1 < KERNEL_HEADROOM)
		report(hc, CHECK_WARN, "hypervisor memory starts 0x%llx "
		       "bytes after the end of the kernel image (0x%llx): a "
		       "bigger kernel will overlap it; leave at least 16 MiB",
		       start - io->kernel_end - 1, io->kernel_end);
	else
		report(hc, CHECK_PASS, "hypervisor memory clear of the kernel "
		       "image (ends 0x%llx)", io->kernel_end);
}

static void check_root_regions(struct hardware_check *hc,
			       const struct iomem *io,
			       const struct jailhouse_system *sys)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(&sys->root_cell);
	unsigned int n, ram = 0, warnings = 0;
	u64 end;

	for (n = 0; n < sys->root_cell.num_memory_regions; n++) {
		if ((mem[n].flags & JAILHOUSE_MEM_IO) || !mem[n].size)
			continue;
		ram++;
		end = mem[n].phys_start + mem[n].size - 1;
		if (end >= mem[n].phys_start &&
		    covered(io, mem[n].phys_start, end,
			    RANGE_RAM | RANGE_RESERVED))
			continue;
		report(hc, CHECK_WARN, "root mem_regions[%u] 0x%llx-0x%llx: "
		       "not RAM in /proc/iomem", n, mem[n].phys_start, end);
		warnings++;
	}
	if (!warnings)
		report(hc, CHECK_PASS, "root cell RAM: %u region%s in System "
		       "RAM or reserved", ram, ram == 1 ? "" : "s");
}

static void check_memory(struct hardware_check *hc, const struct iomem *io,
			 const struct jailhouse_system *sys)
{
	u64 start = sys->hypervisor_memory.phys_start;
	u64 end = start + sys->hypervisor_memory.size - 1;

	if (!sys->hypervisor_memory.size || end < start) {
		report(hc, CHECK_FAIL, "hypervisor memory 0x%llx, size "
		       "0x%llx: not a memory range", start,
		       sys->hypervisor_memory.size);
		return;
	}
	check_hypervisor_memory(hc, io, start, end);
	check_kernel_image(hc, io, start, end);
	check_root_regions(hc, io, sys);
}

/* Only the configuration's errors: its warnings are config check's. */
static void report_errors(struct config_checker *chk,
			  enum config_severity sev, const char *file,
			  const char *field, const char *value,
			  const char *text)
{
	if (sev == CONFIG_ERROR)
		print_problem(chk, sev, file, field, value, text);
}

/* Load the system configuration @path; false (said why) if unusable. */
static bool load_system(const char *path, struct config_file *file)
{
	struct config_checker chk = { .report = report_errors };
	unsigned int errors = 0;

	if (!load_config(path, file, &errors))
		return false;
	if (config_check(&chk, file, NULL, 0)) {
		fprintf(stderr, "jailhouse hardware check: %s has %u error%s, "
			"not checked\n", path, chk.errors,
			chk.errors == 1 ? "" : "s");
		free((void *)file->data);
		return false;
	}
	return true;
}

static void hardware_check_usage(FILE *out)
{
	fprintf(out, "Usage: jailhouse hardware check [SYSCONFIG]\n\n"
		"Checks what \"jailhouse enable\" needs on this machine (run "
		"as root):\n/proc/iomem and the driver, and with SYSCONFIG "
		"the hypervisor memory\nand the root cell's RAM.\n");
}

int hardware_check_command(int argc, char *argv[])
{
	struct hardware_check hc = { .count = { 0 } };
	struct iomem io = { .ranges = NULL };
	struct config_file file = { .data = NULL };
	bool iomem_ok;

	if (argc == 1 && (!strcmp(argv[0], "-h") ||
			  !strcmp(argv[0], "--help"))) {
		hardware_check_usage(stdout);
		return 0;
	}
	if (argc > 1) {
		hardware_check_usage(stderr);
		return 1;
	}
	if (argc == 1 && !load_system(argv[0], &file))
		return 1;

	iomem_ok = check_iomem(&hc, &io);
	check_driver(&hc);
	if (file.data && iomem_ok)
		check_memory(&hc, &io, file.data);

	free(io.ranges);
	free((void *)file.data);
	printf("hardware check: %u passed, %u warnings, %u failed\n",
	       hc.count[CHECK_PASS], hc.count[CHECK_WARN],
	       hc.count[CHECK_FAIL]);
	return hc.count[CHECK_FAIL] ? 2 : 0;
}
