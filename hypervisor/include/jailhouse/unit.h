/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The unit interface: the interrupt controller, virtual devices and SoC
 * blocks plug into the core through it, so that the core names none of
 * them.  A unit defines itself with DEFINE_UNIT(); the core calls every
 * unit's operations in the order of their enum unit_order, and the exits
 * in the reverse order.  Any operation may be NULL.
 */
#ifndef _JAILHOUSE_UNIT_H
#define _JAILHOUSE_UNIT_H

struct cell;

/* Who comes first: the others rely on the interrupt controller. */
enum unit_order {
	UNIT_IRQCHIP,
	UNIT_DEVICE,		/* virtual PCI, IVSHMEM */
	UNIT_SOC,		/* SoC blocks mediated per pin */
	UNIT_ORDERS
};

struct unit {
	const char *name;
	enum unit_order order;
	/* at enable, on the first CPU, after the console is up */
	int (*init)(void);
	/*
	 * A cell is built (the root cell at enable, others at create): take
	 * what its configuration gives, register its MMIO regions.  On an
	 * error, cell_exit() of every unit undoes what was done.
	 */
	int (*cell_init)(struct cell *cell);
	/* The new cell exists: what it takes now leaves the root cell. */
	void (*cell_commit)(struct cell *cell);
	/* The cell's CPUs are stopped, before it is loaded or started. */
	void (*cell_reset)(struct cell *cell);
	/* The cell stopped running by itself (failed, shut itself down). */
	void (*cell_gone)(struct cell *cell);
	/*
	 * The cell is destroyed, or its creation failed: also when an
	 * earlier step failed before this unit's cell_init() ran, so it
	 * undoes only what it did.
	 */
	void (*cell_exit)(struct cell *cell);
};

#define DEFINE_UNIT(ident)						\
	static const struct unit *const __unit_##ident			\
	__attribute__((section("jh_units"), used)) = &ident

/* every unit's @op, in order, until one fails */
int units_init(void);
int units_cell_init(struct cell *cell);
void units_cell_commit(struct cell *cell);
void units_cell_reset(struct cell *cell);
void units_cell_gone(struct cell *cell);
/* in reverse order */
void units_cell_exit(struct cell *cell);

#endif /* !_JAILHOUSE_UNIT_H */
