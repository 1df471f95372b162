// SPDX-License-Identifier: GPL-2.0
/*
 * IVSHMEM v2 from Linux, through uio_ivshmem: the counterpart of the
 * bare-metal inmates/demos/arm64/ivshmem-demo.c.  It prints its ID, the
 * maximum number of peers, the state table, the R/W section and the peers'
 * output sections, then rings peer -t (default: the next one) -c times
 * (default: for ever) every -i milliseconds (default 1000) while that
 * peer's state is non-zero, and counts the interrupts it gets.
 *
 * What it shares, as the bare-metal demo does:
 *   state table[ID]         ID + 1 once running
 *   rw section, u32 [ID]    0x1000 + ID
 *   own output section      [0] interrupts received, [1] doorbells sent
 */
#define _GNU_SOURCE		/* ppoll */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <jailhouse/ivshmem-regs.h>

#include "stop-signals.h"

/* the maps of uio_ivshmem */
enum { MAP_REGS, MAP_STATE, MAP_RW, MAP_INPUT, MAP_OUTPUT, NUM_MAPS };

static const char *const map_names[NUM_MAPS] = {
	"registers", "state_table", "rw_section", "input_sections",
	"output_section",
};

struct map {
	volatile uint32_t *mem;		/* NULL: the section is empty */
	size_t size;
};

static struct map maps[NUM_MAPS];
static int uio_fd;
static uint32_t id, peers, target;
static unsigned long sent, received;

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("ivshmem-demo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: ivshmem-demo [-d /dev/uioN] [-t TARGET] "
		"[-c COUNT] [-i INTERVAL_MS]\n");
	exit(1);
}

static long parse_number(const char *arg, long min)
{
	char *end;
	long value;

	errno = 0;
	value = strtol(arg, &end, 0);
	if (errno || end == arg || *end || value < min)
		usage();
	return value;
}

static uint32_t reg_read(unsigned int reg)
{
	return maps[MAP_REGS].mem[reg / 4];
}

static void reg_write(unsigned int reg, uint32_t value)
{
	maps[MAP_REGS].mem[reg / 4] = value;
}

/* One line of /sys/class/uio/<uio>/maps/map<n>/<attr>, newline dropped. */
static void map_attr(const char *uio, unsigned int n, const char *attr,
		     char *buf, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/uio/%s/maps/map%u/%s", uio,
		 n, attr);
	f = fopen(path, "r");
	if (!f)
		fail("%s: %s", path, strerror(errno));
	if (!fgets(buf, len, f))
		fail("%s: cannot read it", path);
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
}

static void map_section(const char *uio, unsigned int n)
{
	bool read_only = n == MAP_STATE || n == MAP_INPUT;
	int prot = PROT_READ | (read_only ? 0 : PROT_WRITE);
	long page = sysconf(_SC_PAGESIZE);
	char buf[64], *end;
	void *mem;

	map_attr(uio, n, "name", buf, sizeof(buf));
	if (!strcmp(buf, "none"))
		return;		/* an empty section */
	if (strcmp(buf, map_names[n]))
		fail("%s: map %u is \"%s\", not %s: not uio_ivshmem?", uio, n,
		     buf, map_names[n]);
	map_attr(uio, n, "size", buf, sizeof(buf));
	maps[n].size = strtoull(buf, &end, 0);
	if (*end || !maps[n].size)
		fail("%s: map %u has size \"%s\"", uio, n, buf);

	mem = mmap(NULL, maps[n].size, prot, MAP_SHARED, uio_fd, n * page);
	if (mem == MAP_FAILED)
		fail("mmap of map %u (%s, 0x%zx bytes): %s", n, map_names[n],
		     maps[n].size, strerror(errno));
	maps[n].mem = mem;
}

/* The u32 at byte @offset of map @n, 0 where the map has none. */
static uint32_t word(unsigned int n, size_t offset)
{
	if (!maps[n].mem || offset + 4 > maps[n].size)
		return 0;
	return maps[n].mem[offset / 4];
}

static size_t output_size(void)
{
	return maps[MAP_OUTPUT].size;
}

static void print_state(void)
{
	uint32_t n;

	for (n = 0; n < peers; n++)
		printf("state[%u] = %u\n", n, word(MAP_STATE, n * 4));
}

static void print_shared(void)
{
	uint32_t n;

	print_state();
	if (maps[MAP_RW].mem)
		for (n = 0; n < peers; n++)
			printf("rw[%u] = %d\n", n, (int)word(MAP_RW, n * 4));
	for (n = 0; n < peers; n++)
		printf("in@0x%04zx = %d\n", n * output_size(),
		       (int)word(MAP_INPUT, n * output_size()));
}

static void set_interrupts(int32_t on)
{
	if (write(uio_fd, &on, sizeof(on)) != sizeof(on))
		fail("%s interrupts: %s", on ? "enabling" : "disabling",
		     strerror(errno));
}

static void setup(const char *dev)
{
	const char *uio = strrchr(dev, '/') ? strrchr(dev, '/') + 1 : dev;
	unsigned int n;

	uio_fd = open(dev, O_RDWR);
	if (uio_fd < 0)
		fail("%s: %s", dev, strerror(errno));
	for (n = 0; n < NUM_MAPS; n++)
		map_section(uio, n);
	if (!maps[MAP_REGS].mem || !maps[MAP_STATE].mem ||
	    !maps[MAP_OUTPUT].mem || !maps[MAP_INPUT].mem)
		fail("%s: no registers, state table or output sections", dev);

	id = reg_read(IVSHMEM_REG_ID);
	peers = reg_read(IVSHMEM_REG_MAX_PEERS);
	if (output_size() < 8 || id >= peers ||
	    maps[MAP_INPUT].size < peers * output_size())
		fail("%s: ID %u, %u peers, output sections of 0x%zx bytes "
		     "in 0x%zx: inconsistent", dev, id, peers, output_size(),
		     maps[MAP_INPUT].size);
}

static void handle_interrupt(void)
{
	static int32_t last;
	int32_t count;

	if (read(uio_fd, &count, sizeof(count)) != sizeof(count))
		fail("reading the interrupt count: %s", strerror(errno));
	/* UIO counts since the driver was loaded: we count from the first */
	received += received ? (uint32_t)count - (uint32_t)last : 1;
	last = count;
	maps[MAP_OUTPUT].mem[0] = received;
	printf("Interrupt #%lu\n", received);
	set_interrupts(1);
	print_state();
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits @ms milliseconds, taking interrupts and, with @sigs, signals. */
static void wait_ms(long ms, const sigset_t *sigs)
{
	int64_t end = now_ms() + ms, left;
	struct pollfd pfd = { .fd = uio_fd, .events = POLLIN };
	struct timespec timeout;
	int ret;

	while (!demo_stop && (left = end - now_ms()) > 0) {
		timeout.tv_sec = left / 1000;
		timeout.tv_nsec = left % 1000 * 1000000;
		ret = ppoll(&pfd, 1, &timeout, sigs);
		if (ret < 0 && errno != EINTR)
			fail("poll: %s", strerror(errno));
		if (ret > 0 && (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)))
			fail("the device is gone or has no interrupt");
		if (ret > 0)
			handle_interrupt();
	}
}

static void ring(void)
{
	sent++;
	printf("Sending interrupt %lu to peer %u\n", sent, target);
	maps[MAP_OUTPUT].mem[1] = sent;
	/* the counter before the doorbell */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	reg_write(IVSHMEM_REG_DOORBELL, target << 16);
}

int main(int argc, char *argv[])
{
	const char *dev = "/dev/uio0";
	long count = -1, interval = 1000, tgt = -1;
	sigset_t waiting;
	int opt;

	while ((opt = getopt(argc, argv, "d:t:c:i:h")) != -1) {
		switch (opt) {
		case 'd':
			dev = optarg;
			break;
		case 't':
			tgt = parse_number(optarg, 0);
			break;
		case 'c':
			count = parse_number(optarg, 0);
			break;
		case 'i':
			interval = parse_number(optarg, 1);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	catch_stop_signals(&waiting);

	setup(dev);
	target = tgt < 0 ? (id + 1) % peers : (uint32_t)tgt;
	if (target >= peers)
		fail("target %u: there are %u peers", target, peers);
	printf("ID = %u\n", id);
	printf("Maximum peers = %u\n", peers);
	print_shared();

	maps[MAP_OUTPUT].mem[0] = maps[MAP_OUTPUT].mem[1] = 0;
	if (maps[MAP_RW].mem && (id + 1) * 4 <= maps[MAP_RW].size)
		maps[MAP_RW].mem[id] = 0x1000 + id;
	reg_write(IVSHMEM_REG_STATE, id + 1);
	set_interrupts(1);

	while (!demo_stop) {
		wait_ms(interval, &waiting);
		if (demo_stop || (count >= 0 && sent >= (unsigned long)count))
			break;
		if (word(MAP_STATE, target * 4))
			ring();
	}
	set_interrupts(0);
	printf("done: %lu sent, %lu received\n", sent, received);
	return 0;
}
