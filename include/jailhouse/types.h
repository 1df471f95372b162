/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types for everything outside the Linux kernel that includes
 * the ABI headers: the hypervisor (freestanding), the tools, the inmates,
 * the cell configurations and the host tests.  The kernel driver gets the
 * same names from <linux/types.h>.
 *
 * Cell configurations written for upstream Jailhouse and its MediaTek forks
 * include this file first and rely on __u8..__u64 and ARRAY_SIZE.
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>

/*
 * The same base types as the kernel's <asm-generic/int-ll64.h>, so that a
 * tool may include <linux/types.h> as well, and so that 64-bit values
 * print with %ll on every host.
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef signed short __s16;
typedef signed int __s32;
typedef signed long long __s64;

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s8 s8;
typedef __s16 s16;
typedef __s32 s32;
typedef __s64 s64;

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(array)	(sizeof(array) / sizeof((array)[0]))
#endif
#endif /* !__KERNEL__ */

#endif /* !_JAILHOUSE_TYPES_H */
