// SPDX-License-Identifier: GPL-2.0
/*
 * uio_send: rings an IVSHMEM v2 peer's doorbell through uio_ivshmem, with
 * the command line of the uio_send of NXP's i.MX Jailhouse guide:
 *
 *   uio_send [-i INTERVAL_MS] DEVICE [COUNT [VECTOR [PEER]]]
 *
 * DEVICE is a /dev/uioN of uio_ivshmem; it rings COUNT times (default 1,
 * 0: none) every INTERVAL_MS milliseconds (default 1000) the doorbell
 * (map 0, register 0x0c) with (PEER << 16) | VECTOR.  VECTOR must be 0
 * (the devices signal INTx: one vector); PEER (default 0, or 1 on peer 0,
 * the root cell) must be another peer.  Before each ring it writes into
 * its own output section (map 4):
 *
 *   u32 [0]     the number of pings so far (1 for ping #0)
 *   byte 4...   "ping #I", NUL-terminated
 *
 * If this peer's state is still 0 (and COUNT is not 0) it sets it to
 * ID + 1, as the demos do, and waits one interval: the bare-metal
 * ivshmem-demo enables its interrupt only once its target is running.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jailhouse/ivshmem-regs.h>

#include "uio-common.h"

#define USAGE		"[-i INTERVAL_MS] DEVICE [COUNT [VECTOR [PEER]]]"
/* INTx only: the hypervisor ignores doorbells for other vectors */
#define NUM_VECTORS	1
#define MAX_COUNT	1000000000UL
#define MAX_INTERVAL	3600000UL	/* an hour */

static void help(void)
{
	printf("usage: uio_send " USAGE "\n"
	       "Rings the doorbell of IVSHMEM peer PEER (default 0, or 1 on "
	       "peer 0)\nwith vector VECTOR (default 0) COUNT times "
	       "(default 1) through DEVICE,\na /dev/uioN of uio_ivshmem, "
	       "every INTERVAL_MS milliseconds (default 1000).\n");
	exit(0);
}

static void sleep_ms(unsigned long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Before ping @i: the pings so far, then "ping #i", in 32-bit writes. */
static void write_output(const struct uio_dev *dev, unsigned long i,
			 char *text, size_t len)
{
	uint32_t words[8] = { (uint32_t)(i + 1) };
	size_t room = sizeof(words) - sizeof(words[0]) - 1;
	unsigned int n;

	snprintf(text, len, "ping #%lu", i);
	/* words[] is zeroed: the text stays NUL-terminated */
	memcpy(&words[1], text, strlen(text) < room ? strlen(text) : room);
	for (n = 0; n < 8 && (n + 1) * 4 <= dev->size[MAP_OUTPUT]; n++)
		dev->map[MAP_OUTPUT][n] = words[n];
}

int main(int argc, char *argv[])
{
	unsigned long count = 1, vector = 0, peer, interval = 1000, i;
	const char *interval_arg = NULL, *path;
	struct uio_dev dev;
	char text[32];
	uint32_t value;
	int opt, nargs;

	uio_prog = "uio_send";
	opterr = 0;
	/* "+": options first, so that "-1" is a (bad) number, no option */
	while ((opt = getopt(argc, argv, "+i:h")) != -1) {
		switch (opt) {
		case 'i':
			interval_arg = optarg;
			break;
		case 'h':
			help();
			break;
		default:
			if (optopt == 'i')
				uio_usage_fail(USAGE, "-i needs a value");
			uio_usage_fail(USAGE, "unknown option -%c", optopt);
		}
	}
	nargs = argc - optind;
	if (nargs < 1 || nargs > 4)
		uio_usage_fail(USAGE, nargs ? "too many arguments" :
			       "no device given");
	path = argv[optind];
	setvbuf(stdout, NULL, _IOLBF, 0);

	printf("[UIO] opening file %s\n", path);
	uio_open(&dev, path, 1U << MAP_STATE | 1U << MAP_OUTPUT,
		 1U << MAP_STATE | 1U << MAP_OUTPUT);
	if (interval_arg)
		interval = uio_number(&dev, "interval", interval_arg, 0,
				      MAX_INTERVAL);
	if (nargs > 1)
		count = uio_number(&dev, "count", argv[optind + 1], 0,
				   MAX_COUNT);
	if (nargs > 2) {
		vector = uio_number(&dev, "vector", argv[optind + 2], 0,
				    0xffff);
		if (vector >= NUM_VECTORS)
			uio_fail(&dev, "vector %lu out of range (0-%u): the "
				 "device signals INTx, one vector",
				 vector, NUM_VECTORS - 1);
	}
	peer = dev.id == 0 ? 1 : 0;
	if (nargs > 3) {
		peer = uio_number(&dev, "peer", argv[optind + 3], 0, 0xffff);
		if (peer >= dev.peers)
			uio_fail(&dev, "peer %lu out of range (0-%u): the "
				 "device has %u peers", peer, dev.peers - 1,
				 dev.peers);
		if (peer == dev.id)
			uio_fail(&dev, "peer %lu is this device's own ID: "
				 "ring another one (0-%u)", peer,
				 dev.peers - 1);
	}
	if (peer >= dev.peers)
		uio_fail(&dev, "a device of 1 peer: there is nobody to ring");
	value = (uint32_t)peer << 16 | (uint32_t)vector;

	printf("[UIO] count is %lu\n", count);
	printf("[UIO] writingV %lu\n", vector);
	printf("[UIO] to peer %lu (this is peer %u of %u), doorbell value "
	       "0x%08x, every %lu ms\n", peer, dev.id, dev.peers, value,
	       interval);
	if (!uio_word(&dev, MAP_STATE, peer * 4))
		printf("[UIO] peer %lu has state 0 (not running?): ringing "
		       "anyway\n", peer);
	if (count && uio_announce(&dev)) {
		printf("[UIO] waiting %lu ms for the peers to see it\n",
		       interval);
		sleep_ms(interval);
	}

	for (i = 0; i < count; i++) {
		if (i)
			sleep_ms(interval);
		printf("[UIO] ping #%lu\n", i);
		write_output(&dev, i, text, sizeof(text));
		/* the data before the doorbell */
		uio_barrier();
		uio_reg_write(&dev, IVSHMEM_REG_DOORBELL, value);
		printf("[UIO]   wrote %lu \"%s\" into the output section, "
		       "rang 0x%08x\n", i + 1, text, value);
	}
	printf("[UIO] Exiting...\n");
	return 0;
}
