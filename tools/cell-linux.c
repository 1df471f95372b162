// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse cell linux: boot an arm64 Linux kernel in a new cell.
 *
 * The kernel (an Image, or an Image.gz decompressed here), the cell's
 * device tree with /memory and /chosen rewritten, and the initrd go to
 * the first RAM region of the cell they fit in; linux-loader.bin goes to
 * the cell's cpu_reset_address and its "kernel=0x... dtb=0x..." string
 * 0x1000 after it.  Then the cell is created, loaded with one CELL_LOAD
 * and started.  With -w the tool touches no driver: it writes the device
 * tree and prints the equivalent jailhouse commands (upstream's output),
 * so it also runs on a build host.
 *
 * Where upstream's script differs (Documentation/hypervisor.md): the
 * Image's image_size is honoured, an existing cell is refused rather than
 * reused, memory@ nodes are replaced rather than left beside a new one,
 * and the loader string carries its terminating NUL.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libfdt.h>
#include <zlib.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/ioctl.h>

#include "jailhouse.h"

#define CMD			"jailhouse cell linux"

#ifndef LIBEXECDIR
#define LIBEXECDIR		"/usr/libexec"
#endif
#define LOADER_NAME		"linux-loader.bin"
#define LOADER_BUILD_PATH	"/../inmates/tools/arm64/" LOADER_NAME
#define LOADER_ARGS_OFFSET	0x1000ULL

#define SZ_4K			0x1000ULL
#define SZ_8K			0x2000ULL
#define SZ_1M			0x100000ULL
#define SZ_2M			0x200000ULL
#define SZ_1G			0x40000000ULL
#define ALIGN_UP(x, a)		(((x) + (a) - 1) & ~((a) - 1))
#define PAGE_ALIGN(x)		ALIGN_UP(x, SZ_4K)

/* The arm64 Image header (Documentation/arch/arm64/booting.rst) */
#define IMAGE_HEADER_SIZE	64
#define IMAGE_TEXT_OFFSET	8
#define IMAGE_SIZE		16
#define IMAGE_FLAGS		24
#define IMAGE_MAGIC_OFFSET	56
#define IMAGE_MAGIC		0x644d5241	/* "ARM\x64" */
#define IMAGE_FLAG_BE		0x1
#define IMAGE_OLD_TEXT_OFFSET	0x80000		/* image_size 0: pre-3.17 */

/* What inflate_more() returns when the kernel would exceed 1 GiB */
#define INFLATE_TOO_LARGE	100

/* Beyond these, no kernel: the arithmetic below stays far from overflow */
#define MAX_KERNEL_SIZE		SZ_1G
#define MAX_FILE_SIZE		(16 * SZ_1G)
#define MAX_FACTOR		64
/* Room for the fix-ups besides the -c string and the reg pairs */
#define FIXUP_ROOM		4096

/* RAM for Linux: these flags, and none of IO, COMM_REGION, ROOTSHARED */
#define RAM_FLAGS		(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA)
#define RAM_FLAGS_MASK		(RAM_FLAGS | JAILHOUSE_MEM_IO | \
				 JAILHOUSE_MEM_COMM_REGION | \
				 JAILHOUSE_MEM_ROOTSHARED)

struct linux_args {
	const char *config, *kernel, *dtb, *initrd, *cmdline, *params;
	unsigned long factor;
};

struct blob {
	void *data;
	size_t size;
};

struct kernel_image {
	struct blob image;	/* decompressed */
	bool zipped;
	u64 text_offset;
	u64 image_size;		/* from the header, at least the file size */
};

struct dtb {
	const char *path;
	void *fdt;
	size_t room;		/* size of the buffer at fdt */
	int address_cells;	/* of /: 1 or 2 */
	int size_cells;
};

/* Where everything goes: cell addresses */
struct placement {
	const struct jailhouse_memory *region;
	u64 need;		/* bytes from the region's start */
	u64 dtb, kernel, initrd;
};

struct boot {
	struct config_file config;
	const struct jailhouse_cell_desc *cell;
	struct kernel_image kernel;
	struct blob initrd;
	struct dtb dtb;
	struct placement at;
	struct blob loader;
	char loader_args[64];
};

static void usage_line(FILE *out)
{
	fprintf(out, "Usage: jailhouse cell linux " CELL_LINUX_ARGS "\n");
}

static bool fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static bool fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, CMD ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	return false;
}

static const char *human_size(char buf[32], u64 bytes)
{
	static const char *const units[] = { "KiB", "MiB", "GiB" };
	double value = bytes;
	unsigned int unit = 0;
	int len;

	if (bytes < 1024) {
		snprintf(buf, 32, "%llu bytes", bytes);
		return buf;
	}
	for (value /= 1024; value >= 1024 && unit < 2; value /= 1024)
		unit++;
	len = snprintf(buf, 32, "%.1f", value);
	if (len > 2 && !strcmp(buf + len - 2, ".0"))
		len -= 2;
	snprintf(buf + len, 32 - len, " %s", units[unit]);
	return buf;
}

/* The little-endian number of @bytes bytes at @p */
static u64 get_le(const u8 *p, int bytes)
{
	u64 value = 0;

	while (bytes--)
		value = value << 8 | p[bytes];
	return value;
}

/* ---- arguments ---- */

static const struct option long_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "dtb", required_argument, NULL, 'd' },
	{ "initrd", required_argument, NULL, 'i' },
	{ "cmdline", required_argument, NULL, 'c' },
	{ "write-params", required_argument, NULL, 'w' },
	{ "arch", required_argument, NULL, 'a' },
	{ "kernel-decomp-factor", required_argument, NULL, 'k' },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	usage_line(stdout);
	printf("\nBoots a Linux kernel in a new cell through " LOADER_NAME
	       ".\n\n"
	       "  CELLCONFIG            the cell's configuration (.cell)\n"
	       "  KERNEL                arm64 Image or Image.gz\n"
	       "  -d, --dtb DTB         the cell's device tree (required)\n"
	       "  -i, --initrd FILE     initramfs or initrd\n"
	       "  -c, --cmdline STRING  kernel command line (/chosen/"
	       "bootargs)\n"
	       "  -w, --write-params FILE\n"
	       "                        write the device tree to FILE and "
	       "print the commands\n"
	       "                        that boot the cell, instead of "
	       "booting it\n"
	       "  -a, --arch ARCH       arm64 (the only one)\n"
	       "  -k, --kernel-decomp-factor FACTOR\n"
	       "                        leave FACTOR times the kernel's size "
	       "free between\n"
	       "                        kernel and initrd (default 1)\n");
}

static int usage_error(void)
{
	usage_line(stderr);
	return 1;
}

/* An argument that is wrong: what is wrong with it, then the usage */
static int arg_error(const char *what, const char *arg)
{
	fprintf(stderr, CMD ": %s '%s'\n", what, arg);
	return usage_error();
}

/* One option; 0 if it is fine, else the exit status */
static int take_option(struct linux_args *args, int opt, const char *value,
		       const char *arg)
{
	char *end;

	switch (opt) {
	case 'd':
		args->dtb = value;
		return 0;
	case 'i':
		args->initrd = value;
		return 0;
	case 'c':
		args->cmdline = value;
		return 0;
	case 'w':
		args->params = value;
		return 0;
	case 'a':
		if (strcmp(value, "arm64"))
			return arg_error("only arm64 is supported, not",
					 value);
		return 0;
	case 'k':
		errno = 0;
		args->factor = strtoul(value, &end, 10);
		if (*value < '0' || *value > '9' || *end || errno ||
		    args->factor > MAX_FACTOR)
			return arg_error("-k wants a whole number from 0 to "
					 "64, not", value);
		return 0;
	case ':':
		return arg_error("a value is missing after", arg);
	default:
		return arg_error("unknown option", arg);
	}
}

/* false: stop with *status (help printed or an error) */
static bool parse_args(struct linux_args *args, int argc, char *argv[],
		       int *status)
{
	char **copy = calloc(argc + 2, sizeof(*copy)), name[3] = "-?";
	bool help = false;
	int opt;

	memset(args, 0, sizeof(*args));
	args->factor = 1;
	*status = 1;
	if (!copy)
		return fail("out of memory");
	/* getopt wants a program name first, and reorders the arguments */
	copy[0] = (char *)CMD;
	memcpy(copy + 1, argv, argc * sizeof(*copy));
	opterr = 0;
	optind = 1;
	*status = 0;
	while (!*status && (opt = getopt_long(argc + 1, copy, ":hd:i:c:w:a:k:",
					      long_options, NULL)) != -1) {
		/* an unknown short option is named by optopt alone */
		name[1] = optopt;
		if (opt == 'h')
			help = true;
		else
			*status = take_option(args, opt, optarg, opt == '?' &&
					      optopt ? name : copy[optind - 1]);
	}
	if (!*status && !help && argc + 1 - optind != 2)
		*status = usage_error();
	if (!*status && !help) {
		args->config = copy[optind];
		args->kernel = copy[optind + 1];
	}
	free(copy);
	if (!*status && help)
		print_help();
	if (*status || help)
		return false;
	if (!args->dtb) {
		fail("No device tree specified: pass the cell's device tree "
		     "with -d DTB");
		*status = usage_error();
		return false;
	}
	return true;
}

/* ---- files ---- */

static bool read_file(const char *path, size_t max, struct blob *blob)
{
	blob->data = read_whole_file(path, max, &blob->size);
	if (blob->data)
		return true;
	if (errno == EFBIG)
		return fail("%s: larger than %s", path,
			    human_size((char[32]){ 0 }, max));
	return fail("%s: %s", path, strerror(errno));
}

static bool is_gzip(const struct blob *file)
{
	const u8 *bytes = file->data;

	return file->size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

/* One more step of inflate into @out, grown as needed */
static int inflate_more(z_stream *zs, struct blob *out)
{
	size_t cap = out->size;
	void *more;

	if (zs->total_out == cap) {
		if (cap >= MAX_KERNEL_SIZE)
			return INFLATE_TOO_LARGE;
		cap = cap ? 2 * cap : 16 * SZ_1M;
		more = realloc(out->data, cap);
		if (!more)
			return Z_MEM_ERROR;
		out->data = more;
		out->size = cap;
	}
	zs->next_out = (u8 *)out->data + zs->total_out;
	zs->avail_out = cap - zs->total_out;
	return inflate(zs, Z_NO_FLUSH);
}

static bool gunzip(const char *path, const struct blob *in, struct blob *out)
{
	z_stream zs = { 0 };
	int ret;

	*out = (struct blob){ NULL, 0 };
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return fail("%s: cannot decompress: out of memory", path);
	zs.next_in = in->data;
	zs.avail_in = in->size;
	do
		ret = inflate_more(&zs, out);
	while (ret == Z_OK);
	out->size = zs.total_out;
	inflateEnd(&zs);
	if (ret == Z_STREAM_END)
		return true;
	free(out->data);
	out->data = NULL;
	if (ret == INFLATE_TOO_LARGE)
		return fail("%s: decompresses to more than 1 GiB: not a kernel",
			    path);
	if (ret == Z_MEM_ERROR)
		return fail("%s: cannot decompress: out of memory", path);
	return fail("%s: corrupt gzip data: %s", path,
		    ret == Z_BUF_ERROR ? "unexpected end of file" :
		    zs.msg ? zs.msg : zError(ret));
}

static bool check_image(struct kernel_image *k, const char *path)
{
	const char *what = k->zipped ? " (decompressed)" : "";
	const u8 *header = k->image.data;
	u64 magic, flags;

	if (k->image.size < IMAGE_HEADER_SIZE)
		return fail("%s%s: not an arm64 Image: %zu bytes, less than "
			    "its 64-byte header; pass arch/arm64/boot/Image "
			    "or Image.gz", path, what, k->image.size);
	magic = get_le(header + IMAGE_MAGIC_OFFSET, 4);
	if (magic != IMAGE_MAGIC)
		return fail("%s%s: not an arm64 Image: magic 0x%08llx at "
			    "offset 56, wanted 0x%08x (\"ARM\\x64\"); pass "
			    "arch/arm64/boot/Image or Image.gz", path, what,
			    magic, IMAGE_MAGIC);
	k->text_offset = get_le(header + IMAGE_TEXT_OFFSET, 8);
	k->image_size = get_le(header + IMAGE_SIZE, 8);
	flags = get_le(header + IMAGE_FLAGS, 8);
	if (!k->image_size) {
		/* before 3.17: no size, no flags, text_offset 0x80000 */
		k->text_offset = IMAGE_OLD_TEXT_OFFSET;
	} else if (flags & IMAGE_FLAG_BE) {
		return fail("%s%s: big-endian kernel (Image flags bit 0): "
			    "only little-endian kernels are supported", path,
			    what);
	}
	if (k->text_offset >= MAX_KERNEL_SIZE ||
	    k->image_size >= MAX_KERNEL_SIZE)
		return fail("%s%s: implausible Image header: text_offset "
			    "0x%llx, image_size 0x%llx", path, what,
			    k->text_offset, k->image_size);
	if (k->image_size < k->image.size)
		k->image_size = k->image.size;
	return true;
}

static bool read_kernel(struct kernel_image *k, const char *path)
{
	struct blob file;
	bool ok;

	if (!read_file(path, MAX_KERNEL_SIZE, &file))
		return false;
	k->zipped = is_gzip(&file);
	if (!k->zipped) {
		k->image = file;
		return check_image(k, path);
	}
	ok = gunzip(path, &file, &k->image);
	free(file.data);
	return ok && check_image(k, path);
}

/* ---- the cell's RAM ---- */

static const struct jailhouse_memory *region(const struct boot *b,
					     unsigned int n)
{
	return &jailhouse_cell_mem_regions(b->cell)[n];
}

/*
 * RAM for Linux: read, write, execute and DMA, not I/O, comm region or
 * shared with the root cell; not the loader's page at 0.
 */
static bool is_ram(const struct jailhouse_memory *mem)
{
	return (mem->flags & RAM_FLAGS_MASK) == RAM_FLAGS &&
		!(mem->virt_start == 0 && mem->size <= SZ_1M);
}

static unsigned int count_ram(const struct boot *b)
{
	unsigned int n, num = 0;

	for (n = 0; n < b->cell->num_memory_regions; n++)
		if (is_ram(region(b, n)))
			num++;
	return num;
}

/* ---- the device tree ---- */

static bool dtb_error(const struct dtb *dtb, const char *what, int err)
{
	if (err == -FDT_ERR_NOSPACE)
		return fail("%s: no room to %s in the device tree", dtb->path,
			    what);
	return fail("%s: cannot %s: %s", dtb->path, what, fdt_strerror(err));
}

static bool root_cells(struct dtb *dtb, const char *name, int *cells)
{
	const fdt32_t *value;
	int len;

	value = fdt_getprop(dtb->fdt, 0, name, &len);
	if (!value)
		return fail("%s: / has no %s: it gives the width of the "
			    "addresses in /memory and /chosen", dtb->path,
			    name);
	*cells = len == sizeof(*value) ? (int)fdt32_to_cpu(*value) : -1;
	if (*cells != 1 && *cells != 2)
		return fail("%s: /%s is not 1 or 2: not supported", dtb->path,
			    name);
	return true;
}

static bool read_dtb(struct dtb *dtb, const char *path, size_t extra)
{
	struct blob file;
	int err;

	dtb->path = path;
	if (!read_file(path, MAX_FILE_SIZE, &file))
		return false;
	err = fdt_check_full(file.data, file.size);
	if (err) {
		free(file.data);
		return fail("%s: not a device tree blob: %s; pass the .dtb "
			    "that dtc compiled from the cell's .dts", path,
			    fdt_strerror(err));
	}
	dtb->room = fdt_totalsize(file.data) + extra + FIXUP_ROOM;
	dtb->fdt = malloc(dtb->room);
	if (!dtb->fdt) {
		free(file.data);
		return fail("out of memory");
	}
	err = fdt_open_into(file.data, dtb->fdt, dtb->room);
	free(file.data);
	if (err)
		return dtb_error(dtb, "open it", err);
	return root_cells(dtb, "#address-cells", &dtb->address_cells) &&
		root_cells(dtb, "#size-cells", &dtb->size_cells);
}

/* @value as @cells big-endian words at @out; false if it does not fit */
static bool put_cells(fdt32_t *out, int cells, u64 value)
{
	if (cells == 1 && value > UINT32_MAX)
		return false;
	if (cells == 2)
		*out++ = cpu_to_fdt32(value >> 32);
	*out = cpu_to_fdt32(value);
	return true;
}

static bool remove_memory_nodes(struct dtb *dtb)
{
	int node, err;

	for (;;) {
		node = fdt_node_offset_by_prop_value(dtb->fdt, -1,
						     "device_type", "memory",
						     sizeof("memory"));
		if (node == -FDT_ERR_NOTFOUND)
			return true;
		err = node < 0 ? node : fdt_del_node(dtb->fdt, node);
		if (err)
			return dtb_error(dtb, "remove the memory nodes", err);
	}
}

/* (address, size) of every RAM region into @reg; false if too wide */
static bool memory_reg(const struct boot *b, fdt32_t *reg)
{
	const struct dtb *dtb = &b->dtb;
	const struct jailhouse_memory *mem;
	unsigned int n;

	for (n = 0; n < b->cell->num_memory_regions; n++) {
		mem = region(b, n);
		if (!is_ram(mem))
			continue;
		if (!put_cells(reg, dtb->address_cells, mem->virt_start) ||
		    !put_cells(reg + dtb->address_cells, dtb->size_cells,
			       mem->size))
			return fail("%s: RAM region 0x%llx (0x%llx bytes) does "
				    "not fit in #address-cells = %d, "
				    "#size-cells = %d", dtb->path,
				    mem->virt_start, mem->size,
				    dtb->address_cells, dtb->size_cells);
		reg += dtb->address_cells + dtb->size_cells;
	}
	return true;
}

static const struct jailhouse_memory *first_ram(const struct boot *b)
{
	unsigned int n;

	for (n = 0; !is_ram(region(b, n)); n++)
		;
	return region(b, n);
}

static int memory_node(struct dtb *dtb, const char *name,
		       const fdt32_t *reg, int len)
{
	int node = fdt_add_subnode(dtb->fdt, 0, name), err;

	if (node < 0)
		return node;
	err = fdt_setprop_string(dtb->fdt, node, "device_type", "memory");
	return err ? err : fdt_setprop(dtb->fdt, node, "reg", reg, len);
}

static bool add_memory_node(struct boot *b)
{
	struct dtb *dtb = &b->dtb;
	int words = dtb->address_cells + dtb->size_cells;
	int len = count_ram(b) * words * sizeof(fdt32_t), err;
	fdt32_t *reg = malloc(len);
	char name[32];

	if (!reg)
		return fail("out of memory");
	if (!memory_reg(b, reg)) {
		free(reg);
		return false;
	}
	snprintf(name, sizeof(name), "memory@%llx", first_ram(b)->virt_start);
	err = memory_node(dtb, name, reg, len);
	free(reg);
	if (err)
		return dtb_error(dtb, "add /memory", err);
	return true;
}

static int chosen_node(struct dtb *dtb)
{
	int node = fdt_path_offset(dtb->fdt, "/chosen");

	if (node == -FDT_ERR_NOTFOUND)
		node = fdt_add_subnode(dtb->fdt, 0, "chosen");
	if (node < 0)
		dtb_error(dtb, "add /chosen", node);
	return node;
}

static int set_address(struct dtb *dtb, int node, const char *name,
		       u64 value, bool in_place)
{
	fdt32_t cells[2];
	int len = dtb->address_cells * sizeof(fdt32_t);

	if (!put_cells(cells, dtb->address_cells, value))
		return -FDT_ERR_BADVALUE;
	if (in_place)
		return fdt_setprop_inplace(dtb->fdt, node, name, cells, len);
	return fdt_setprop(dtb->fdt, node, name, cells, len);
}

/* linux,initrd-start and -end; with @in_place only their values change */
static bool set_initrd(struct boot *b, bool in_place)
{
	struct dtb *dtb = &b->dtb;
	u64 start = in_place ? b->at.initrd : 0;
	int node = chosen_node(dtb), err;

	if (node < 0)
		return false;
	err = set_address(dtb, node, "linux,initrd-start", start, in_place);
	if (!err)
		err = set_address(dtb, node, "linux,initrd-end",
				  start + b->initrd.size, in_place);
	if (err == -FDT_ERR_BADVALUE)
		return fail("%s: the initrd at 0x%llx does not fit in "
			    "#address-cells = 1", dtb->path, start);
	if (err)
		return dtb_error(dtb, "set the initrd in /chosen", err);
	return true;
}

static bool set_bootargs(struct dtb *dtb, const char *cmdline)
{
	int node = chosen_node(dtb), err;

	if (node < 0)
		return false;
	err = fdt_setprop_string(dtb->fdt, node, "bootargs", cmdline);
	if (err)
		return dtb_error(dtb, "set /chosen/bootargs", err);
	return true;
}

/*
 * Everything but the initrd's addresses, which take their place (not
 * their size) once the size of the packed device tree has placed it.
 */
static bool fix_up_dtb(struct boot *b, const struct linux_args *args)
{
	struct dtb *dtb = &b->dtb;
	int err;

	if (!remove_memory_nodes(dtb) || !add_memory_node(b))
		return false;
	if (args->cmdline && !set_bootargs(dtb, args->cmdline))
		return false;
	if (args->initrd && !set_initrd(b, false))
		return false;
	err = fdt_pack(dtb->fdt);
	if (err)
		return dtb_error(dtb, "pack it", err);
	return true;
}

/* ---- placement ---- */

/* Bytes for the kernel: image_size (bss included), page aligned */
static u64 kernel_room(const struct kernel_image *k)
{
	return PAGE_ALIGN(k->image_size);
}

/* All offsets from the region's start: every term is far below 2^50. */
static void place_in(const struct boot *b, const struct linux_args *args,
		     const struct jailhouse_memory *mem, struct placement *p)
{
	u64 misalign = mem->virt_start & (SZ_2M - 1);
	u64 dtb = mem->virt_start ? 0 : SZ_8K, kernel, initrd;

	kernel = ALIGN_UP(misalign + dtb +
			  PAGE_ALIGN(fdt_totalsize(b->dtb.fdt)), SZ_2M) -
		misalign + b->kernel.text_offset;
	p->need = kernel + kernel_room(&b->kernel);
	if (args->initrd) {
		initrd = PAGE_ALIGN(p->need + args->factor *
				    PAGE_ALIGN(b->kernel.image.size));
		p->need = initrd + b->initrd.size;
		p->initrd = mem->virt_start + initrd;
	}
	p->region = mem;
	p->dtb = mem->virt_start + dtb;
	p->kernel = mem->virt_start + kernel;
}

static bool too_small(const struct linux_args *args,
		      const struct placement *p)
{
	char need[32], size[32], short_by[32];

	return fail("kernel%s device tree need %s (0x%llx bytes) from the "
		    "start of a RAM region; the largest RAM region of %s, "
		    "0x%llx, has %s: it is %s short: enlarge the cell's RAM "
		    "region%s", args->initrd ? ", initrd and" : " and",
		    human_size(need, p->need), p->need, args->config,
		    p->region->virt_start, human_size(size, p->region->size),
		    human_size(short_by, p->need - p->region->size),
		    args->initrd ? " or use a smaller initrd" : "");
}

/* The first RAM region everything fits in */
static bool place(struct boot *b, const struct linux_args *args)
{
	const struct jailhouse_memory *mem, *largest = NULL;
	unsigned int n;

	for (n = 0; n < b->cell->num_memory_regions; n++) {
		mem = region(b, n);
		if (!is_ram(mem))
			continue;
		place_in(b, args, mem, &b->at);
		if (b->at.need <= mem->size)
			return true;
		if (!largest || mem->size > largest->size)
			largest = mem;
	}
	place_in(b, args, largest, &b->at);
	return too_small(args, &b->at);
}

/* ---- putting it together ---- */

static bool prepare(struct boot *b, const struct linux_args *args)
{
	size_t extra;

	if (!load_checked("cell linux", args->config, false, &b->config))
		return false;
	b->cell = b->config.data;
	if (!count_ram(b))
		return fail("%s has no RAM region for Linux: one with the "
			    "flags READ | WRITE | EXECUTE | DMA (LOADABLE "
			    "too, for loading) and none of IO, COMM_REGION, "
			    "ROOTSHARED", args->config);
	if (!read_kernel(&b->kernel, args->kernel))
		return false;
	if (args->initrd && !read_file(args->initrd, MAX_FILE_SIZE,
				       &b->initrd))
		return false;
	extra = count_ram(b) * 4 * sizeof(fdt32_t) +
		(args->cmdline ? strlen(args->cmdline) : 0);
	if (!read_dtb(&b->dtb, args->dtb, extra) || !fix_up_dtb(b, args) ||
	    !place(b, args))
		return false;
	if (args->initrd && !set_initrd(b, true))
		return false;
	snprintf(b->loader_args, sizeof(b->loader_args),
		 "kernel=0x%llx dtb=0x%llx", b->at.kernel, b->at.dtb);
	return true;
}

static bool write_dtb(const struct dtb *dtb, const char *path)
{
	size_t size = fdt_totalsize(dtb->fdt);
	FILE *f = fopen(path, "wb");
	bool ok;

	if (!f)
		return fail("cannot write %s: %s", path, strerror(errno));
	ok = fwrite(dtb->fdt, 1, size, f) == size;
	if (fclose(f) || !ok)
		return fail("cannot write %s: %s", path, strerror(errno));
	return true;
}

/* -w: the device tree, and the commands that do what we would do */
static int write_params(const struct boot *b, const struct linux_args *args)
{
	u64 loader = b->cell->cpu_reset_address;
	const char *name = b->cell->name;

	if (!write_dtb(&b->dtb, args->params))
		return 1;
	printf("Modified device tree written. Start Linux with the following "
	       "commands (adjusting paths as needed):\n\n"
	       "jailhouse cell create %s\n"
	       "jailhouse cell load %s " LOADER_NAME " -a 0x%llx -s \"%s\" "
	       "-a 0x%llx %s%s -a 0x%llx ", args->config, name, loader,
	       b->loader_args, loader + LOADER_ARGS_OFFSET, args->kernel,
	       b->kernel.zipped ? "-unzipped" : "", b->at.kernel);
	if (args->initrd)
		printf("%s -a 0x%llx ", args->initrd, b->at.initrd);
	printf("%s -a 0x%llx\njailhouse cell start %s\n", args->params,
	       b->at.dtb, name);
	if (b->kernel.zipped)
		printf("\nNote that %s is zipped and requires decompression "
		       "first.\n", args->kernel);
	return 0;
}

static bool find_loader(struct blob *loader)
{
	const char *env = getenv("JAILHOUSE_LINUX_LOADER");
	char paths[3][PATH_MAX + 64], dir[PATH_MAX];
	unsigned int n, num = 0;

	if (env && *env)
		snprintf(paths[num++], sizeof(paths[0]), "%s", env);
	snprintf(paths[num++], sizeof(paths[0]), "%s", LIBEXECDIR
		 "/jailhouse/" LOADER_NAME);
	if (program_dir(dir))
		snprintf(paths[num++], sizeof(paths[0]), "%s"
			 LOADER_BUILD_PATH, dir);
	for (n = 0; n < num; n++) {
		loader->data = read_whole_file(paths[n], MAX_FILE_SIZE,
					       &loader->size);
		if (loader->data)
			return true;
		if (errno != ENOENT)
			return fail("%s: %s", paths[n], strerror(errno));
	}
	fprintf(stderr, CMD ": " LOADER_NAME " not found (tried ");
	for (n = 0; n < num; n++)
		fprintf(stderr, "%s%s", n ? ", " : "", paths[n]);
	fprintf(stderr, "): install it with make install, or name it in "
		"JAILHOUSE_LINUX_LOADER\n");
	return false;
}

static void set_image(struct jailhouse_preload_image *image,
		      const void *data, size_t size, u64 target)
{
	image->source_address = (uintptr_t)data;
	image->size = size;
	image->target_address = target;
}

/* Loader, kernel, device tree, initrd, the loader's string: one load */
static int load_images(const struct boot *b,
		       const struct jailhouse_cell_id *id)
{
	struct jailhouse_cell_load *load;
	u64 loader = b->cell->cpu_reset_address;
	unsigned int n = 0;
	int ret;

	load = calloc(1, sizeof(*load) + 5 * sizeof(load->image[0]));
	if (!load) {
		fail("out of memory");
		return 1;
	}
	load->cell_id = *id;
	set_image(&load->image[n++], b->loader.data, b->loader.size, loader);
	set_image(&load->image[n++], b->kernel.image.data,
		  b->kernel.image.size, b->at.kernel);
	set_image(&load->image[n++], b->dtb.fdt, fdt_totalsize(b->dtb.fdt),
		  b->at.dtb);
	if (b->initrd.data)
		set_image(&load->image[n++], b->initrd.data, b->initrd.size,
			  b->at.initrd);
	set_image(&load->image[n++], b->loader_args,
		  strlen(b->loader_args) + 1, loader + LOADER_ARGS_OFFSET);
	load->num_preload_images = n;
	ret = call_driver(JAILHOUSE_CELL_LOAD, "JAILHOUSE_CELL_LOAD", load);
	free(load);
	return ret;
}

/* After a failed load or start: leave nothing half-made */
static int destroy_again(struct jailhouse_cell_id *id)
{
	if (call_driver(JAILHOUSE_CELL_DESTROY, "JAILHOUSE_CELL_DESTROY", id))
		fail("cell '%s' is left created but not running: destroy it "
		     "with jailhouse cell destroy %s", id->name, id->name);
	else
		fail("cell '%s' destroyed again", id->name);
	return 1;
}

static int boot_cell(struct boot *b)
{
	struct jailhouse_cell_id id = { .id = JAILHOUSE_CELL_ID_UNUSED };
	const char *name = b->cell->name;

	if (!find_loader(&b->loader))
		return 1;
	if (cell_exists(name)) {
		fail("cell '%s' already exists: destroy it first (jailhouse "
		     "cell destroy %s)", name, name);
		return 1;
	}
	if (create_cell(&b->config))
		return 1;
	memcpy(id.name, name, strnlen(name, JAILHOUSE_CELL_ID_NAMELEN));
	if (load_images(b, &id) ||
	    call_driver(JAILHOUSE_CELL_START, "JAILHOUSE_CELL_START", &id))
		return destroy_again(&id);
	return 0;
}

static void free_boot(struct boot *b)
{
	free((void *)b->config.data);
	free(b->kernel.image.data);
	free(b->initrd.data);
	free(b->dtb.fdt);
	free(b->loader.data);
}

int cell_linux_command(int argc, char *argv[])
{
	struct linux_args args;
	struct boot boot = { 0 };
	int ret;

	if (!parse_args(&args, argc, argv, &ret))
		return ret;
	if (!prepare(&boot, &args))
		ret = 1;
	else if (args.params)
		ret = write_params(&boot, &args);
	else
		ret = boot_cell(&boot);
	free_boot(&boot);
	return ret;
}
