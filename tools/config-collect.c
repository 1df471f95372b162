// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse config collect FILE.TAR
 *
 * Runs on the target and packs what "jailhouse config create" needs on a
 * host into a plain ustar archive:
 *
 *	sys/firmware/fdt			the device tree (flattened from
 *						/proc/device-tree if the
 *						kernel has no /sys/firmware/fdt)
 *	proc/iomem, interrupts, cpuinfo, cmdline, version, modules
 *	proc/config.gz				if the kernel has it
 *	sys/devices/system/cpu/{online,possible,present}
 *	sys/devices/system/cpu/cpuN/topology/ (every file)
 *	sys/devices/system/cpu/cpuN/regs/identification/{midr,revidr}_el1
 *	jailhouse-collect.txt			what was collected, from where
 *
 * Only the device tree is required; a missing /proc file is noted on
 * stderr, a missing optional one silently left out.  Exit status 0, or 1
 * with the reason.  JAILHOUSE_PROC (default /proc) and
 * JAILHOUSE_SYSFS_ROOT (default /sys) move the files read, for the tests.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "jailhouse.h"

#define CMD			"jailhouse config collect"
#define TAR_BLOCK		512
#define TAR_RECORD		(20 * TAR_BLOCK)
#define MAX_COLLECT_FILE	(64 << 20)
#define MAX_CPUS		4096

struct tar {
	FILE *f;
	const char *path;
	unsigned long long written;
	unsigned int members;
	time_t mtime;
	bool failed;
};

/* A ustar header field: @value in octal, NUL-terminated, in @len bytes */
static void octal(char *field, size_t len, unsigned long long value)
{
	snprintf(field, len, "%0*llo", (int)len - 1, value);
}

static bool tar_write(struct tar *t, const void *data, size_t len)
{
	if (t->failed || (len && fwrite(data, 1, len, t->f) != len)) {
		t->failed = true;
		return false;
	}
	t->written += len;
	return true;
}

/* The name in the 100-byte field, or split into prefix and name. */
static bool tar_name(char header[TAR_BLOCK], const char *name)
{
	size_t len = strlen(name);
	const char *slash;

	if (len < 100) {
		memcpy(header, name, len);
		return true;
	}
	for (slash = name + len; slash > name; slash--)
		if (*slash == '/' && slash - name < 155 &&
		    len - (slash - name) - 1 < 100)
			break;
	if (slash == name)
		return false;
	memcpy(header + 345, name, slash - name);
	memcpy(header, slash + 1, len - (slash - name) - 1);
	return true;
}

/* One regular file, mode 0644, owned by root. */
static bool tar_add(struct tar *t, const char *name, const void *data,
		    size_t size)
{
	static const char zeros[TAR_BLOCK];
	char header[TAR_BLOCK] = { 0 };
	unsigned int sum = 0, n;

	if (!tar_name(header, name)) {
		fprintf(stderr, CMD ": %s: name too long for the archive\n",
			name);
		t->failed = true;
		return false;
	}
	octal(header + 100, 8, 0644);		/* mode */
	octal(header + 108, 8, 0);		/* uid */
	octal(header + 116, 8, 0);		/* gid */
	octal(header + 124, 12, size);
	octal(header + 136, 12, t->mtime);
	memset(header + 148, ' ', 8);		/* checksum, while summed */
	header[156] = '0';			/* regular file */
	memcpy(header + 257, "ustar", 6);	/* magic, NUL-terminated */
	memcpy(header + 263, "00", 2);		/* version */
	memcpy(header + 265, "root", 4);	/* owner and group names */
	memcpy(header + 297, "root", 4);
	for (n = 0; n < TAR_BLOCK; n++)
		sum += (unsigned char)header[n];
	snprintf(header + 148, 8, "%06o", sum);	/* then NUL, space */
	header[155] = ' ';
	t->members++;
	return tar_write(t, header, TAR_BLOCK) && tar_write(t, data, size) &&
	       tar_write(t, zeros, (TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK);
}

/* Two zero blocks end the archive; it is padded to a whole record. */
static bool tar_finish(struct tar *t)
{
	static const char zeros[TAR_RECORD];

	tar_write(t, zeros, 2 * TAR_BLOCK);
	tar_write(t, zeros, (TAR_RECORD - t->written % TAR_RECORD) %
		  TAR_RECORD);
	if (fclose(t->f))
		t->failed = true;
	return !t->failed;
}

struct collect {
	struct tar tar;
	char info[4096];	/* jailhouse-collect.txt */
	size_t info_len;
	char source[SYSFS_PATH_MAX + 16];	/* of the device tree */
};

static void note(struct collect *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void note(struct collect *c, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(c->info + c->info_len, sizeof(c->info) - c->info_len,
			fmt, ap);
	va_end(ap);
	if (len > 0 && c->info_len + len < sizeof(c->info))
		c->info_len += len;
}

/*
 * The file @file under @env's directory as @member; a missing one is
 * said on stderr when @report, and noted in jailhouse-collect.txt.
 */
static bool add_file(struct collect *c, const char *env, const char *def,
		     const char *file, const char *member, bool report)
{
	char path[SYSFS_PATH_MAX];
	size_t size;
	void *data;
	bool ok;

	if (!env_path(path, env, def, file))
		return false;
	data = read_whole_file(path, MAX_COLLECT_FILE, &size);
	if (!data) {
		if (report)
			fprintf(stderr, CMD ": note: %s: %s: left out\n", path,
				strerror(errno));
		note(c, "missing: %s (%s)\n", member, strerror(errno));
		return false;
	}
	ok = tar_add(&c->tar, member, data, size);
	free(data);
	return ok;
}

/* Without root, /proc/iomem lists every range as 00000000-00000000. */
static void check_iomem_addresses(void)
{
	char path[SYSFS_PATH_MAX], line[256];
	bool any = false, zero = true;
	FILE *f;

	if (!env_path(path, "JAILHOUSE_PROC", "/proc", "iomem"))
		return;
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		any = true;
		if (strncmp(line + strspn(line, " "), "00000000-00000000", 17))
			zero = false;
	}
	fclose(f);
	if (any && zero)
		fprintf(stderr, CMD ": warning: %s hides its addresses: run "
			"as root\n", path);
}

static bool add_device_tree(struct collect *c)
{
	struct live_dt dt;
	char why[SYSFS_PATH_MAX + 128];
	bool ok;

	if (!read_live_dt(&dt, why, sizeof(why))) {
		fprintf(stderr, CMD ": %s\n", why);
		return false;
	}
	note(c, "device tree: %s\n", dt.source);
	snprintf(c->source, sizeof(c->source), "%s", dt.source);
	ok = tar_add(&c->tar, "sys/firmware/fdt", dt.fdt, dt.size);
	free(dt.fdt);
	return ok;
}

static int cpu_number(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "cpu", 3) || name[3] < '0' || name[3] > '9')
		return -1;
	n = strtol(name + 3, &end, 10);
	return *end || n >= MAX_CPUS ? -1 : (int)n;
}

/* Every regular file of directory @dir (relative to the sysfs root). */
static bool add_dir_files(struct collect *c, const char *dir)
{
	char path[SYSFS_PATH_MAX], file[SYSFS_PATH_MAX];
	char member[SYSFS_PATH_MAX + 8];
	struct dirent **names;
	struct stat st;
	int num, n;

	if (!env_path(path, "JAILHOUSE_SYSFS_ROOT", "/sys", dir))
		return true;
	num = scandir(path, &names, NULL, alphasort);
	if (num < 0)
		return true;
	for (n = 0; n < num; n++) {
		if (names[n]->d_name[0] != '.' &&
		    snprintf(file, sizeof(file), "%s/%s", dir,
			     names[n]->d_name) < (int)sizeof(file) &&
		    env_path(path, "JAILHOUSE_SYSFS_ROOT", "/sys", file) &&
		    !stat(path, &st) && S_ISREG(st.st_mode) &&
		    !c->tar.failed) {
			snprintf(member, sizeof(member), "sys/%s", file);
			add_file(c, "JAILHOUSE_SYSFS_ROOT", "/sys", file,
				 member, false);
		}
		free(names[n]);
	}
	free(names);
	return !c->tar.failed;
}

static int by_cpu_number(const struct dirent **a, const struct dirent **b)
{
	return cpu_number((*a)->d_name) - cpu_number((*b)->d_name);
}

static int is_cpu_dir(const struct dirent *de)
{
	return cpu_number(de->d_name) >= 0;
}

static bool add_cpus(struct collect *c)
{
	static const char *const lists[] = { "online", "possible", "present" };
	static const char *const regs[] = { "midr_el1", "revidr_el1" };
	char path[SYSFS_PATH_MAX], file[SYSFS_PATH_MAX];
	char member[SYSFS_PATH_MAX + 8];
	struct dirent **cpus;
	unsigned int n, r;
	bool ok = true;
	int num;

	for (n = 0; n < ARRAY_SIZE(lists); n++) {
		snprintf(file, sizeof(file), "devices/system/cpu/%s", lists[n]);
		snprintf(member, sizeof(member), "sys/%s", file);
		add_file(c, "JAILHOUSE_SYSFS_ROOT", "/sys", file, member, true);
	}
	if (!env_path(path, "JAILHOUSE_SYSFS_ROOT", "/sys",
		      "devices/system/cpu"))
		return true;
	num = scandir(path, &cpus, is_cpu_dir, by_cpu_number);
	if (num < 0) {
		fprintf(stderr, CMD ": note: %s: %s: no CPU topology\n", path,
			strerror(errno));
		return true;
	}
	note(c, "cpus: %d\n", num);
	for (n = 0; n < (unsigned int)num; n++) {
		snprintf(file, sizeof(file), "devices/system/cpu/%s/topology",
			 cpus[n]->d_name);
		ok = ok && add_dir_files(c, file);
		for (r = 0; ok && r < ARRAY_SIZE(regs); r++) {
			snprintf(file, sizeof(file), "devices/system/cpu/%s/"
				 "regs/identification/%s", cpus[n]->d_name,
				 regs[r]);
			snprintf(member, sizeof(member), "sys/%s", file);
			add_file(c, "JAILHOUSE_SYSFS_ROOT", "/sys", file,
				 member, false);
			ok = !c->tar.failed;
		}
		free(cpus[n]);
	}
	free(cpus);
	return ok;
}

static bool collect_all(struct collect *c)
{
	static const struct {
		const char *file;
		bool report;	/* say on stderr that it is missing */
	} proc_files[] = {
		{ "iomem", true }, { "interrupts", true }, { "cpuinfo", true },
		{ "cmdline", true }, { "version", false }, { "modules", false },
		{ "config.gz", false },
	};
	char member[64];
	unsigned int n;

	note(c, "jailhouse config collect %s\n", JAILHOUSE_VERSION);
	if (!add_device_tree(c))
		return false;
	check_iomem_addresses();
	for (n = 0; n < ARRAY_SIZE(proc_files) && !c->tar.failed; n++) {
		snprintf(member, sizeof(member), "proc/%s", proc_files[n].file);
		add_file(c, "JAILHOUSE_PROC", "/proc", proc_files[n].file,
			 member, proc_files[n].report);
	}
	if (!c->tar.failed && !add_cpus(c))
		return false;
	return !c->tar.failed &&
	       tar_add(&c->tar, "jailhouse-collect.txt", c->info, c->info_len);
}

int config_collect_command(int argc, char *argv[])
{
	struct collect c = { .info_len = 0 };

	if (argc == 1 && (!strcmp(argv[0], "-h") ||
			  !strcmp(argv[0], "--help"))) {
		printf("Usage: jailhouse config collect FILE.TAR\n\nPacks the "
		       "device tree and the /proc and /sys files that \"jailhouse "
		       "config create\"\nneeds into FILE.TAR, to take to a host "
		       "with Python 3 and Mako (run as root).\n");
		return 0;
	}
	if (argc != 1 || !argv[0][0] || argv[0][0] == '-') {
		fprintf(stderr, "Usage: jailhouse config collect FILE.TAR\n");
		return 1;
	}
	c.tar.path = argv[0];
	c.tar.mtime = time(NULL);
	c.tar.f = fopen(argv[0], "wb");
	if (!c.tar.f) {
		fprintf(stderr, CMD ": %s: %s\n", argv[0], strerror(errno));
		return 1;
	}
	if (!collect_all(&c)) {
		fclose(c.tar.f);
	} else if (tar_finish(&c.tar)) {
		printf("%s: %u files, device tree from %s\n", argv[0],
		       c.tar.members, c.source);
		return 0;
	}
	if (c.tar.failed)
		fprintf(stderr, CMD ": %s: cannot write: %s\n", argv[0],
			strerror(errno ? errno : EIO));
	unlink(argv[0]);
	return 1;
}
