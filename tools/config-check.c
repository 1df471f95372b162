// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse config check SYSCONFIG [CELLCONFIG...]
 *
 * Reads the configurations, converts upstream revision-14 files, runs the
 * checker the hypervisor also runs, and prints one line per problem:
 *
 *	FILE: FIELD: VALUE: what is wrong; hint
 *
 * Exit status 1 when there are errors, 0 otherwise (warnings included),
 * with a one-line summary either way.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>
#include <jailhouse/config-convert.h>

#include "jailhouse.h"

/* Largest configuration accepted; real ones are a few KiB. */
#define MAX_CONFIG_SIZE		(16 << 20)

void print_problem(struct config_checker *chk,
			  enum config_severity sev, const char *file,
			  const char *field, const char *value,
			  const char *text)
{
	(void)chk;
	printf("%s: %s: %s: %s%s\n", file, field, value,
	       sev == CONFIG_WARNING ? "warning: " : "", text);
}

void *read_whole_file(const char *path, size_t max, size_t *size)
{
	size_t len = 0, cap = 0;
	char *buf = NULL, *more;
	FILE *f = fopen(path, "rb");
	int err = 0;

	if (!f)
		return NULL;
	while (!err && !feof(f)) {
		if (len == cap) {
			cap = cap ? 2 * cap : 64 << 10;
			more = realloc(buf, cap);
			if (!more) {
				err = ENOMEM;
				break;
			}
			buf = more;
		}
		len += fread(buf + len, 1, cap - len, f);
		if (ferror(f))
			err = errno ? errno : EIO;
		else if (len > max)
			err = EFBIG;
	}
	fclose(f);
	if (err) {
		free(buf);
		errno = err;
		return NULL;
	}
	*size = len;
	return buf;
}

static void *read_file(const char *path, u64 *size)
{
	size_t len;
	void *buf = read_whole_file(path, MAX_CONFIG_SIZE, &len);

	if (!buf) {
		if (errno == EFBIG)
			printf("%s: larger than 16 MiB: not a configuration\n",
			       path);
		else
			printf("%s: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	*size = len;
	return buf;
}

/* Load @path into @file, converted to revision 15; false on failure. */
bool load_config(const char *path, struct config_file *file,
			unsigned int *errors)
{
	const char *why = NULL;
	u64 size, native;
	void *data, *converted;

	data = read_file(path, &size);
	if (!data) {
		(*errors)++;
		return false;
	}
	file->name = path;
	file->data = data;
	file->size = size;
	native = jailhouse_config_native_size(data, size, &why);
	if (native == size && size >= 8 &&
	    ((const u8 *)data)[6] == JAILHOUSE_CONFIG_REVISION)
		return true;
	/* another revision or not a config: the checker explains */
	if (!native && (size < 8 || ((const u8 *)data)[6] !=
			JAILHOUSE_CONFIG_REVISION_V14))
		return true;

	converted = native ? malloc(native) : NULL;
	if (!converted ||
	    jailhouse_config_convert(data, size, converted, native, &why)) {
		printf("%s: revision: 14: cannot convert: %s\n", path,
		       converted || !native ? why : "out of memory");
		free(converted);
		free(data);
		file->data = NULL;
		(*errors)++;
		return false;
	}
	printf("%s: revision: 14: note: upstream revision-14 file, checked "
	       "as converted to revision 15\n", path);
	free(data);
	file->data = converted;
	file->size = native;
	return true;
}

bool load_checked(const char *cmd, const char *path, bool system,
		  struct config_file *file)
{
	struct config_checker chk = { .report = print_problem };
	unsigned int errors = 0;

	if (!load_config(path, file, &errors))
		return false;
	/* refuse here what the driver would refuse, naming the file */
	if (system ? config_check(&chk, file, NULL, 0) :
		     config_check(&chk, NULL, file, 1)) {
		fprintf(stderr, "jailhouse %s: %s has %u error%s, not %s\n",
			cmd, path, chk.errors, chk.errors == 1 ? "" : "s",
			system ? "enabled" : "created");
		free((void *)file->data);
		file->data = NULL;
		return false;
	}
	return true;
}

int config_check_command(int argc, char *argv[])
{
	struct config_checker chk = { .report = print_problem };
	struct config_file *files;
	unsigned int n, loaded = 0, load_errors = 0;

	if (argc < 1 || !strcmp(argv[0], "-h") || !strcmp(argv[0], "--help")) {
		fprintf(argc < 1 ? stderr : stdout,
			"Usage: jailhouse config check SYSCONFIG "
			"[CELLCONFIG...]\n\nChecks a system configuration "
			"and the cell configurations meant to run with it.\n");
		return argc < 1 ? 1 : 0;
	}
	files = calloc(argc, sizeof(*files));
	if (!files) {
		fprintf(stderr, "jailhouse config check: out of memory\n");
		return 1;
	}
	for (n = 0; n < (unsigned int)argc; n++)
		if (load_config(argv[n], &files[n], &load_errors))
			loaded++;

	if (!load_errors)
		config_check(&chk, &files[0], &files[1], argc - 1);

	for (n = 0; n < (unsigned int)argc; n++)
		free((void *)files[n].data);
	free(files);

	if (load_errors || chk.errors) {
		printf("config check: %u error%s, %u warning%s\n",
		       chk.errors + load_errors,
		       chk.errors + load_errors == 1 ? "" : "s", chk.warnings,
		       chk.warnings == 1 ? "" : "s");
		return 1;
	}
	printf("config check: %s and %d cell configuration%s: no errors, "
	       "%u warning%s\n", argv[0], argc - 1, argc == 2 ? "" : "s",
	       chk.warnings, chk.warnings == 1 ? "" : "s");
	return 0;
}
