/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The QEMU test bench (scripts/qemu.sh): virt, GICv3, 4 CPUs, 1 GiB of RAM
 * at 0x40000000, and the device tree's reserved memory
 * (scripts/guest/reserved-memory.dtsi):
 *
 *   0x70000000  128 MiB  linux-demo RAM
 *   0x7f000000    1 MiB  inmate-demo RAM
 *   0x7f100000    1 MiB  ivshmem-demo RAM
 *   0x7f200000    1 MiB  linux-demo loader
 *   0x7fa00000   64 KiB  IVSHMEM demo device 00:00.0 (3 peers)
 *   0x7fb00000 1020 KiB  ivshmem-net device 00:01.0 (root and linux-demo)
 *   0x7fc00000    4 MiB  hypervisor
 *
 * The virtual PCI host (ECAM of bus 0, then its BAR window) is emulated at
 * 0x0c000000, in the platform-bus window that nothing uses with -machine
 * virt: Linux must see no resource there, or pci-host-generic cannot
 * claim it.  Not in the device tree's reserved memory (a "reserved"
 * resource), and not at upstream's 0x08e00000, which QEMU 7.2's device
 * tree gives to the GIC redistributors (shared/reference/qemu-bench.md).
 */
#ifndef _QEMU_ARM64_H
#define _QEMU_ARM64_H

#include "regions.h"

#define QEMU_GICD		0x08000000
#define QEMU_GICR		0x080a0000
#define QEMU_UART		0x09000000
#define QEMU_UART_INTID		33

#define QEMU_CELLS_RAM		0x70000000
#define QEMU_LINUX_RAM		0x70000000
#define QEMU_LINUX_RAM_SIZE	0x08000000
#define QEMU_INMATE_RAM		0x7f000000
#define QEMU_IVSHMEM_CELL_RAM	0x7f100000
#define QEMU_LINUX_LOADER	0x7f200000
#define QEMU_IVSHMEM		0x7fa00000
#define QEMU_VETH		0x7fb00000
#ifndef QEMU_VPCI_ECAM		/* a test moves it */
#define QEMU_VPCI_ECAM		0x0c000000
#define QEMU_VPCI_END		0x0c200000	/* ECAM + BAR window */
#endif
#define QEMU_HV			0x7fc00000
#define QEMU_HV_SIZE		0x00400000

/* vpci_irq_base of each cell (SPI numbers); INTx of slot s = 32 + base + s */
#define QEMU_ROOT_VPCI_SPI	96	/* INTID 128 */
#define QEMU_IVSHMEM_VPCI_SPI	108	/* INTID 140 */
#define QEMU_LINUX_VPCI_SPI	120	/* INTID 152 */

/* The shared PL011, mapped by every cell that prints to it. */
#define QEMU_UART_REGION {						\
		.phys_start = QEMU_UART,				\
		.virt_start = QEMU_UART,				\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,	\
	}

#define QEMU_UART_CONSOLE {						\
		.address = QEMU_UART,					\
		.size = 0x1000,						\
		.type = JAILHOUSE_CON_TYPE_PL011,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
	}

/*
 * The five regions of the IVSHMEM demo device, as peer @id sees them:
 * state table, 36 KiB read/write section, one 8 KiB output section per
 * peer.
 */
#define QEMU_IVSHMEM_REGIONS(id) \
	IVSHMEM_REGIONS_3PEERS(QEMU_IVSHMEM, 0x1000, 0x9000, 0x2000, id)
#define QEMU_IVSHMEM_OUTPUT(n, id) \
	IVSHMEM_OUTPUT(QEMU_IVSHMEM, 0x1000, 0x9000, 0x2000, n, id)

#define QEMU_IVSHMEM_DEVICE(id, first_region)				\
	IVSHMEM_DEVICE(1, 0, id, 3, first_region,			\
		       JAILHOUSE_IVSHMEM_BAR_MASK_INTX,			\
		       JAILHOUSE_SHMEM_PROTO_UNDEFINED)

/*
 * The network link between the root cell (peer 0) and the linux-demo
 * (peer 1): an ivshmem-net (VETH) device in slot 1, upstream's layout of
 * 4 KiB state table, no read/write section and two 508 KiB output
 * sections (2048 descriptors each, MTU 16384).
 */
#define QEMU_VETH_REGIONS(id)	JAILHOUSE_SHMEM_NET_REGIONS(QEMU_VETH, id)
#define QEMU_VETH_DEVICE(id, first_region)				\
	IVSHMEM_DEVICE(1, 1, id, 2, first_region,			\
		       JAILHOUSE_IVSHMEM_BAR_MASK_INTX,			\
		       JAILHOUSE_SHMEM_PROTO_VETH)

#endif /* !_QEMU_ARM64_H */
