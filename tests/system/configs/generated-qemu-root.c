// SPDX-License-Identifier: GPL-2.0
/*
 * Root cell of linux,dummy-virt (linux,dummy-virt), written by "jailhouse
 * config create" from its device tree. Review it before use:
 * Documentation/config-create.md says what it holds and what it leaves to you.
 *
 *   0x7fc00000    4 MiB  hypervisor (jailhouse@7fc00000)
 *   0x70000000  252 MiB  RAM lent to cells (jailhouse-cells@70000000)
 *   0x70000000    1 MiB  of it, the inmate-demo cell's RAM
 *   0x7fb00000   56 KiB  IVSHMEM 00:00.0, root cell and inmate-demo
 *   0x3fe00000    2 MiB  virtual PCI host: ECAM of bus 0, BAR window
 *
 * 4 CPUs (MPIDR 0x0, 0x1, 0x2, 0x3), GICv3 at 0x08000000 (/intc@8000000).
 * Debug console: /pl011@9000000.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[16];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x00400000,
		},
		/* /pl011@9000000 */
		.debug_console = {
			.address = 0x09000000,
			.size = 0x00001000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.pci_mmconfig_base = 0x3fe00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 3,
				.gicd_base = 0x08000000,
				.gicr_base = 0x080a0000,
				.gicr_size = 0x00f60000,
				/* from /intc@8000000 */
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-arm64-generated",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			/* INTx of IVSHMEM 00:00.0: INTID 44 */
			.vpci_irq_base = 12,
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* /flash@0 */ {
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0x08000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* /pl011@9000000 */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* /pl031@9010000 */ {
			.phys_start = 0x09010000,
			.virt_start = 0x09010000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* /fw-cfg@9020000 */ {
			.phys_start = 0x09020000,
			.virt_start = 0x09020000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* /pl061@9030000 */ {
			.phys_start = 0x09030000,
			.virt_start = 0x09030000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * /virtio_mmio@a000000
		 * /virtio_mmio@a000200
		 * /virtio_mmio@a000400
		 * /virtio_mmio@a000600
		 * /virtio_mmio@a000800
		 * /virtio_mmio@a000a00
		 * /virtio_mmio@a000c00
		 * /virtio_mmio@a000e00
		 * /virtio_mmio@a001000
		 * /virtio_mmio@a001200
		 * /virtio_mmio@a001400
		 * /virtio_mmio@a001600
		 * /virtio_mmio@a001800
		 * /virtio_mmio@a001a00
		 * /virtio_mmio@a001c00
		 * /virtio_mmio@a001e00
		 * /virtio_mmio@a002000
		 * /virtio_mmio@a002200
		 * /virtio_mmio@a002400
		 * /virtio_mmio@a002600
		 * /virtio_mmio@a002800
		 * /virtio_mmio@a002a00
		 * /virtio_mmio@a002c00
		 * /virtio_mmio@a002e00
		 * /virtio_mmio@a003000
		 * /virtio_mmio@a003200
		 * /virtio_mmio@a003400
		 * /virtio_mmio@a003600
		 * /virtio_mmio@a003800
		 * /virtio_mmio@a003a00
		 * /virtio_mmio@a003c00
		 * /virtio_mmio@a003e00
		 */
		{
			.phys_start = 0x0a000000,
			.virt_start = 0x0a000000,
			.size = 0x00004000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* /pcie@10000000 */ {
			.phys_start = 0x10000000,
			.virt_start = 0x10000000,
			.size = 0x2f000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* RAM */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x30000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/*
		 * RAM lent to cells (/reserved-memory/jailhouse-cells@70000000)
		 */
		{
			.phys_start = 0x70000000,
			.virt_start = 0x70000000,
			.size = 0x0fb00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* IVSHMEM 00:00.0: state table */ {
			.phys_start = 0x7fb00000,
			.virt_start = 0x7fb00000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* IVSHMEM 00:00.0: read/write section */ {
			.phys_start = 0x7fb01000,
			.virt_start = 0x7fb01000,
			.size = 0x00009000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* IVSHMEM 00:00.0: output section of peer 0 */ {
			.phys_start = 0x7fb0a000,
			.virt_start = 0x7fb0a000,
			.size = 0x00002000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* IVSHMEM 00:00.0: output section of peer 1 */ {
			.phys_start = 0x7fb0c000,
			.virt_start = 0x7fb0c000,
			.size = 0x00002000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * RAM lent to cells (/reserved-memory/jailhouse-cells@70000000)
		 */
		{
			.phys_start = 0x7fb0e000,
			.virt_start = 0x7fb0e000,
			.size = 0x000f2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* /pcie@10000000 */ {
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* /pcie@10000000 */ {
			.phys_start = 0x8000000000,
			.virt_start = 0x8000000000,
			.size = 0x8000000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/* GIC: INTIDs 32-159 */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* IVSHMEM 00:00.0, peer 0 of 2: this cell */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 9,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
