/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks that know who holds them.  Every lock of the hypervisor is
 * defined with DEFINE_SPINLOCK(), which also enters it in a registry (the
 * jh_locks section, as DEFINE_UNIT() does for units): a CPU that faults
 * at EL2 (cpu_lost()) releases the locks it holds, so that the other
 * CPUs do not spin on them for ever, and the core refuses what relied on
 * the state they guarded.
 */
#ifndef _JAILHOUSE_SPINLOCK_H
#define _JAILHOUSE_SPINLOCK_H

#include <jailhouse/hypervisor.h>

typedef struct {
	volatile unsigned int locked;
	volatile unsigned int holder;	/* the holder's cpu_id + 1, or 0 */
	const char *name;
} spinlock_t;

#define DEFINE_SPINLOCK(ident)						\
	static spinlock_t ident = { .name = #ident };			\
	static spinlock_t *const __lock_##ident				\
	__attribute__((section("jh_locks"), used)) = &ident

/* The registry: the linker provides the bounds of the section. */
extern spinlock_t *const __start_jh_locks[], *const __stop_jh_locks[];

#define for_each_spinlock(ptr)						\
	for ((ptr) = __start_jh_locks; (ptr) < __stop_jh_locks; (ptr)++)

/* The running CPU's id + 1; 0 before it has per-CPU data (host tests). */
static inline unsigned int spin_holder_id(void)
{
	struct per_cpu *cpu = this_cpu();

	return cpu ? cpu->cpu_id + 1 : 0;
}

static inline void spin_lock_acquire(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (lock->locked)
			cpu_relax();
}

static inline void spin_lock(spinlock_t *lock)
{
	spin_lock_acquire(lock);
	lock->holder = spin_holder_id();
}

/* Take @lock if it is free; true if it was taken. */
static inline bool spin_trylock(spinlock_t *lock)
{
	if (lock->locked ||
	    __atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		return false;
	lock->holder = spin_holder_id();
	return true;
}

static inline void spin_unlock(spinlock_t *lock)
{
	lock->holder = 0;
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

#endif /* !_JAILHOUSE_SPINLOCK_H */
