/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_SPINLOCK_H
#define _JAILHOUSE_SPINLOCK_H

#include <asm/sysregs.h>

typedef struct {
	volatile unsigned int locked;
} spinlock_t;

static inline void spin_lock(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (lock->locked)
			cpu_relax();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

#endif /* !_JAILHOUSE_SPINLOCK_H */
