// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: the interrupt of another cell.
 *
 * check: qemu-arm64 qemu-arm64-ivshmem-demo @
 * expect: irqchips: INTID 140: also claimed by cell 'ivshmem-demo'
 */
#define NUM_IRQCHIPS 1
#define IRQCHIPS ONE_SPI(QEMU_GICD, 140)
#include "cell.h"
