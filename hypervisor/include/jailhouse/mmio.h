/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MMIO dispatch (mmio.c): each cell has a table of the emulated regions
 * its accesses may reach, kept sorted by address and searched by
 * bisection.  Units (GIC, virtual PCI/IVSHMEM, SoC blocks, sub-page
 * regions) register their regions when the cell is created; the table
 * goes with the cell.  An access reaches a handler only if it lies wholly
 * inside one region, is naturally aligned (unless the region says
 * otherwise) and of a width the region takes: the dispatcher checks that,
 * once, before any handler touches hardware.
 */
#ifndef _JAILHOUSE_MMIO_H
#define _JAILHOUSE_MMIO_H

#include <jailhouse/types.h>

struct cell;
struct per_cpu;

/* access widths a region takes: the access size is its own bit */
#define MMIO_W8			1	/* 1 byte */
#define MMIO_W16		2
#define MMIO_W32		4
#define MMIO_W64		8
#define MMIO_W_ANY		(MMIO_W8 | MMIO_W16 | MMIO_W32 | MMIO_W64)

/* region flags */
#define MMIO_UNALIGNED		1	/* no natural alignment required */

struct mmio_access {
	u64 address;		/* guest physical, as the cell accessed it */
	unsigned int size;	/* 1, 2, 4 or 8 bytes */
	bool is_write;
	u64 value;		/* to write; the handler sets what is read */
};

enum mmio_result {
	MMIO_HANDLED,
	/* not the handler's after all: reported like an access to no region */
	MMIO_NOT_MINE,
	/* refused; the handler said why in one line */
	MMIO_VIOLATION,
};

typedef enum mmio_result (*mmio_handler_t)(void *arg, struct per_cpu *cpu,
					   struct mmio_access *mmio);

struct mmio_region {
	u64 start;
	u32 size;
	u8 widths;		/* MMIO_W* */
	u8 flags;		/* MMIO_UNALIGNED */
	mmio_handler_t handler;
	void *arg;
};

struct mmio_table {
	struct mmio_region *regions;	/* a page of the pool, sorted */
	unsigned int count;
	unsigned int capacity;
	unsigned int hint;		/* the region of the last access */
};

int mmio_cell_init(struct cell *cell);
void mmio_cell_exit(struct cell *cell);
int mmio_region_register(struct cell *cell, u64 start, u64 size,
			 unsigned int widths, unsigned int flags,
			 mmio_handler_t handler, void *arg);
/*
 * Carry out @mmio of @cpu's cell; anything but MMIO_HANDLED is a
 * violation, reported in one line.
 */
enum mmio_result mmio_dispatch(struct per_cpu *cpu, struct mmio_access *mmio);
/* The line for an access that no region takes. */
void mmio_report_unhandled(struct per_cpu *cpu,
			   const struct mmio_access *mmio);
/*
 * The line for an access to @region that is misaligned, crosses its end
 * or has a width it does not take; returns MMIO_VIOLATION.
 */
enum mmio_result mmio_refuse(struct per_cpu *cpu,
			     const struct mmio_access *mmio,
			     const struct mmio_region *region);

#endif /* !_JAILHOUSE_MMIO_H */
