// SPDX-License-Identifier: GPL-2.0
/*
 * The running kernel's device tree, for "config collect" and "hardware
 * check": /sys/firmware/fdt as the boot loader passed it, or, on a kernel
 * without that file, /proc/device-tree flattened back into a blob with
 * libfdt.  Plus what both commands ask of it: whether a node is enabled,
 * and where its registers are in the CPU's address space.
 *
 * JAILHOUSE_PROC (default /proc) and JAILHOUSE_SYSFS_ROOT (default /sys)
 * move the files read, for the tests.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libfdt.h>

#include "jailhouse.h"

/* Largest device tree accepted, and largest property file */
#define MAX_FDT_SIZE		(64 << 20)
#define MAX_PROP_SIZE		(16 << 20)
/* Deeper than any real tree: a guard against a broken fake one */
#define MAX_DEPTH		32

bool env_path(char path[SYSFS_PATH_MAX], const char *env, const char *def,
	      const char *file)
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

struct dir_entry {
	char *name;
	bool is_dir;
};

/* Where flattening failed: a file (errno) or libfdt (fdt_err) */
struct flatten {
	char path[SYSFS_PATH_MAX];
	int err;
	int fdt_err;
};

static bool flatten_fail(struct flatten *fl, const char *path, int err)
{
	snprintf(fl->path, sizeof(fl->path), "%s", path);
	fl->err = err;
	return false;
}

/* Node names compare by name, then numerically by unit address. */
static int node_order(const char *a, const char *b)
{
	size_t la = strcspn(a, "@"), lb = strcspn(b, "@");
	unsigned long long ua, ub;
	int diff = strncmp(a, b, la < lb ? la : lb);

	if (diff || la != lb)
		return diff ? diff : (la < lb ? -1 : 1);
	if (a[la] && b[lb]) {
		ua = strtoull(a + la + 1, NULL, 16);
		ub = strtoull(b + lb + 1, NULL, 16);
		if (ua != ub)
			return ua < ub ? -1 : 1;
	}
	return strcmp(a, b);
}

static int entry_order(const void *x, const void *y)
{
	const struct dir_entry *a = x, *b = y;

	if (a->is_dir != b->is_dir)
		return a->is_dir ? 1 : -1;	/* properties first */
	return a->is_dir ? node_order(a->name, b->name) :
			   strcmp(a->name, b->name);
}

static void free_entries(struct dir_entry *entries, unsigned int num)
{
	unsigned int n;

	for (n = 0; n < num; n++)
		free(entries[n].name);
	free(entries);
}

/* The properties and sub-nodes of @path, properties first, sorted. */
static bool list_dir(struct flatten *fl, const char *path,
		     struct dir_entry **out, unsigned int *num)
{
	char child[SYSFS_PATH_MAX];
	struct dir_entry *entries = NULL, *more;
	unsigned int cap = 0, count = 0;
	DIR *dir = opendir(path);
	struct dirent *de;
	struct stat st;

	if (!dir)
		return flatten_fail(fl, path, errno);
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (snprintf(child, sizeof(child), "%s/%s", path,
			     de->d_name) >= (int)sizeof(child) ||
		    lstat(child, &st)) {
			flatten_fail(fl, child, errno ? errno : ENAMETOOLONG);
			goto fail;
		}
		if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
			continue;
		if (count == cap) {
			cap = cap ? 2 * cap : 32;
			more = realloc(entries, cap * sizeof(*more));
			if (!more) {
				flatten_fail(fl, path, ENOMEM);
				goto fail;
			}
			entries = more;
		}
		entries[count].name = strdup(de->d_name);
		entries[count].is_dir = S_ISDIR(st.st_mode);
		if (!entries[count++].name) {
			flatten_fail(fl, path, ENOMEM);
			goto fail;
		}
	}
	closedir(dir);
	if (count)
		qsort(entries, count, sizeof(*entries), entry_order);
	*out = entries;
	*num = count;
	return true;
fail:
	closedir(dir);
	free_entries(entries, count);
	return false;
}

static bool add_property(struct flatten *fl, void *fdt, const char *path,
			 const char *name)
{
	size_t len;
	void *data = read_whole_file(path, MAX_PROP_SIZE, &len);
	int err;

	if (!data)
		return flatten_fail(fl, path, errno);
	err = fdt_property(fdt, name, data, len);
	free(data);
	fl->fdt_err = err;
	return !err;
}

/*
 * The node in directory @path.  The kernel adds a "name" property to
 * every node it unflattens; it is not part of the boot loader's tree.
 */
static bool add_node(struct flatten *fl, void *fdt, const char *path,
		     unsigned int depth)
{
	char child[SYSFS_PATH_MAX];
	struct dir_entry *entries;
	unsigned int num, n;
	bool ok = true;

	if (depth > MAX_DEPTH)
		return flatten_fail(fl, path, ELOOP);
	if (!list_dir(fl, path, &entries, &num))
		return false;
	for (n = 0; ok && n < num; n++) {
		snprintf(child, sizeof(child), "%s/%s", path, entries[n].name);
		if (!entries[n].is_dir) {
			if (strcmp(entries[n].name, "name"))
				ok = add_property(fl, fdt, child,
						  entries[n].name);
			continue;
		}
		fl->fdt_err = fdt_begin_node(fdt, entries[n].name);
		ok = !fl->fdt_err && add_node(fl, fdt, child, depth + 1);
		if (ok)
			fl->fdt_err = fdt_end_node(fdt);
		ok = ok && !fl->fdt_err;
	}
	free_entries(entries, num);
	return ok;
}

static bool flatten_into(struct flatten *fl, void *fdt, size_t size,
			 const char *dir)
{
	fl->fdt_err = fdt_create(fdt, size);
	if (!fl->fdt_err)
		fl->fdt_err = fdt_finish_reservemap(fdt);
	if (!fl->fdt_err)
		fl->fdt_err = fdt_begin_node(fdt, "");
	if (fl->fdt_err || !add_node(fl, fdt, dir, 0))
		return false;
	fl->fdt_err = fdt_end_node(fdt);
	if (!fl->fdt_err)
		fl->fdt_err = fdt_finish(fdt);
	return !fl->fdt_err;
}

/* /proc/device-tree as a blob, growing the buffer until it fits */
static bool flatten_tree(struct live_dt *dt, const char *dir, char *why,
			 size_t why_len)
{
	struct flatten fl = { .err = 0 };
	size_t size;
	void *buf;

	for (size = 1 << 20; size <= MAX_FDT_SIZE; size *= 2) {
		buf = malloc(size);
		if (!buf) {
			snprintf(why, why_len, "out of memory");
			return false;
		}
		fl.err = fl.fdt_err = 0;
		if (flatten_into(&fl, buf, size, dir)) {
			dt->fdt = buf;
			dt->size = fdt_totalsize(buf);
			return true;
		}
		free(buf);
		if (fl.err) {
			snprintf(why, why_len, "%s: %s", fl.path,
				 strerror(fl.err));
			return false;
		}
		if (fl.fdt_err != -FDT_ERR_NOSPACE)
			break;
	}
	snprintf(why, why_len, "%s: cannot flatten: %s", dir,
		 fdt_strerror(fl.fdt_err));
	return false;
}

bool read_live_dt(struct live_dt *dt, char *why, size_t why_len)
{
	char fdt_path[SYSFS_PATH_MAX], tree[SYSFS_PATH_MAX];
	struct stat st;
	int err;

	dt->fdt = NULL;
	if (!env_path(fdt_path, "JAILHOUSE_SYSFS_ROOT", "/sys",
		      "firmware/fdt") ||
	    !env_path(tree, "JAILHOUSE_PROC", "/proc", "device-tree")) {
		snprintf(why, why_len, "path too long");
		return false;
	}
	dt->fdt = read_whole_file(fdt_path, MAX_FDT_SIZE, &dt->size);
	if (dt->fdt) {
		snprintf(dt->source, sizeof(dt->source), "%s", fdt_path);
		dt->flattened = false;
		err = dt->size < sizeof(struct fdt_header) ?
			-FDT_ERR_TRUNCATED : fdt_check_header(dt->fdt);
		if (!err && fdt_totalsize(dt->fdt) > dt->size)
			err = -FDT_ERR_TRUNCATED;
		if (!err)
			return true;
		snprintf(why, why_len, "%s: not a device tree blob: %s",
			 fdt_path, fdt_strerror(err));
		free(dt->fdt);
		dt->fdt = NULL;
		return false;
	}
	if (errno != ENOENT && errno != EACCES) {
		snprintf(why, why_len, "%s: %s", fdt_path, strerror(errno));
		return false;
	}
	if (stat(tree, &st) || !S_ISDIR(st.st_mode)) {
		snprintf(why, why_len, "no device tree: neither %s nor %s "
			 "can be read", fdt_path, tree);
		return false;
	}
	snprintf(dt->source, sizeof(dt->source), "%s (flattened)", tree);
	dt->flattened = true;
	return flatten_tree(dt, tree, why, why_len);
}

/* A property that is a string equal to @value */
static bool prop_is(const void *fdt, int node, const char *name,
		    const char *value)
{
	int len;
	const char *p = fdt_getprop(fdt, node, name, &len);

	return p && len > 0 && strnlen(p, len) == strlen(value) &&
	       !strcmp(p, value);
}

bool dt_enabled(const void *fdt, int node)
{
	const char *status;
	int len;

	for (; node > 0; node = fdt_parent_offset(fdt, node)) {
		status = fdt_getprop(fdt, node, "status", &len);
		if (status && len > 0 && strncmp(status, "okay", len) &&
		    strncmp(status, "ok", len))
			return false;
	}
	return true;
}

static u64 read_cells(const fdt32_t *p, int cells)
{
	u64 value = 0;
	int n;

	for (n = 0; n < cells; n++)
		value = (value << 32) | fdt32_to_cpu(p[n]);
	return value;
}

static int cells_of(const void *fdt, int node, const char *name, int def)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	return p && len == 4 ? (int)fdt32_to_cpu(*p) : def;
}

/*
 * @addr of the address space of the children of @bus, in the space of
 * the bus's parent; false if the bus does not map it there (no ranges,
 * or none that covers it: an I2C or SPI bus, say, or a PCI bus).
 */
static bool up_one_bus(const void *fdt, int bus, u64 *addr)
{
	int parent = fdt_parent_offset(fdt, bus), len, ac, pac, sc, n, step;
	const fdt32_t *r = fdt_getprop(fdt, bus, "ranges", &len);
	u64 child, to, size;

	if (!r || prop_is(fdt, bus, "device_type", "pci"))
		return false;
	if (!len)
		return true;
	ac = cells_of(fdt, bus, "#address-cells", 2);
	sc = cells_of(fdt, bus, "#size-cells", 1);
	pac = cells_of(fdt, parent, "#address-cells", 2);
	step = ac + pac + sc;
	if (ac > 2 || pac > 2 || sc > 2 || step <= 0)
		return false;
	for (n = 0; (n + step) * 4 <= len; n += step) {
		child = read_cells(r + n, ac);
		to = read_cells(r + n + ac, pac);
		size = read_cells(r + n + ac + pac, sc);
		if (*addr >= child && *addr - child < size) {
			*addr = to + (*addr - child);
			return true;
		}
	}
	return false;
}

int dt_reg(const void *fdt, int node, int index, u64 *addr, u64 *size)
{
	int bus = fdt_parent_offset(fdt, node), len, ac, sc;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (bus < 0 || !reg)
		return 0;
	ac = cells_of(fdt, bus, "#address-cells", 2);
	sc = cells_of(fdt, bus, "#size-cells", 1);
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return -1;
	if ((index + 1) * (ac + sc) * 4 > len)
		return 0;
	*addr = read_cells(reg + index * (ac + sc), ac);
	*size = read_cells(reg + index * (ac + sc) + ac, sc);
	for (; bus > 0; bus = fdt_parent_offset(fdt, bus))
		if (!up_one_bus(fdt, bus, addr))
			return -1;
	return 1;
}
