// SPDX-License-Identifier: GPL-2.0
/*
 * Iterating the units (jailhouse/unit.h).  DEFINE_UNIT() puts a pointer
 * to each unit into the section jh_units; the linker gives its bounds.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/unit.h>

#ifdef __JAILHOUSE_HYPERVISOR__
/* reached PC-relative: no GOT entry, no relocation */
#define UNITS_BOUND	__attribute__((visibility("hidden")))
#else
/* a host test may link the core without any unit */
#define UNITS_BOUND	__attribute__((weak))
#endif

extern const struct unit *const __start_jh_units[] UNITS_BOUND;
extern const struct unit *const __stop_jh_units[] UNITS_BOUND;

#define for_each_unit(u, order)						\
	for ((order) = 0; (order) < UNIT_ORDERS; (order)++)		\
		for ((u) = __start_jh_units; (u) < __stop_jh_units; (u)++) \
			if ((*(u))->order == (order))

#define for_each_unit_reverse(u, order)					\
	for ((order) = UNIT_ORDERS; (order)-- > 0;)			\
		for ((u) = __stop_jh_units; (u)-- > __start_jh_units;)	\
			if ((*(u))->order == (order))

int units_init(void)
{
	const struct unit *const *u;
	unsigned int order;
	int err;

	for_each_unit(u, order) {
		if (!(*u)->init)
			continue;
		/* a unit that fails says why */
		err = (*u)->init();
		if (err)
			return err;
	}
	return 0;
}

int units_cell_init(struct cell *cell)
{
	const struct unit *const *u;
	unsigned int order;
	int err;

	for_each_unit(u, order) {
		if (!(*u)->cell_init)
			continue;
		err = (*u)->cell_init(cell);
		if (err)
			return err;
	}
	return 0;
}

typedef void (*cell_op_t)(struct cell *cell);

/* Each unit's operation at @offset in struct unit, in order. */
static void units_call(unsigned long offset, struct cell *cell)
{
	const struct unit *const *u;
	unsigned int order;
	cell_op_t op;

	for_each_unit(u, order) {
		op = *(const cell_op_t *)((const char *)*u + offset);
		if (op)
			op(cell);
	}
}

void units_cell_commit(struct cell *cell)
{
	units_call(__builtin_offsetof(struct unit, cell_commit), cell);
}

void units_cell_reset(struct cell *cell)
{
	units_call(__builtin_offsetof(struct unit, cell_reset), cell);
}

void units_cell_gone(struct cell *cell)
{
	units_call(__builtin_offsetof(struct unit, cell_gone), cell);
}

void units_cell_exit(struct cell *cell)
{
	const struct unit *const *u;
	unsigned int order;

	for_each_unit_reverse(u, order)
		if ((*u)->cell_exit)
			(*u)->cell_exit(cell);
}
