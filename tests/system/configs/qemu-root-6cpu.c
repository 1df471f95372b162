// SPDX-License-Identifier: GPL-2.0
/* The bench's root cell on a six-CPU machine (# smp: 6), for the hostile
 * suite: a hostile cell, a witness cell and three root CPUs at once. */
#define QEMU_ROOT_CPUS		0x3f
#include "qemu-arm64.c"
