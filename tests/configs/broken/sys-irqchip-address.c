// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an irqchip entry that does not name the GIC distributor.
 *
 * check: @
 * expect: irqchips[0].address: 0x8010000: not the GIC distributor 0x8000000
 */
#define IRQCHIP { .address = 0x08010000, .pin_base = 32, \
	.pin_bitmap = { 0xffffffff } }
#include "system.h"
