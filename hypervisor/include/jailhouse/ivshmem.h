/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual PCI host and its IVSHMEM v2 devices (ivshmem.c).
 */
#ifndef _JAILHOUSE_IVSHMEM_H
#define _JAILHOUSE_IVSHMEM_H

#include <jailhouse/hypervisor.h>

#define IVSHMEM_MAX_PEERS	12

struct ivshmem_link;

/* One IVSHMEM device of one cell: a peer of its link. */
struct ivshmem_endpoint {
	struct cell *cell;
	const struct jailhouse_pci_device *info;
	struct ivshmem_link *link;
	u32 bars[6];
	u16 command;
	u32 int_control;
	bool one_shot;
};

/* Attaches the cell's devices, registers its ECAM and BAR windows. */
int ivshmem_cell_init(struct cell *cell);
void ivshmem_cell_reset(struct cell *cell);
void ivshmem_cell_gone(struct cell *cell);
void ivshmem_cell_exit(struct cell *cell);

#endif /* !_JAILHOUSE_IVSHMEM_H */
