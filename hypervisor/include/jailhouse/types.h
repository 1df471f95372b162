/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types of the hypervisor core.  The core is freestanding, so
 * it takes them from the compiler's own headers, which are also what the
 * host build of the unit tests sees.
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#endif /* !_JAILHOUSE_TYPES_H */
