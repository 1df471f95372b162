// SPDX-License-Identifier: GPL-2.0
/*
 * Reads the hypervisor log from /dev/jailhouse the way upstream's
 * "jailhouse console" (without -f) does: opened non-blocking, read until
 * read() returns 0; any error is the failure upstream's tool reports
 * ("read(console): Resource temporarily unavailable").
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char buf[512];
	size_t total = 0;
	ssize_t len;
	int fd = open("/dev/jailhouse", O_RDONLY | O_NONBLOCK);

	if (fd < 0) {
		printf("console-read: open: %s\n", strerror(errno));
		return 1;
	}
	while ((len = read(fd, buf, sizeof(buf))) > 0)
		total += len;
	if (len < 0) {
		printf("console-read: %zu bytes, then read(console): %s\n",
		       total, strerror(errno));
		return 1;
	}
	printf("console-read: %zu bytes, then end of file\n", total);
	close(fd);
	return 0;
}
