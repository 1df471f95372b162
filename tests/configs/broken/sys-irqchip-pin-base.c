// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: pin_base not a multiple of 32.
 *
 * check: @
 * expect: irqchips[0].pin_base: 48: not a multiple of 32
 */
#define IRQCHIP { .address = QEMU_GICD, .pin_base = 48, \
	.pin_bitmap = { 0xffffffff } }
#include "system.h"
