/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What uio_send and uio_read share: opening a /dev/uioN of uio_ivshmem,
 * checking that it is one, mapping its maps (driver/uio_ivshmem.c), the
 * register accesses, number parsing and the one-line errors.
 */
#ifndef UIO_COMMON_H
#define UIO_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* the maps of uio_ivshmem, always at these indexes */
enum { MAP_REGS, MAP_STATE, MAP_RW, MAP_INPUT, MAP_OUTPUT, NUM_MAPS };

struct uio_dev {
	const char *path;		/* as the user gave it */
	char sysfs[64];			/* /sys/dev/char/MAJOR:MINOR */
	int fd;
	volatile uint32_t *map[NUM_MAPS];	/* NULL: not mapped or empty */
	size_t size[NUM_MAPS];
	uint32_t id, peers;
};

/* the program's name, for the messages: "uio_send", "uio_read" */
extern const char *uio_prog;

/* "PROG: DEVICE: MESSAGE" on stderr, exit 1 (@dev may be NULL) */
void __attribute__((noreturn, format(printf, 2, 3)))
uio_fail(const struct uio_dev *dev, const char *fmt, ...);
/* "PROG: MESSAGE (usage: PROG USAGE)", exit 2: a bad command line */
void __attribute__((noreturn, format(printf, 2, 3)))
uio_usage_fail(const char *usage, const char *fmt, ...);

/*
 * @arg as a number in [@min, @max] (decimal, or hex with 0x); otherwise
 * a one-line error naming @what (and the device, if @dev).
 */
unsigned long uio_number(const struct uio_dev *dev, const char *what,
			 const char *arg, unsigned long min,
			 unsigned long max);

/*
 * Opens @path and checks it is a UIO device of uio_ivshmem; maps the
 * maps in the bit mask @maps (bit n: map n; read-only ones without
 * PROT_WRITE) and reads ID and maximum peers.  Any failure is fatal.  An
 * empty section (map named "none") is left unmapped (map[n] NULL) unless
 * it is in @required, when that is fatal too.
 */
void uio_open(struct uio_dev *dev, const char *path, unsigned int maps,
	      unsigned int required);

/* one line of the device's sysfs attribute @attr ("name", "event") */
void uio_attr(const struct uio_dev *dev, const char *attr, char *buf,
	      size_t len);

uint32_t uio_reg_read(const struct uio_dev *dev, unsigned int reg);
void uio_reg_write(const struct uio_dev *dev, unsigned int reg,
		   uint32_t value);
/* the u32 at byte @offset of map @n, 0 where the map has none */
uint32_t uio_word(const struct uio_dev *dev, unsigned int n, size_t offset);

/* writes to shared memory before this are seen before what follows it */
void uio_barrier(void);

/* write 1 (0) to /dev/uioN: interrupts on (off) */
void uio_set_interrupts(const struct uio_dev *dev, bool on);

/*
 * If this peer's state is 0, sets it to ID + 1 (as both ivshmem-demos
 * do: "running"), so that a peer waiting for it (the bare-metal
 * ivshmem-demo enables its interrupt only then) starts.  Returns whether
 * it did; prints what it found or did.
 */
bool uio_announce(const struct uio_dev *dev);

#endif /* !UIO_COMMON_H */
