// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an interrupt the root cell does not have.
 *
 * check: qemu-arm64 @
 * expect: irqchips: INTID 200: not an interrupt of the root cell
 */
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 200)
#include "cell.h"
