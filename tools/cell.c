// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse cell create | list | load | start | shutdown | destroy | linux |
 * stats
 *
 * Syntax and ioctls as upstream ("cell linux" is in cell-linux.c).  A cell
 * is named by its id (a non-negative number) or by its name; "--name"
 * forces a name.  "cell shutdown" is a load without images, which makes
 * the cell loadable again.  "cell stats" on a terminal refreshes the exit
 * counters every second until q or Ctrl-C, like upstream's viewer (plain
 * ANSI escapes, no curses); into a pipe or file it prints them once, for
 * scripts.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <jailhouse/ioctl.h>

#include "jailhouse.h"

#define CELL_ARG	"{ ID | [--name] NAME }"
#define IMAGE_ARG	"{ IMAGE | { -s | --string } \"STRING\" }"
#define ADDRESS_ARG	"[-a | --address ADDRESS]"
#define LIST_ROW	"%-8s%-24s%-18s%-24s%-24s\n"
#define STATS_NAME	"%-24s"
#define STATS_VALUE	"%12s"

struct cell_command {
	const char *name;
	const char *args;
	int (*run)(const struct cell_command *cmd, int argc, char *argv[]);
	unsigned long ioctl_nr;
	const char *ioctl_name;
};

static const char *const counters[] = {
	"vmexits_total", "vmexits_mmio", "vmexits_management",
	"vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq",
	"vmexits_virt_sgi", "vmexits_psci", "vmexits_smccc",
};

static void print_syntax(FILE *out, const char *prefix,
			 const struct cell_command *cmd)
{
	fprintf(out, "%scell %s%s%s\n", prefix, cmd->name,
		*cmd->args ? " " : "", cmd->args);
}

static int usage_error(const struct cell_command *cmd)
{
	print_syntax(stderr, "Usage: jailhouse ", cmd);
	return 1;
}

static int out_of_memory(const struct cell_command *cmd)
{
	fprintf(stderr, "jailhouse cell %s: out of memory\n", cmd->name);
	return 1;
}

static int cell_ioctl(const struct cell_command *cmd, void *arg)
{
	return call_driver(cmd->ioctl_nr, cmd->ioctl_name, arg);
}

/*
 * "ID", "NAME" or "--name NAME" at @argv into @id; returns the number of
 * arguments taken, 0 if they are missing.
 */
static int parse_cell_id(struct jailhouse_cell_id *id, int argc,
			 char *argv[])
{
	const char *name;
	long long value;
	char *end;
	int used = 1;

	if (argc < 1)
		return 0;
	memset(id, 0, sizeof(*id));
	name = argv[0];
	if (!strcmp(name, "--name")) {
		if (argc < 2)
			return 0;
		name = argv[1];
		used = 2;
	} else {
		errno = 0;
		value = strtoll(name, &end, 0);
		if (*name && !*end && !errno && value >= 0 &&
		    value <= INT32_MAX) {
			id->id = value;
			return 1;
		}
	}
	id->id = JAILHOUSE_CELL_ID_UNUSED;
	memcpy(id->name, name, strnlen(name, JAILHOUSE_CELL_ID_NAMELEN));
	return used;
}

/* The cell argument of a command that takes nothing else */
static bool only_cell_id(const struct cell_command *cmd,
			 struct jailhouse_cell_id *id, int argc, char *argv[])
{
	int used = parse_cell_id(id, argc, argv);

	if (used && used == argc)
		return true;
	usage_error(cmd);
	return false;
}

int create_cell(const struct config_file *file)
{
	struct jailhouse_cell_create create = {
		.config_address = (uintptr_t)file->data,
		.config_size = file->size,
	};

	return call_driver(JAILHOUSE_CELL_CREATE, "JAILHOUSE_CELL_CREATE",
			   &create);
}

static int cell_create(const struct cell_command *cmd, int argc,
		       char *argv[])
{
	struct config_file file;
	int ret;

	if (argc != 1)
		return usage_error(cmd);
	if (!load_checked("cell create", argv[0], false, &file))
		return 1;
	ret = create_cell(&file);
	free((void *)file.data);
	return ret;
}

/* start, shutdown (a load of no images) and destroy */
static int cell_id_command(const struct cell_command *cmd, int argc,
			   char *argv[])
{
	struct jailhouse_cell_load load = { .num_preload_images = 0 };

	if (!only_cell_id(cmd, &load.cell_id, argc, argv))
		return 1;
	/* the jailhouse_cell_id of start and destroy begins the load */
	return cell_ioctl(cmd, &load);
}

static bool is_option(const char *arg, const char *short_name,
		      const char *long_name)
{
	return !strcmp(arg, short_name) || !strcmp(arg, long_name);
}

static bool parse_address(const char *arg, __u64 *address)
{
	char *end;

	errno = 0;
	*address = strtoull(arg, &end, 0);
	if (*arg && !*end && !errno)
		return true;
	fprintf(stderr, "jailhouse cell load: invalid address '%s'\n", arg);
	return false;
}

static bool file_image(struct jailhouse_preload_image *image,
		       const char *path)
{
	size_t size;
	void *data = read_whole_file(path, SIZE_MAX, &size);

	if (!data) {
		fprintf(stderr, "jailhouse cell load: %s: %s\n", path,
			strerror(errno));
		return false;
	}
	image->source_address = (uintptr_t)data;
	image->size = size;
	return true;
}

/* A string image, its terminating NUL included */
static bool string_image(struct jailhouse_preload_image *image,
			 const char *string)
{
	char *copy = strdup(string);

	if (!copy) {
		fprintf(stderr, "jailhouse cell load: out of memory\n");
		return false;
	}
	image->source_address = (uintptr_t)copy;
	image->size = strlen(copy) + 1;
	return true;
}

/* { IMAGE | -s STRING } [-a ADDRESS] ..., at least one */
static int parse_images(const struct cell_command *cmd,
			struct jailhouse_cell_load *load, int argc,
			char *argv[])
{
	struct jailhouse_preload_image *image;
	int n = 0;

	if (argc < 1)
		return usage_error(cmd);
	while (n < argc) {
		if (is_option(argv[n], "-a", "--address"))
			return usage_error(cmd);
		image = &load->image[load->num_preload_images++];
		if (is_option(argv[n], "-s", "--string")) {
			if (++n == argc)
				return usage_error(cmd);
			if (!string_image(image, argv[n]))
				return 1;
		} else if (!file_image(image, argv[n])) {
			return 1;
		}
		if (++n == argc || !is_option(argv[n], "-a", "--address"))
			continue;
		if (++n == argc)
			return usage_error(cmd);
		if (!parse_address(argv[n++], &image->target_address))
			return 1;
	}
	return 0;
}

static int cell_load(const struct cell_command *cmd, int argc, char *argv[])
{
	struct jailhouse_cell_load *load;
	unsigned int n;
	int used, ret;

	/* every image takes one argument at least */
	load = calloc(1, sizeof(*load) + argc * sizeof(load->image[0]));
	if (!load)
		return out_of_memory(cmd);
	used = parse_cell_id(&load->cell_id, argc, argv);
	if (!used)
		ret = usage_error(cmd);
	else
		ret = parse_images(cmd, load, argc - used, argv + used);
	if (!ret)
		ret = cell_ioctl(cmd, load);
	for (n = 0; n < load->num_preload_images; n++)
		free((void *)(uintptr_t)load->image[n].source_address);
	free(load);
	return ret;
}

static int is_visible(const struct dirent *entry)
{
	return entry->d_name[0] != '.';
}

/* The cells' directories, in alphasort order; -1 and errno if none */
static int scan_cells(char path[SYSFS_PATH_MAX], struct dirent ***cells)
{
	if (!sysfs_path(path, "cells"))
		return -1;
	return scandir(path, cells, is_visible, alphasort);
}

static void free_entries(struct dirent **entries, int num)
{
	int n;

	for (n = 0; n < num; n++)
		free(entries[n]);
	if (num >= 0)
		free(entries);
}

/*
 * cells/@dir/@attr in @value; if it cannot be read, "-" and a message
 * on stderr.
 */
static bool cell_attr(const struct cell_command *cmd, const char *dir,
		      const char *attr, char *value, size_t size)
{
	char path[SYSFS_PATH_MAX];

	if (sysfs_path(path, "cells/%s/%s", dir, attr) &&
	    read_text(path, value, size))
		return true;
	fprintf(stderr, "jailhouse cell %s: %s: %s\n", cmd->name, path,
		strerror(errno));
	snprintf(value, size, "-");
	return false;
}

static bool print_cell_row(const struct cell_command *cmd, const char *dir)
{
	static const char *const attrs[] = {
		"name", "state", "cpus_assigned_list", "cpus_failed_list",
	};
	char values[ARRAY_SIZE(attrs)][SYSFS_VALUE_MAX];
	bool ok = true;
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(attrs); n++)
		if (!cell_attr(cmd, dir, attrs[n], values[n],
			       sizeof(values[n])))
			ok = false;
	printf(LIST_ROW, dir, values[0], values[1], values[2], values[3]);
	return ok;
}

static int cell_list(const struct cell_command *cmd, int argc, char *argv[])
{
	char path[SYSFS_PATH_MAX];
	struct dirent **cells;
	int num, n, ret = 0;

	(void)argv;
	if (argc != 0)
		return usage_error(cmd);
	num = scan_cells(path, &cells);
	if (num < 0) {
		/* no cells directory: the driver is not loaded */
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "jailhouse cell list: %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	if (num > 0)
		printf(LIST_ROW, "ID", "Name", "State", "Assigned CPUs",
		       "Failed CPUs");
	for (n = 0; n < num; n++)
		if (!print_cell_row(cmd, cells[n]->d_name))
			ret = 1;
	free_entries(cells, num);
	return ret;
}

/* The sysfs directory of the cell @id names, in @dir; false if none */
static bool find_cell(const struct jailhouse_cell_id *id,
		      char dir[NAME_MAX + 1])
{
	char path[SYSFS_PATH_MAX], name[SYSFS_VALUE_MAX];
	struct dirent **cells;
	struct stat st;
	bool found = false;
	int num, n;

	if (id->id != JAILHOUSE_CELL_ID_UNUSED) {
		snprintf(dir, NAME_MAX + 1, "%d", id->id);
		return sysfs_path(path, "cells/%s", dir) &&
			!stat(path, &st) && S_ISDIR(st.st_mode);
	}
	num = scan_cells(path, &cells);
	for (n = 0; n < num && !found; n++) {
		found = sysfs_path(path, "cells/%s/name", cells[n]->d_name) &&
			read_text(path, name, sizeof(name)) &&
			!strcmp(name, id->name);
		if (found)
			snprintf(dir, NAME_MAX + 1, "%s", cells[n]->d_name);
	}
	free_entries(cells, num);
	return found;
}

bool cell_exists(const char *name)
{
	struct jailhouse_cell_id id = { .id = JAILHOUSE_CELL_ID_UNUSED };
	char dir[NAME_MAX + 1];

	memcpy(id.name, name, strnlen(name, JAILHOUSE_CELL_ID_NAMELEN));
	return find_cell(&id, dir);
}

static int no_such_cell(const struct cell_command *cmd,
			const struct jailhouse_cell_id *id)
{
	fprintf(stderr, "jailhouse cell %s: no cell ", cmd->name);
	if (id->id == JAILHOUSE_CELL_ID_UNUSED)
		fprintf(stderr, "named '%s'\n", id->name);
	else
		fprintf(stderr, "with id %d\n", id->id);
	return 1;
}

static int is_cpu_dir(const struct dirent *entry)
{
	const char *number = entry->d_name + 3;

	return !strncmp(entry->d_name, "cpu", 3) && *number &&
		strspn(number, "0123456789") == strlen(number);
}

static int by_cpu_number(const struct dirent **a, const struct dirent **b)
{
	unsigned long cpu_a = strtoul((*a)->d_name + 3, NULL, 10);
	unsigned long cpu_b = strtoul((*b)->d_name + 3, NULL, 10);

	return cpu_a < cpu_b ? -1 : cpu_a > cpu_b;
}

/* One value of statistics/[@cpu/]@counter of the cell in @dir */
static bool print_stat(const struct cell_command *cmd, const char *dir,
		       const char *cpu, const char *counter)
{
	char attr[NAME_MAX * 2 + 16], value[SYSFS_VALUE_MAX];
	bool ok;

	snprintf(attr, sizeof(attr), "statistics/%s%s%s", cpu ? cpu : "",
		 cpu ? "/" : "", counter);
	ok = cell_attr(cmd, dir, attr, value, sizeof(value));
	printf(STATS_VALUE, value);
	return ok;
}

/* A table: the counters down, their total and each CPU's value across */
static bool print_stats(const struct cell_command *cmd, const char *dir,
			struct dirent **cpus, int num_cpus)
{
	bool ok = true;
	unsigned int c;
	int n;

	printf(STATS_NAME STATS_VALUE, "counter", "total");
	for (n = 0; n < num_cpus; n++)
		printf(STATS_VALUE, cpus[n]->d_name);
	printf("\n");
	for (c = 0; c < ARRAY_SIZE(counters); c++) {
		printf(STATS_NAME, counters[c]);
		if (!print_stat(cmd, dir, NULL, counters[c]))
			ok = false;
		for (n = 0; n < num_cpus; n++)
			if (!print_stat(cmd, dir, cpus[n]->d_name,
					counters[c]))
				ok = false;
		printf("\n");
	}
	return ok;
}

/* The statistics of the cell in @dir once; false if a value is missing */
static bool show_stats(const struct cell_command *cmd, const char *dir)
{
	char path[SYSFS_PATH_MAX], name[SYSFS_VALUE_MAX];
	struct dirent **cpus = NULL;
	int num_cpus = -1;
	bool ok;

	ok = cell_attr(cmd, dir, "name", name, sizeof(name));
	printf("Statistics for %s cell\n", name);
	/* without per-CPU directories, only the totals */
	if (sysfs_path(path, "cells/%s/statistics", dir))
		num_cpus = scandir(path, &cpus, is_cpu_dir, by_cpu_number);
	if (!print_stats(cmd, dir, cpus, num_cpus))
		ok = false;
	free_entries(cpus, num_cpus);
	return ok;
}

static volatile sig_atomic_t stats_interrupted;

static void stop_stats(int sig)
{
	(void)sig;
	stats_interrupted = 1;
}

/* Up to a second for a key on the terminal: true for q (or Ctrl-C) */
static bool quit_key(bool have_tty)
{
	struct timeval wait = { .tv_sec = 1 };
	fd_set keys;
	char key;

	FD_ZERO(&keys);
	if (have_tty)
		FD_SET(STDIN_FILENO, &keys);
	if (select(have_tty ? STDIN_FILENO + 1 : 0, &keys, NULL, NULL,
		   &wait) <= 0)
		return stats_interrupted;
	return read(STDIN_FILENO, &key, 1) != 1 || key == 'q' ||
		key == 'Q' || stats_interrupted;
}

/* Refresh every second on the terminal until q, Ctrl-C or the cell goes */
static int live_stats(const struct cell_command *cmd,
		      struct jailhouse_cell_id *id, char dir[NAME_MAX + 1])
{
	bool have_tty = isatty(STDIN_FILENO);
	struct termios saved, keys;
	int ret = 0;

	if (have_tty && !tcgetattr(STDIN_FILENO, &saved)) {
		keys = saved;
		keys.c_lflag &= ~(ICANON | ECHO);
		tcsetattr(STDIN_FILENO, TCSANOW, &keys);
	} else {
		have_tty = false;
	}
	signal(SIGINT, stop_stats);
	signal(SIGTERM, stop_stats);
	do {
		if (!find_cell(id, dir)) {
			printf("\nThe cell is gone.\n");
			break;
		}
		printf("\033[H\033[2J");
		if (!show_stats(cmd, dir))
			ret = 1;
		printf("\nRefreshed every second; q or Ctrl-C quits.\n");
		fflush(stdout);
	} while (!quit_key(have_tty));
	if (have_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return ret;
}

static int cell_stats(const struct cell_command *cmd, int argc,
		      char *argv[])
{
	struct jailhouse_cell_id id;
	char dir[NAME_MAX + 1];

	if (!only_cell_id(cmd, &id, argc, argv))
		return 1;
	if (!find_cell(&id, dir))
		return no_such_cell(cmd, &id);
	if (isatty(STDOUT_FILENO))
		return live_stats(cmd, &id, dir);
	return show_stats(cmd, dir) ? 0 : 1;
}

static int cell_linux(const struct cell_command *cmd, int argc,
		      char *argv[])
{
	(void)cmd;
	return cell_linux_command(argc, argv);
}

static const struct cell_command cell_commands[] = {
	{ "create", "CELLCONFIG", cell_create, 0, NULL },
	{ "list", "", cell_list, 0, NULL },
	{ "load", CELL_ARG " " IMAGE_ARG " " ADDRESS_ARG " ...", cell_load,
	  JAILHOUSE_CELL_LOAD, "JAILHOUSE_CELL_LOAD" },
	{ "start", CELL_ARG, cell_id_command,
	  JAILHOUSE_CELL_START, "JAILHOUSE_CELL_START" },
	{ "shutdown", CELL_ARG, cell_id_command,
	  JAILHOUSE_CELL_LOAD, "JAILHOUSE_CELL_LOAD" },
	{ "destroy", CELL_ARG, cell_id_command,
	  JAILHOUSE_CELL_DESTROY, "JAILHOUSE_CELL_DESTROY" },
	{ "linux", CELL_LINUX_ARGS, cell_linux, 0, NULL },
	{ "stats", CELL_ARG, cell_stats, 0, NULL },
};

void cell_usage(FILE *out)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(cell_commands); n++)
		print_syntax(out, "   ", &cell_commands[n]);
}

int cell_command(int argc, char *argv[])
{
	unsigned int n;

	for (n = 0; argc >= 1 && n < ARRAY_SIZE(cell_commands); n++)
		if (!strcmp(argv[0], cell_commands[n].name))
			return cell_commands[n].run(&cell_commands[n],
						    argc - 1, argv + 1);
	fprintf(stderr, "jailhouse cell: unknown sub-command '%s'\n",
		argc >= 1 ? argv[0] : "");
	usage(stderr);
	return 1;
}
