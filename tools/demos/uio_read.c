// SPDX-License-Identifier: GPL-2.0
/*
 * uio_read: waits for the interrupts of an IVSHMEM v2 device through
 * uio_ivshmem and shows the shared memory each time, with the command
 * line of the uio_read of NXP's i.MX Jailhouse guide:
 *
 *   uio_read [-w SECONDS] DEVICE [COUNT]
 *
 * DEVICE is a /dev/uioN of uio_ivshmem.  It sets this peer's state to
 * ID + 1 if it is 0 (as the demos do: the bare-metal ivshmem-demo waits
 * for it), enables the interrupts (writes 1 to DEVICE), and waits with
 * read() for COUNT interrupts (default: until SIGINT or SIGTERM).  Each
 * one prints "[UIO] interrupt #N", then the state table and the first 16
 * bytes of the R/W section and of every peer's output section (map 3),
 * as four u32 and as text.  COUNT 0 only prints the shared memory once,
 * changing nothing.  -w SECONDS gives up (exit 1) when no interrupt comes
 * for that long.  Interrupt control is left as it was found; the state
 * stays set.
 */
#define _GNU_SOURCE		/* ppoll */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jailhouse/ivshmem-regs.h>

#include "stop-signals.h"
#include "uio-common.h"

#define USAGE		"[-w SECONDS] DEVICE [COUNT]"
#define DUMP_BYTES	16
#define MAX_COUNT	1000000000UL
#define MAX_WAIT	86400UL		/* a day */


static void help(void)
{
	printf("usage: uio_read " USAGE "\n"
	       "Enables the interrupts of DEVICE, a /dev/uioN of "
	       "uio_ivshmem, and waits for\nCOUNT of them (default: until "
	       "SIGINT/SIGTERM; 0: none, just show the shared\nmemory), "
	       "showing the shared memory after each; -w: give up after "
	       "SECONDS\nwithout one.\n");
	exit(0);
}

/* "[UIO]   WHAT: w0 w1 w2 w3  |text|", the first bytes at @offset of @n */
static void dump(const struct uio_dev *dev, const char *what, unsigned int n,
		 size_t offset)
{
	uint32_t words[DUMP_BYTES / 4];
	unsigned char bytes[DUMP_BYTES];
	unsigned int i;

	if (!dev->map[n]) {
		printf("[UIO]   %s: none\n", what);
		return;
	}
	for (i = 0; i < DUMP_BYTES / 4; i++)
		words[i] = uio_word(dev, n, offset + i * 4);
	memcpy(bytes, words, sizeof(bytes));
	printf("[UIO]   %s:", what);
	for (i = 0; i < DUMP_BYTES / 4; i++)
		printf(" %08x", words[i]);
	printf("  |");
	for (i = 0; i < DUMP_BYTES; i++)
		putchar(bytes[i] >= 0x20 && bytes[i] < 0x7f ? bytes[i] : '.');
	printf("|\n");
}

static void show_shared(const struct uio_dev *dev)
{
	size_t out = dev->size[MAP_INPUT] / dev->peers;
	char what[48];
	unsigned int n;

	printf("[UIO]   state table:");
	for (n = 0; n < dev->peers; n++)
		printf(" %u", uio_word(dev, MAP_STATE, n * 4));
	printf("\n");
	dump(dev, "rw section", MAP_RW, 0);
	for (n = 0; n < dev->peers; n++) {
		snprintf(what, sizeof(what), "output of peer %u%s", n,
			 n == dev->id ? " (own)" : "");
		dump(dev, what, MAP_INPUT, n * out);
	}
}

static unsigned long event_count(const struct uio_dev *dev)
{
	char buf[32], *end;
	unsigned long value;

	uio_attr(dev, "event", buf, sizeof(buf));
	value = strtoul(buf, &end, 10);
	if (*end)
		uio_fail(dev, "event count \"%s\" is no number", buf);
	return value;
}

int main(int argc, char *argv[])
{
	unsigned long count = 0, wait_s = 0, seen = 0, last, now, delta;
	const char *wait_arg = NULL, *path;
	struct timespec timeout;
	bool forever, was_on;
	struct pollfd pfd;
	struct uio_dev dev;
	sigset_t waiting;
	uint32_t total;
	int opt, nargs, ret;

	uio_prog = "uio_read";
	opterr = 0;
	while ((opt = getopt(argc, argv, "+w:h")) != -1) {
		switch (opt) {
		case 'w':
			wait_arg = optarg;
			break;
		case 'h':
			help();
			break;
		default:
			if (optopt == 'w')
				uio_usage_fail(USAGE, "-w needs a value");
			uio_usage_fail(USAGE, "unknown option -%c", optopt);
		}
	}
	nargs = argc - optind;
	if (nargs < 1 || nargs > 2)
		uio_usage_fail(USAGE, nargs ? "too many arguments" :
			       "no device given");
	path = argv[optind];
	forever = nargs < 2;
	setvbuf(stdout, NULL, _IOLBF, 0);

	printf("[UIO] opening file %s\n", path);
	uio_open(&dev, path, 1U << MAP_STATE | 1U << MAP_RW | 1U << MAP_INPUT,
		 1U << MAP_STATE | 1U << MAP_INPUT);
	if (wait_arg)
		wait_s = uio_number(&dev, "wait", wait_arg, 1, MAX_WAIT);
	if (!forever)
		count = uio_number(&dev, "count", argv[optind + 1], 0,
				   MAX_COUNT);
	if (forever)
		printf("[UIO] count is unlimited (until SIGINT or SIGTERM)\n");
	else
		printf("[UIO] count is %lu\n", count);
	printf("[UIO] this is peer %u of %u\n", dev.id, dev.peers);
	if (!forever && !count) {
		show_shared(&dev);
		printf("[UIO] Exiting...\n");
		return 0;
	}

	catch_stop_signals(&waiting);
	uio_announce(&dev);
	was_on = uio_reg_read(&dev, IVSHMEM_REG_INT_CTRL) & 1;
	last = event_count(&dev);
	uio_set_interrupts(&dev, true);
	printf("[UIO] interrupts enabled, waiting\n");

	pfd.fd = dev.fd;
	pfd.events = POLLIN;
	while (!demo_stop && (forever || seen < count)) {
		timeout.tv_sec = wait_s;
		timeout.tv_nsec = 0;
		ret = ppoll(&pfd, 1, wait_s ? &timeout : NULL, &waiting);
		if (ret < 0 && errno == EINTR)
			continue;
		if (ret < 0)
			uio_fail(&dev, "poll: %s", strerror(errno));
		if (ret == 0) {
			uio_set_interrupts(&dev, was_on);
			uio_fail(&dev, "no interrupt within %lu s (got %lu "
				 "of %lu)", wait_s, seen, count);
		}
		if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL))
			uio_fail(&dev, "the device is gone or has no "
				 "interrupt");
		if (read(dev.fd, &total, sizeof(total)) != sizeof(total))
			uio_fail(&dev, "reading the interrupt count: %s",
				 strerror(errno));
		/* UIO counts since the driver bound: ours since we began */
		now = total;
		delta = (uint32_t)(now - last);
		last = now;
		if (!delta)
			continue;
		while (delta--)
			printf("[UIO] interrupt #%lu\n", ++seen);
		/* again, should the device be in one-shot mode */
		uio_set_interrupts(&dev, true);
		show_shared(&dev);
	}
	uio_set_interrupts(&dev, was_on);
	if (demo_stop)
		printf("[UIO] stopped by a signal after %lu interrupts\n",
		       seen);
	printf("[UIO] Exiting...\n");
	return !forever && seen < count;
}
