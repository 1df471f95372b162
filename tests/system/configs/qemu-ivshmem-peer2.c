// SPDX-License-Identifier: GPL-2.0
/*
 * A second bare-metal IVSHMEM peer on the QEMU bench: peer 2 of device
 * 00:00.0 (the slot of linux-demo) on CPU 3, RAM at the linux-demo
 * loader's 1 MiB.  Its INTx is INTID 32 + 120 + 0 = 152.
 */
#define IVSHMEM_CELL_NAME	"ivshmem-peer2"
#define IVSHMEM_CELL_CPU	3
#define IVSHMEM_CELL_RAM	QEMU_LINUX_LOADER
#define IVSHMEM_CELL_PEER	2
#define IVSHMEM_CELL_VPCI_SPI	QEMU_LINUX_VPCI_SPI
#include "qemu-ivshmem-cell.h"
