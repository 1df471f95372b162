// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU bench: the bare-metal ivshmem-demo on CPU 2, peer 1 of the IVSHMEM
 * demo device 00:00.0 (the root cell is peer 0, linux-demo peer 2).  Its
 * INTx is INTID 32 + 108 + 0 = 140.
 */
#define IVSHMEM_CELL_NAME	"ivshmem-demo"
#define IVSHMEM_CELL_CPU	2
#define IVSHMEM_CELL_RAM	QEMU_IVSHMEM_CELL_RAM
#define IVSHMEM_CELL_PEER	1
#define IVSHMEM_CELL_VPCI_SPI	QEMU_IVSHMEM_VPCI_SPI
#include "qemu-ivshmem-cell.h"
