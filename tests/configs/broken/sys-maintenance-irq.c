// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: maintenance interrupt given as an SPI.
 *
 * check: @
 * expect: platform_info.arm.maintenance_irq: 40: the GIC maintenance interrupt is a PPI
 */
#define MAINTENANCE_IRQ 40
#include "system.h"
