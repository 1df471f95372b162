// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of tests/bench/net.py, run in the root cell of the bench:
 *
 *   netbench now                 CLOCK_MONOTONIC in ns
 *   netbench memcpy SIZE TOTAL   copy TOTAL bytes in SIZE-byte memcpy()s
 *                                between two buffers that do not fit in
 *                                a cache together with the source, and
 *                                print the ns per byte (the copy limit of
 *                                a link that copies every frame twice)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int copy_bench(size_t size, size_t total)
{
	/* a ring of buffers as large as a link's data area (0x71f80) */
	size_t area = 0x80000, off = 0, done;
	char *src = malloc(area), *dst = malloc(area);
	long long start;

	if (!src || !dst || !size || size > area)
		return 1;
	memset(src, 0x5a, area);
	memset(dst, 0, area);
	start = now_ns();
	for (done = 0; done < total; done += size) {
		if (off + size > area)
			off = 0;
		memcpy(dst + off, src + off, size);
		off += size;
	}
	printf("memcpy %zu-byte blocks: %.3f ns per byte (%zu bytes)\n",
	       size, (double)(now_ns() - start) / done, done);
	return dst[area / 2] != 0x5a;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "now")) {
		printf("%lld\n", now_ns());
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "memcpy"))
		return copy_bench(strtoul(argv[2], NULL, 0),
				  strtoul(argv[3], NULL, 0));
	fprintf(stderr, "usage: netbench now | memcpy SIZE TOTAL\n");
	return 2;
}
