/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What arm64 keeps per CPU and per trap behind the arch interface.
 */
#ifndef _JAILHOUSE_ASM_PERCPU_H
#define _JAILHOUSE_ASM_PERCPU_H

#include <jailhouse/types.h>

/* The guest's general-purpose registers, saved at every trap. */
struct trap_frame {
	u64 x[31];
	u64 pad;
};

#endif /* !_JAILHOUSE_ASM_PERCPU_H */
