// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration checker (common/config-check.c) with the production
 * SoC tables and the test table, on a system configuration and up to
 * eight cell configurations: the pieces of the input between separators
 * (fuzz.h).  An empty first piece checks the cells on their own, as the
 * tool does for "cell create".  Each piece is copied into a buffer of
 * exactly its size, so a read past its end is a crash.
 *
 * Invariants: every report names a field, a value and a text and one of
 * the files given; the errors reported are the errors returned; a second
 * run says the same; the files are not written; a configuration accepted
 * is as long as its own counts say, at least.
 */
#include "fuzz.h"

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/config-check.h>

static const char *const names[FUZZ_MAX_PIECES] = {
	"system", "cell1", "cell2", "cell3", "cell4", "cell5", "cell6",
	"cell7", "cell8",
};

struct tally {
	unsigned int errors, warnings;
	unsigned long hash;
};

static void report(struct config_checker *chk, enum config_severity sev,
		   const char *file, const char *field, const char *value,
		   const char *text)
{
	struct tally *t = chk->priv;
	const char *s;
	unsigned int n;

	fuzz_assert(sev == CONFIG_ERROR || sev == CONFIG_WARNING);
	fuzz_assert(file && field && value && text);
	fuzz_assert(*field && *text);
	for (n = 0; n < FUZZ_MAX_PIECES; n++)
		if (!strcmp(file, names[n]))
			break;
	fuzz_assert(n < FUZZ_MAX_PIECES);
	fuzz_assert(strlen(field) < 256 && strlen(value) < 256 &&
		    strlen(text) < 1024);
	if (sev == CONFIG_ERROR)
		t->errors++;
	else
		t->warnings++;
	for (s = text; *s; s++)
		t->hash = t->hash * 31 + (unsigned char)*s;
	for (s = field; *s; s++)
		t->hash = t->hash * 31 + (unsigned char)*s;
}

static unsigned int run_check(const struct config_file *sys,
			      const struct config_file *cells,
			      unsigned int num, struct tally *t)
{
	struct config_checker chk = { .report = report, .priv = t };
	unsigned int errors;

	memset(t, 0, sizeof(*t));
	errors = config_check(&chk, sys, cells, num);
	fuzz_assert(errors == chk.errors && errors == t->errors);
	fuzz_assert(chk.warnings == t->warnings);
	return errors;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_piece pieces[FUZZ_MAX_PIECES];
	struct config_file files[FUZZ_MAX_PIECES];
	void *copies[FUZZ_MAX_PIECES];
	const struct jailhouse_cell_desc *desc;
	struct tally first, second;
	unsigned int num = fuzz_split(data, size, pieces), n, errors;
	const struct config_file *sys = NULL;

	for (n = 0; n < num; n++) {
		/* malloc(0) may give NULL: a byte more, never read */
		copies[n] = malloc(pieces[n].size ?: 1);
		fuzz_assert(copies[n]);
		memcpy(copies[n], pieces[n].data, pieces[n].size);
		files[n].name = names[n];
		files[n].data = copies[n];
		files[n].size = pieces[n].size;
	}
	if (files[0].size)
		sys = &files[0];

	errors = run_check(sys, files + 1, num - 1, &first);
	run_check(sys, files + 1, num - 1, &second);
	fuzz_assert(first.errors == second.errors &&
		    first.warnings == second.warnings &&
		    first.hash == second.hash);

	for (n = 0; n < num; n++)
		fuzz_assert(!memcmp(copies[n], pieces[n].data,
				    pieces[n].size));
	if (!errors && (sys || num > 1)) {
		if (sys)
			fuzz_assert(jailhouse_system_config_size(sys->data) <=
				    sys->size);
		for (n = 1; n < num; n++) {
			desc = files[n].data;
			fuzz_assert(files[n].size >= sizeof(*desc));
			fuzz_assert(jailhouse_cell_config_size(desc) <=
				    files[n].size);
		}
	}
	for (n = 0; n < num; n++)
		free(copies[n]);
	return 0;
}
