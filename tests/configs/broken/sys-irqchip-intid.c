// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: interrupts past the last SPI.
 *
 * check: @
 * expect: irqchips[0].pin_bitmap: 1055: INTID 1055 does not exist: GICv3 SPIs end at 1019
 */
#define IRQCHIP ALL_SPIS(QEMU_GICD, 928)
#include "system.h"
