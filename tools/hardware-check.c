// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse hardware check [SYSCONFIG [CELLCONFIG...]]
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
 * Then the kernel and the machine, from the kernel log, /proc and the
 * device tree: every CPU started at EL2, Linux not in VHE (so EL2 is
 * free), KVM not holding EL2, the symbols of kernel patches 1, 2 and 4
 * exported (/proc/kallsyms, when it lists exports), the kernel options the
 * driver needs (/proc/config.gz, when the kernel has it), the
 * reserved-memory nodes of patch 3 with no-map, a GICv3, PSCI by SMC and
 * CPU hotplug.  With CELLCONFIGs, every device region of a cell that an
 * enabled node of the root's device tree also describes: Linux would
 * keep driving it.
 *
 * Exit status 0 without failures (warnings included), 2 with failures
 * (as upstream's x86 check), 1 on usage errors or a configuration that
 * cannot be read or has errors.
 *
 * JAILHOUSE_PROC (default /proc) and JAILHOUSE_SYSFS_ROOT (default /sys)
 * move the files read, JAILHOUSE_DMESG names a file to read as the kernel
 * log (default: the log itself), for the tests.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/stat.h>

#include <libfdt.h>
#include <zlib.h>

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

/* ---- the kernel: its log, exported symbols and options ---- */

#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_SIZE_BUFFER	10
#define MAX_TEXT_FILE			(64 << 20)

/* A whole file, NUL-terminated; NULL and errno on failure */
static char *read_text_file(const char *path)
{
	size_t size;
	char *data = read_whole_file(path, MAX_TEXT_FILE, &size), *text;

	if (!data)
		return NULL;
	text = realloc(data, size + 1);
	if (!text) {
		free(data);
		errno = ENOMEM;
		return NULL;
	}
	text[size] = 0;
	return text;
}

/* JAILHOUSE_DMESG's file, or the kernel's log buffer */
static char *read_kernel_log(void)
{
	const char *file = getenv("JAILHOUSE_DMESG");
	int size, len;
	char *log;

	if (file && *file)
		return read_text_file(file);
	size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	if (size <= 0)
		return NULL;
	log = malloc(size + 1);
	if (!log) {
		errno = ENOMEM;
		return NULL;
	}
	len = klogctl(SYSLOG_ACTION_READ_ALL, log, size);
	if (len < 0) {
		free(log);
		return NULL;
	}
	log[len] = 0;
	return log;
}

/* The boot messages of arch/arm64/kernel/smp.c and cpufeature.c */
static void check_kernel_log(struct hardware_check *hc, const char *log,
			     int err)
{
	bool at_el2 = false;

	if (!log) {
		report(hc, CHECK_WARN, "cannot read the kernel log (%s): the "
		       "exception level the CPUs started at and VHE not "
		       "checked", strerror(err));
		return;
	}
	if (strstr(log, "CPU: All CPU(s) started at EL2")) {
		report(hc, CHECK_PASS, "all CPUs started at EL2 (kernel log)");
		at_el2 = true;
	} else if (strstr(log, "CPU: All CPU(s) started at EL1")) {
		report(hc, CHECK_FAIL, "Linux was started at EL1 (kernel log): "
		       "no EL2 for the hypervisor; the boot loader must enter "
		       "the kernel at EL2");
	} else if (strstr(log, "CPU: CPUs started in inconsistent modes")) {
		report(hc, CHECK_FAIL, "the CPUs started in inconsistent modes "
		       "(kernel log): the firmware must start every CPU at "
		       "EL2");
	} else {
		report(hc, CHECK_WARN, "the kernel log does not say at which "
		       "exception level the CPUs started (its boot messages "
		       "are gone): jailhouse enable checks it");
	}
	if (strstr(log, "CPU features: detected: Virtualization Host "
		   "Extensions"))
		report(hc, CHECK_FAIL, "Linux runs at EL2 with VHE, so EL2 is "
		       "taken: apply kernel patch 1 (patches/linux) or boot "
		       "with id_aa64mmfr1.vh=0");
	else if (at_el2)
		report(hc, CHECK_PASS, "VHE off: Linux runs at EL1, the hyp "
		       "stub at EL2");
	else
		report(hc, CHECK_WARN, "cannot tell from the kernel log "
		       "whether Linux runs with VHE: jailhouse enable checks "
		       "it");
}

/* A line of /proc/modules for module @name */
static bool module_loaded(const char *modules, const char *name)
{
	size_t len = strlen(name);
	const char *line;

	for (line = modules; line && *line; line = strchr(line, '\n'),
	     line = line ? line + 1 : NULL)
		if (!strncmp(line, name, len) && line[len] == ' ')
			return true;
	return false;
}

/* The line of arch/arm64/kvm/arm.c saying KVM took EL2 */
static const char *kvm_line(const char *log)
{
	const char *p, *start, *kvm;

	for (p = strstr(log, "mode initialized successfully"); p;
	     p = strstr(p + 1, "mode initialized successfully")) {
		for (start = p; start > log && start[-1] != '\n'; start--)
			;
		kvm = strstr(start, "kvm [");
		if (kvm && kvm < p)
			return start;
	}
	return NULL;
}

static void check_kvm(struct hardware_check *hc, const char *log)
{
	char path[SYSFS_PATH_MAX];
	char *modules = NULL;
	const char *line;
	struct stat st;

	if (env_path(path, "JAILHOUSE_SYSFS_ROOT", "/sys", "class/misc/kvm") &&
	    !stat(path, &st)) {
		report(hc, CHECK_FAIL, "KVM holds EL2 (/dev/kvm exists): build "
		       "the kernel without CONFIG_KVM or boot with "
		       "kvm-arm.mode=none");
		return;
	}
	if (env_path(path, "JAILHOUSE_PROC", "/proc", "modules"))
		modules = read_text_file(path);
	if (modules && module_loaded(modules, "kvm")) {
		report(hc, CHECK_FAIL, "KVM holds EL2 (module kvm loaded): "
		       "unload it (modprobe -r kvm)");
		free(modules);
		return;
	}
	free(modules);
	line = log ? kvm_line(log) : NULL;
	if (line) {
		report(hc, CHECK_FAIL, "KVM holds EL2 (kernel log: \"%.*s\"): "
		       "build the kernel without CONFIG_KVM or boot with "
		       "kvm-arm.mode=none", (int)strcspn(line, "\n"), line);
		return;
	}
	report(hc, CHECK_PASS, "KVM does not hold EL2 (no /dev/kvm, no kvm "
	       "module)");
}

/* What kernel patches 1, 2 and 4 export (patch 3 is the device tree) */
static const struct {
	unsigned int patch;
	const char *symbols[2];
} patch_symbols[] = {
	{ 1, { "__hyp_stub_vectors", NULL } },
	{ 2, { "ioremap_page_range", "__get_vm_area_caller" } },
	{ 4, { "__boot_cpu_mode", NULL } },
};

#define KSYMTAB		"__ksymtab_"

/* Which exported symbols /proc/kallsyms lists: bit 2 * patch + n */
static bool read_exports(const char *path, unsigned int *found, bool *any)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, name[256];
	unsigned int p, n;
	size_t cap = 0;

	if (!f)
		return false;
	*found = 0;
	*any = false;
	while (getline(&line, &cap, f) >= 0) {
		if (sscanf(line, "%*s %*s %255s", name) != 1 ||
		    strncmp(name, KSYMTAB, strlen(KSYMTAB)))
			continue;
		*any = true;
		for (p = 0; p < ARRAY_SIZE(patch_symbols); p++)
			for (n = 0; n < 2; n++)
				if (patch_symbols[p].symbols[n] &&
				    !strcmp(name + strlen(KSYMTAB),
					    patch_symbols[p].symbols[n]))
					*found |= 1u << (2 * p + n);
	}
	free(line);
	fclose(f);
	return true;
}

static void check_patch_symbols(struct hardware_check *hc)
{
	char path[SYSFS_PATH_MAX], names[128];
	unsigned int found, p, n, missing;
	bool any;

	if (!env_path(path, "JAILHOUSE_PROC", "/proc", "kallsyms") ||
	    !read_exports(path, &found, &any)) {
		report(hc, CHECK_WARN, "cannot read %s: %s: kernel patches 1, "
		       "2 and 4 not checked", path, strerror(errno));
		return;
	}
	if (!any) {
		report(hc, CHECK_WARN, "%s lists no exported symbols (a kernel "
		       "without CONFIG_KALLSYMS_ALL): kernel patches 1, 2 and 4 "
		       "not checked here; jailhouse enable checks them", path);
		return;
	}
	for (p = 0; p < ARRAY_SIZE(patch_symbols); p++) {
		names[0] = 0;
		missing = 0;
		for (n = 0; n < 2 && patch_symbols[p].symbols[n]; n++) {
			if (!(found & (1u << (2 * p + n))))
				missing++;
		}
		for (n = 0; n < 2 && patch_symbols[p].symbols[n]; n++)
			if (!missing || !(found & (1u << (2 * p + n))))
				snprintf(names + strlen(names),
					 sizeof(names) - strlen(names),
					 "%s%s", names[0] ? ", " : "",
					 patch_symbols[p].symbols[n]);
		if (!missing)
			report(hc, CHECK_PASS, "kernel patch %u: %s exported",
			       patch_symbols[p].patch, names);
		else
			report(hc, CHECK_FAIL, "kernel patch %u missing: the "
			       "kernel does not export %s; apply "
			       "patches/linux/<version>/000%u-* and rebuild it",
			       patch_symbols[p].patch, names,
			       patch_symbols[p].patch);
	}
}

/* The value of @option in the kernel configuration: 'y', 'm' or 0 */
static char option_value(const char *config, const char *option)
{
	size_t len = strlen(option);
	const char *p;

	for (p = strstr(config, option); p; p = strstr(p + 1, option))
		if ((p == config || p[-1] == '\n') && p[len] == '=')
			return p[len + 1] == 'y' || p[len + 1] == 'm' ?
				p[len + 1] : 0;
	return 0;
}

/* /proc/config.gz, uncompressed and NUL-terminated */
static char *read_kernel_config(const char *path)
{
	gzFile gz = gzopen(path, "rb");
	size_t len = 0, cap = 1 << 16;
	char *text = malloc(cap), *more;
	int got;

	if (!gz || !text) {
		if (gz)
			gzclose(gz);
		free(text);
		return NULL;
	}
	while ((got = gzread(gz, text + len, cap - len - 1)) > 0) {
		len += got;
		if (cap - len > 1)
			continue;
		if (cap >= MAX_TEXT_FILE)
			break;
		more = realloc(text, 2 * cap);
		if (!more)
			break;
		text = more;
		cap *= 2;
	}
	gzclose(gz);
	if (got < 0) {
		free(text);
		errno = EINVAL;
		return NULL;
	}
	text[len] = 0;
	return text;
}

static void check_kernel_options(struct hardware_check *hc,
				 const struct jailhouse_system *sys)
{
	bool vpci = sys && sys->root_cell.num_pci_devices &&
		sys->platform_info.pci_is_virtual;
	const struct {
		const char *name;
		enum check_result missing;
		bool module_ok;
		const char *why;
	} options[] = {
		{ "CONFIG_MODULES", CHECK_FAIL, false,
		  "the driver is a module" },
		{ "CONFIG_HOTPLUG_CPU", CHECK_FAIL, false,
		  "a CPU goes to a cell by being taken offline" },
		{ "CONFIG_OF_OVERLAY", vpci ? CHECK_FAIL : CHECK_WARN, false,
		  "the root cell's virtual PCI host is added as an overlay" },
		{ "CONFIG_PCI_HOST_GENERIC", vpci ? CHECK_FAIL : CHECK_WARN,
		  true, "it drives the root cell's virtual PCI host" },
		{ "CONFIG_UIO", CHECK_WARN, true,
		  "uio_ivshmem, the root cell's IVSHMEM driver, needs it" },
	};
	char path[SYSFS_PATH_MAX], value;
	unsigned int n;
	char *config;

	if (!env_path(path, "JAILHOUSE_PROC", "/proc", "config.gz"))
		return;
	config = read_kernel_config(path);
	if (!config) {
		report(hc, CHECK_WARN, "no %s (CONFIG_IKCONFIG_PROC): kernel "
		       "options not checked; the driver needs CONFIG_MODULES, "
		       "CONFIG_HOTPLUG_CPU, CONFIG_OF_OVERLAY, "
		       "CONFIG_PCI_HOST_GENERIC and CONFIG_UIO", path);
		return;
	}
	for (n = 0; n < ARRAY_SIZE(options); n++) {
		value = option_value(config, options[n].name);
		if (value == 'y' || (value == 'm' && options[n].module_ok))
			report(hc, CHECK_PASS, "kernel option %s=%c",
			       options[n].name, value);
		else
			report(hc, options[n].missing, "kernel option %s %s: "
			       "%s; enable it", options[n].name,
			       value == 'm' ? "is a module" : "not set",
			       options[n].why);
	}
	free(config);
}

/* ---- the machine: device tree and CPUs ---- */

static bool is_jailhouse_node(const char *name)
{
	return !strncmp(name, "jailhouse", 9) &&
	       (!name[9] || name[9] == '@' || name[9] == '-');
}

/* Kernel patch 3: the reserved-memory nodes, with no-map */
static void check_reserved_memory(struct hardware_check *hc, const void *fdt)
{
	int resv = fdt_path_offset(fdt, "/reserved-memory"), node;
	unsigned int found = 0;
	const char *name;
	u64 addr, size;

	fdt_for_each_subnode(node, fdt, resv) {
		name = fdt_get_name(fdt, node, NULL);
		if (!name || !is_jailhouse_node(name))
			continue;
		found++;
		if (dt_reg(fdt, node, 0, &addr, &size) != 1 || !size)
			report(hc, CHECK_FAIL, "reserved-memory: %s has no reg: "
			       "give it the address and size the "
			       "configurations use", name);
		else if (!fdt_getprop(fdt, node, "no-map", NULL))
			report(hc, CHECK_FAIL, "reserved-memory: %s "
			       "0x%llx-0x%llx has no no-map: Linux maps it; add "
			       "no-map", name, addr, addr + size - 1);
		else
			report(hc, CHECK_PASS, "reserved-memory: %s "
			       "0x%llx-0x%llx, no-map", name, addr,
			       addr + size - 1);
	}
	if (!found)
		report(hc, CHECK_FAIL, "no jailhouse node in the device tree's "
		       "reserved-memory: apply kernel patch 3 (patches/linux) "
		       "or add the nodes (Documentation/config-create.md)");
}

static void node_path(const void *fdt, int node, char *buf, int len)
{
	if (fdt_get_path(fdt, node, buf, len))
		snprintf(buf, len, "(node at offset %d)", node);
}

static void check_gic(struct hardware_check *hc, const void *fdt)
{
	static const char *const v2[] = {
		"arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
		"arm,cortex-a7-gic", "arm,gic-v2",
	};
	char path[256];
	unsigned int n;
	int node;

	node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
	if (node >= 0) {
		node_path(fdt, node, path, sizeof(path));
		report(hc, CHECK_PASS, "GICv3: %s (arm,gic-v3)", path);
		return;
	}
	for (n = 0; n < ARRAY_SIZE(v2); n++) {
		node = fdt_node_offset_by_compatible(fdt, -1, v2[n]);
		if (node < 0)
			continue;
		node_path(fdt, node, path, sizeof(path));
		report(hc, CHECK_FAIL, "the GIC %s is a GICv2 (%s): this "
		       "hypervisor supports GICv3 only", path, v2[n]);
		return;
	}
	report(hc, CHECK_FAIL, "no GICv3 (arm,gic-v3) in the device tree");
}

/* PSCI by SMC, and every CPU started through it */
static void check_psci(struct hardware_check *hc, const void *fdt)
{
	static const char *const compatible[] = {
		"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
	};
	int node = -1, cpus, cpu, len;
	const char *method, *enable;
	char path[256];
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(compatible) && node < 0; n++)
		node = fdt_node_offset_by_compatible(fdt, -1, compatible[n]);
	if (node < 0) {
		report(hc, CHECK_FAIL, "no PSCI node (arm,psci) in the device "
		       "tree: CPUs cannot be handed to cells and back");
		return;
	}
	node_path(fdt, node, path, sizeof(path));
	method = fdt_getprop(fdt, node, "method", &len);
	if (!method || len < 4 || strncmp(method, "smc", len)) {
		report(hc, CHECK_FAIL, "PSCI %s: method \"%.*s\", not \"smc\": "
		       "the hypervisor calls the firmware at EL3 by SMC", path,
		       method && len > 0 ? len - 1 : 0, method ? method : "");
		return;
	}
	cpus = fdt_path_offset(fdt, "/cpus");
	fdt_for_each_subnode(cpu, fdt, cpus) {
		enable = fdt_getprop(fdt, cpu, "enable-method", &len);
		if (!enable || !dt_enabled(fdt, cpu) ||
		    !strncmp(enable, "psci", len))
			continue;
		node_path(fdt, cpu, path, sizeof(path));
		report(hc, CHECK_FAIL, "%s: enable-method \"%.*s\": the CPUs "
		       "must be started by PSCI", path, len > 0 ? len - 1 : 0,
		       enable);
		return;
	}
	report(hc, CHECK_PASS, "PSCI by SMC (%s)", path);
}

static void check_cpu_hotplug(struct hardware_check *hc)
{
	char online[SYSFS_PATH_MAX], cpu1[SYSFS_PATH_MAX];
	struct stat st;

	if (!env_path(online, "JAILHOUSE_SYSFS_ROOT", "/sys",
		      "devices/system/cpu/cpu1/online") ||
	    !env_path(cpu1, "JAILHOUSE_SYSFS_ROOT", "/sys",
		      "devices/system/cpu/cpu1"))
		return;
	if (!stat(online, &st))
		report(hc, CHECK_PASS, "CPU hotplug: %s", online);
	else if (stat(cpu1, &st))
		report(hc, CHECK_WARN, "one CPU only (no %s): none can be "
		       "given to a cell", cpu1);
	else
		report(hc, CHECK_FAIL, "CPU hotplug not available (no %s): "
		       "build the kernel with CONFIG_HOTPLUG_CPU", online);
}

/* Nodes that describe memory or CPUs, not devices */
static bool is_device_node(const void *fdt, int node)
{
	char path[256];
	int len;
	const char *type = fdt_getprop(fdt, node, "device_type", &len);

	if (type && len > 0 && (!strncmp(type, "memory", len) ||
				!strncmp(type, "cpu", len)))
		return false;
	node_path(fdt, node, path, sizeof(path));
	return strncmp(path, "/reserved-memory", 16) &&
	       strncmp(path, "/cpus", 5) && strncmp(path, "/memory", 7);
}

/* Warn about each I/O region of @cell that an enabled root node has. */
static void check_cell_devices(struct hardware_check *hc, const void *fdt,
			       const struct config_file *file)
{
	const struct jailhouse_cell_desc *cell = file->data;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n, warnings = 0;
	int node = -1, index;
	char path[256];
	u64 addr, size;

	while ((node = fdt_next_node(fdt, node, NULL)) >= 0) {
		/* a bus's reg spans its children: they say what is used */
		if (!fdt_getprop(fdt, node, "reg", NULL) ||
		    fdt_getprop(fdt, node, "ranges", NULL) ||
		    !dt_enabled(fdt, node) || !is_device_node(fdt, node))
			continue;
		for (index = 0; dt_reg(fdt, node, index, &addr, &size) == 1;
		     index++) {
			for (n = 0; n < cell->num_memory_regions; n++) {
				if (!(mem[n].flags & JAILHOUSE_MEM_IO) ||
				    (mem[n].flags & JAILHOUSE_MEM_ROOTSHARED) ||
				    !size || !mem[n].size ||
				    addr > mem[n].phys_start + mem[n].size - 1 ||
				    mem[n].phys_start > addr + size - 1)
					continue;
				node_path(fdt, node, path, sizeof(path));
				report(hc, CHECK_WARN, "cell '%.*s' "
				       "mem_regions[%u] 0x%llx-0x%llx: %s is "
				       "enabled in the root's device tree: "
				       "disable it in the root's device tree "
				       "(status = \"disabled\")",
				       JAILHOUSE_CELL_NAME_MAXLEN, cell->name,
				       n, mem[n].phys_start,
				       mem[n].phys_start + mem[n].size - 1,
				       path);
				warnings++;
			}
		}
	}
	if (!warnings)
		report(hc, CHECK_PASS, "cell '%.*s': none of its devices is "
		       "enabled in the root's device tree",
		       JAILHOUSE_CELL_NAME_MAXLEN, cell->name);
}

static void check_device_tree(struct hardware_check *hc,
			      const struct config_file *cells,
			      unsigned int num_cells)
{
	char why[SYSFS_PATH_MAX + 128];
	struct live_dt dt;
	unsigned int n;

	if (!read_live_dt(&dt, why, sizeof(why))) {
		report(hc, CHECK_FAIL, "cannot read the device tree: %s", why);
		return;
	}
	check_reserved_memory(hc, dt.fdt);
	check_gic(hc, dt.fdt);
	check_psci(hc, dt.fdt);
	for (n = 0; n < num_cells; n++)
		check_cell_devices(hc, dt.fdt, &cells[n]);
	free(dt.fdt);
}

/* ---- the command ---- */

/* Only the configuration's errors: its warnings are config check's. */
static void report_errors(struct config_checker *chk,
			  enum config_severity sev, const char *file,
			  const char *field, const char *value,
			  const char *text)
{
	if (sev == CONFIG_ERROR)
		print_problem(chk, sev, file, field, value, text);
}

static void free_configs(struct config_file *files, unsigned int num)
{
	unsigned int n;

	for (n = 0; n < num; n++)
		free((void *)files[n].data);
	free(files);
}

/*
 * Load the system configuration and the cells; false (said why) if one
 * is unusable: it cannot be read, or the checker finds errors.
 */
static bool load_configs(char *paths[], unsigned int num,
			 struct config_file *files)
{
	struct config_checker chk = { .report = report_errors };
	unsigned int errors = 0, n;

	for (n = 0; n < num; n++)
		if (!load_config(paths[n], &files[n], &errors))
			return false;
	if (!config_check(&chk, &files[0], NULL, 0) &&
	    (num == 1 || !config_check(&chk, &files[0], &files[1], num - 1)))
		return true;
	fprintf(stderr, "jailhouse hardware check: %s has %u error%s, not "
		"checked\n", num == 1 ? paths[0] : "the configuration set",
		chk.errors, chk.errors == 1 ? "" : "s");
	return false;
}

static void hardware_check_usage(FILE *out)
{
	fprintf(out, "Usage: jailhouse hardware check [SYSCONFIG "
		"[CELLCONFIG...]]\n\n"
		"Checks what \"jailhouse enable\" needs on this machine (run "
		"as root):\n/proc/iomem and the driver; with SYSCONFIG the "
		"hypervisor memory and the\nroot cell's RAM; the kernel (EL2, "
		"VHE, KVM, patches, options) and the device\ntree "
		"(reserved memory, GIC, PSCI, CPU hotplug); with CELLCONFIGs "
		"the devices\nthe cells take that the root's device tree "
		"still enables.\n");
}

int hardware_check_command(int argc, char *argv[])
{
	struct hardware_check hc = { .count = { 0 } };
	struct iomem io = { .ranges = NULL };
	struct config_file *files = NULL;
	const struct jailhouse_system *sys = NULL;
	bool iomem_ok;
	char *log;
	int log_err;

	if (argc == 1 && (!strcmp(argv[0], "-h") ||
			  !strcmp(argv[0], "--help"))) {
		hardware_check_usage(stdout);
		return 0;
	}
	if (argc > 0 && argv[0][0] == '-') {
		hardware_check_usage(stderr);
		return 1;
	}
	if (argc > 0) {
		files = calloc(argc, sizeof(*files));
		if (!files) {
			fprintf(stderr, "jailhouse hardware check: out of "
				"memory\n");
			return 1;
		}
		if (!load_configs(argv, argc, files)) {
			free_configs(files, argc);
			return 1;
		}
		sys = files[0].data;
	}

	iomem_ok = check_iomem(&hc, &io);
	check_driver(&hc);
	if (sys && iomem_ok)
		check_memory(&hc, &io, sys);
	log = read_kernel_log();
	log_err = errno;
	check_kernel_log(&hc, log, log_err);
	check_kvm(&hc, log);
	free(log);
	check_patch_symbols(&hc);
	check_kernel_options(&hc, sys);
	check_device_tree(&hc, files ? files + 1 : NULL,
			  argc > 1 ? argc - 1 : 0);
	check_cpu_hotplug(&hc);

	free(io.ranges);
	if (files)
		free_configs(files, argc);
	printf("hardware check: %u passed, %u warnings, %u failed\n",
	       hc.count[CHECK_PASS], hc.count[CHECK_WARN],
	       hc.count[CHECK_FAIL]);
	return hc.count[CHECK_FAIL] ? 2 : 0;
}
