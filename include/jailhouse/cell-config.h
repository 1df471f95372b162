/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The cell configuration ABI.
 *
 * Binary layout: revision 15, the layout of the MediaTek fork
 * (mtk-jailhouse): upstream's revision 14 plus platform_info.arm.gicr_size,
 * num_smc_ids and num_vendors in the cell descriptor, and two more trailing
 * arrays (SMC IDs, then vendor entries) after the stream IDs.  Revision-14
 * binaries are converted by jailhouse_config_convert() (config-convert.h).
 *
 * Source compatibility: configurations written for upstream v0.12, for
 * mtk-jailhouse and for ProventusNova's fork compile unchanged.  Where the
 * forks name the same field differently, both names are members of an
 * anonymous union:
 *   num_vendors (PN)            = num_vendor_resources (MTK)
 *   num_smc_ids (MTK)           = smc_ids_size (PN; a count, never bytes)
 *   struct jailhouse_vendor     = struct jailhouse_vendor_resource
 *   .mtk_gpio / .mtk_eint / .mtk_clk {address, pin_base, pin_bitmap} (PN)
 *                               = {address, base, bitmap} (MTK)
 * A configuration lays its arrays out in the order of this file; one that
 * puts SMC IDs right after the CPU set (PN generation B) does not.
 *
 * Every structure is packed: the layout is the same on every host.
 */
#ifndef _JAILHOUSE_CELL_CONFIG_H
#define _JAILHOUSE_CELL_CONFIG_H

#include "console.h"

#define JAILHOUSE_CONFIG_REVISION	15
#define JAILHOUSE_CONFIG_REVISION_V14	14

#define JAILHOUSE_X86			0
#define JAILHOUSE_ARM			1
#define JAILHOUSE_ARM64			2

#define JAILHOUSE_SYSTEM_SIGNATURE	"JHSYS"
#define JAILHOUSE_CELL_DESC_SIGNATURE	"JHCLL"
#define JAILHOUSE_SIGNATURE_SIZE	5

#define JAILHOUSE_CELL_NAME_MAXLEN	31
#define JAILHOUSE_CELL_ID_NAMELEN	JAILHOUSE_CELL_NAME_MAXLEN

/* Where inmates are linked; configurations use it for their RAM region. */
#ifndef CONFIG_INMATE_BASE
#define CONFIG_INMATE_BASE		0x0
#endif

/* cell_desc.flags */
#define JAILHOUSE_CELL_PASSIVE_COMMREG			0x00000001
#define JAILHOUSE_CELL_TEST_DEVICE			0x00000002
#define JAILHOUSE_CELL_AARCH32				0x00000004
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED	0x40000000
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE		0x80000000
#define JAILHOUSE_CELL_FLAGS_VALID			0xc0000007

#define CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags) \
	!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
#define CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags) \
	!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED)

struct jailhouse_cell_desc {
	char signature[JAILHOUSE_SIGNATURE_SIZE];
	__u8 architecture;
	__u16 revision;

	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 id;		/* set by the driver */
	__u32 flags;

	__u32 cpu_set_size;	/* in bytes */
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 num_pio_regions;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 num_stream_ids;
	union {
		__u32 num_smc_ids;
		__u32 smc_ids_size;
	};
	union {
		__u32 num_vendors;
		__u32 num_vendor_resources;
	};

	__u32 vpci_irq_base;	/* SPI number, INTID - 32 */

	__u64 cpu_reset_address;
	__u64 msg_reply_timeout;

	struct jailhouse_console console;
} __attribute__((packed));

#define JAILHOUSE_MEM_READ		0x0001
#define JAILHOUSE_MEM_WRITE		0x0002
#define JAILHOUSE_MEM_EXECUTE		0x0004
#define JAILHOUSE_MEM_DMA		0x0008
#define JAILHOUSE_MEM_IO		0x0010
#define JAILHOUSE_MEM_COMM_REGION	0x0020
#define JAILHOUSE_MEM_LOADABLE		0x0040
#define JAILHOUSE_MEM_ROOTSHARED	0x0080
#define JAILHOUSE_MEM_NO_HUGEPAGES	0x0100
#define JAILHOUSE_MEM_IO_UNALIGNED	0x8000
#define JAILHOUSE_MEM_IO_WIDTH_SHIFT	16
#define JAILHOUSE_MEM_IO_8		(1 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_16		(2 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_32		(4 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_64		(8 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_FLAGS_VALID	0x000f81ffULL

struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
} __attribute__((packed));

#define JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id)			\
	{								\
		.phys_start = start,					\
		.virt_start = start,					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	},								\
	{ 0 },								\
	{								\
		.phys_start = (start) + 0x1000,				\
		.virt_start = (start) + 0x1000,				\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id == 0) ? JAILHOUSE_MEM_WRITE : 0),	\
	},								\
	{								\
		.phys_start = (start) + 0x80000,			\
		.virt_start = (start) + 0x80000,			\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id == 1) ? JAILHOUSE_MEM_WRITE : 0),	\
	}

#define JAILHOUSE_CACHE_L3_CODE		0x01
#define JAILHOUSE_CACHE_L3_DATA		0x02
#define JAILHOUSE_CACHE_L3		(JAILHOUSE_CACHE_L3_CODE | \
					 JAILHOUSE_CACHE_L3_DATA)
#define JAILHOUSE_CACHE_ROOTSHARED	0x0001

struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

/* One irqchip entry covers 128 INTIDs from pin_base (a multiple of 32). */
#define JAILHOUSE_IRQCHIP_PINS		128

struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

struct jailhouse_pio {
	__u16 base;
	__u16 length;
} __attribute__((packed));

#define JAILHOUSE_PCI_TYPE_DEVICE	0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE	0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM	0x03

#define JAILHOUSE_SHMEM_PROTO_UNDEFINED		0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH		0x0001
#define JAILHOUSE_SHMEM_PROTO_CUSTOM		0x4000	/* 0x4000..0x7fff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT	0x8000	/* 0x8000..0xbfff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK	0xc000	/* 0xc000..0xffff */

#define VIRTIO_DEV_NET				1
#define VIRTIO_DEV_BLOCK			2
#define VIRTIO_DEV_CONSOLE			3

/* IVSHMEM v2: at most this many peers share one device */
#define JAILHOUSE_IVSHMEM_MAX_PEERS		12

struct jailhouse_pci_device {
	__u8 type;
	__u8 iommu;
	__u16 domain;
	__u16 bdf;
	__u32 bar_mask[6];
	__u16 caps_start;
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits:1;
	__u8 msi_maskable:1;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	__u32 shmem_regions_start;
	__u8 shmem_dev_id;
	__u8 shmem_peers;
	__u16 shmem_protocol;
} __attribute__((packed));

#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX			\
	{						\
		0xfffff000, 0x00000000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX			\
	{						\
		0xfffff000, 0xfffff000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K		\
	{						\
		0xffff0000, 0x00000000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K		\
	{						\
		0xffff0000, 0xffff0000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#define JAILHOUSE_PCI_EXT_CAP		0x8000
#define JAILHOUSE_PCICAPS_WRITE		0x0001

struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

#define JAILHOUSE_MAX_IOMMU_UNITS	8

#define JAILHOUSE_IOMMU_UNUSED		0
#define JAILHOUSE_IOMMU_AMD		1
#define JAILHOUSE_IOMMU_INTEL		2
#define JAILHOUSE_IOMMU_SMMUV3		3
#define JAILHOUSE_IOMMU_PVU		4
#define JAILHOUSE_IOMMU_ARM_MMU500	5

struct jailhouse_iommu {
	__u32 type;
	__u64 base;
	__u32 size;
	union {
		struct {
			__u16 bdf;
			__u8 base_cap;
			__u8 msi_cap;
			__u32 features;
		} __attribute__((packed)) amd;
		struct {
			__u64 tlb_base;
			__u32 tlb_size;
		} __attribute__((packed)) tipvu;
	};
} __attribute__((packed));

union jailhouse_stream_id {
	__u32 id;
	struct {
		__u16 id;	/* 15 significant bits */
		__u16 mask_out;	/* a set bit ignores that bit of id */
	} __attribute__((packed)) mmu500;
} __attribute__((packed));

/*
 * Vendor entries: a block of pins (GPIO, EINT) or clock gates that the
 * hypervisor mediates per pin, and the 128 of them from base that the cell
 * owns.  Type codes are those of both MediaTek forks.
 */
#define JAILHOUSE_VENDOR_ILLEGAL	0
#define JAILHOUSE_VENDOR_MTK_EINT	1
#define JAILHOUSE_VENDOR_MTK_GPIO	2
#define JAILHOUSE_VENDOR_MTK_CLK	3
#define JAILHOUSE_VENDOR_MT8188_EINT	JAILHOUSE_VENDOR_MTK_EINT
#define JAILHOUSE_VENDOR_MT8188_GPIO	JAILHOUSE_VENDOR_MTK_GPIO
#define JAILHOUSE_VENDOR_MT8188_CLK	JAILHOUSE_VENDOR_MTK_CLK

#define JAILHOUSE_VENDOR_PINS		128	/* per entry */
#define JAILHOUSE_VENDOR_MAX_PINS	256	/* per block */

struct jailhouse_vendor_pins {
	__u64 address;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

struct jailhouse_vendor_clk {
	__u64 address;
	__u32 clk_base;
	__u32 clk_bitmap[4];
} __attribute__((packed));

struct jailhouse_vendor {
	__u32 type;
	union {
		struct {
			__u64 address;
			__u32 base;
			__u32 bitmap[4];
		} __attribute__((packed));
		struct jailhouse_vendor_pins mtk_eint;
		struct jailhouse_vendor_pins mtk_gpio;
		struct jailhouse_vendor_clk mtk_clk;
	};
} __attribute__((packed));

/* mtk-jailhouse's name of the same entry */
#define jailhouse_vendor_resource jailhouse_vendor

#define JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE	0x0001
#define JAILHOUSE_SYS_FLAGS_VALID		0x0001

#define SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(flags) \
	!!((flags) & JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE)

struct jailhouse_system {
	char signature[JAILHOUSE_SIGNATURE_SIZE];
	__u8 architecture;
	__u16 revision;

	__u32 flags;

	/* only phys_start and size are used */
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;
		struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
		union {
			struct {
				__u16 pm_timer_address;
				__u8 apic_mode;
				__u8 padding;
				__u32 vtd_interrupt_limit;
				__u32 tsc_khz;
				__u32 apic_khz;
			} __attribute__((packed)) x86;
			struct {
				__u8 maintenance_irq;
				__u8 gic_version;
				__u8 padding[2];
				__u64 gicd_base;
				__u64 gicc_base;
				__u64 gich_base;
				__u64 gicv_base;
				__u64 gicr_base;
				/* 0: one 128 KiB frame per CPU, contiguous */
				__u32 gicr_size;
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

/* The trailing arrays of a cell descriptor, in this order. */
static inline __u64
jailhouse_cell_config_size(const struct jailhouse_cell_desc *cell)
{
	return sizeof(struct jailhouse_cell_desc) +
		(__u64)cell->cpu_set_size +
		(__u64)cell->num_memory_regions *
			sizeof(struct jailhouse_memory) +
		(__u64)cell->num_cache_regions *
			sizeof(struct jailhouse_cache) +
		(__u64)cell->num_irqchips * sizeof(struct jailhouse_irqchip) +
		(__u64)cell->num_pio_regions * sizeof(struct jailhouse_pio) +
		(__u64)cell->num_pci_devices *
			sizeof(struct jailhouse_pci_device) +
		(__u64)cell->num_pci_caps *
			sizeof(struct jailhouse_pci_capability) +
		(__u64)cell->num_stream_ids *
			sizeof(union jailhouse_stream_id) +
		(__u64)cell->num_smc_ids * sizeof(__u32) +
		(__u64)cell->num_vendors * sizeof(struct jailhouse_vendor);
}

static inline __u64
jailhouse_system_config_size(const struct jailhouse_system *system)
{
	return sizeof(*system) - sizeof(system->root_cell) +
		jailhouse_cell_config_size(&system->root_cell);
}

static inline const __u8 *
jailhouse_cell_cpu_set(const struct jailhouse_cell_desc *cell)
{
	return (const __u8 *)cell + sizeof(struct jailhouse_cell_desc);
}

static inline const struct jailhouse_memory *
jailhouse_cell_mem_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_memory *)
		(jailhouse_cell_cpu_set(cell) + cell->cpu_set_size);
}

static inline const struct jailhouse_cache *
jailhouse_cell_cache_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_cache *)
		(jailhouse_cell_mem_regions(cell) + cell->num_memory_regions);
}

static inline const struct jailhouse_irqchip *
jailhouse_cell_irqchips(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_irqchip *)
		(jailhouse_cell_cache_regions(cell) + cell->num_cache_regions);
}

static inline const struct jailhouse_pio *
jailhouse_cell_pio(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pio *)
		(jailhouse_cell_irqchips(cell) + cell->num_irqchips);
}

static inline const struct jailhouse_pci_device *
jailhouse_cell_pci_devices(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_device *)
		(jailhouse_cell_pio(cell) + cell->num_pio_regions);
}

static inline const struct jailhouse_pci_capability *
jailhouse_cell_pci_caps(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_capability *)
		(jailhouse_cell_pci_devices(cell) + cell->num_pci_devices);
}

static inline const union jailhouse_stream_id *
jailhouse_cell_stream_ids(const struct jailhouse_cell_desc *cell)
{
	return (const union jailhouse_stream_id *)
		(jailhouse_cell_pci_caps(cell) + cell->num_pci_caps);
}

/* SMC IDs may sit at any byte offset (cpu_set_size is in bytes). */
struct jailhouse_smc_id {
	__u32 id;
} __attribute__((packed));

static inline const struct jailhouse_smc_id *
jailhouse_cell_smc_ids(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_smc_id *)
		(jailhouse_cell_stream_ids(cell) + cell->num_stream_ids);
}

static inline const struct jailhouse_vendor *
jailhouse_cell_vendors(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_vendor *)
		(jailhouse_cell_smc_ids(cell) + cell->num_smc_ids);
}

#endif /* !_JAILHOUSE_CELL_CONFIG_H */
