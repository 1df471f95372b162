// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell's virtual PCI host: a device-tree overlay with a
 * "pci-host-ecam-generic" node at the system's pci_mmconfig_base, applied
 * once the hypervisor runs (which emulates the ECAM window and the
 * IVSHMEM devices behind it) and reverted before it stops.
 *
 * The overlay is written here as a flattened device tree, so that every
 * value comes from the configuration: no template to patch.
 */
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/version.h>

#include "jailhouse.h"

#define FDT_MAGIC		0xd00dfeed
#define FDT_BEGIN_NODE		1
#define FDT_END_NODE		2
#define FDT_PROP		3
#define FDT_END			9
#define FDT_HEADER_SIZE		40
#define FDT_RSVMAP_SIZE		16
#define OVERLAY_MAX		2048
#define GIC_SPI			0
#define IRQ_EDGE_RISING		1
#define PCI_SPACE_MEM32		0x02000000

/* A flattened device tree under construction: structure and strings. */
struct fdt_writer {
	u8 *buf;
	size_t size;
	size_t strings, strings_len;	/* the strings block, at the end */
	size_t pos;			/* in the structure block */
	bool overflow;
};

static void put(struct fdt_writer *w, const void *data, size_t len)
{
	if (w->pos + len > w->strings) {
		w->overflow = true;
		return;
	}
	memcpy(w->buf + w->pos, data, len);
	w->pos += len;
}

static void put_u32(struct fdt_writer *w, u32 value)
{
	__be32 be = cpu_to_be32(value);

	put(w, &be, 4);
}

static void align4(struct fdt_writer *w)
{
	static const u8 zero[4];

	put(w, zero, (4 - (w->pos & 3)) & 3);
}

static void begin_node(struct fdt_writer *w, const char *name)
{
	put_u32(w, FDT_BEGIN_NODE);
	put(w, name, strlen(name) + 1);
	align4(w);
}

static void end_node(struct fdt_writer *w)
{
	put_u32(w, FDT_END_NODE);
}

/* Offset of @name in the strings block, added if new. */
static u32 string_offset(struct fdt_writer *w, const char *name)
{
	size_t len = strlen(name) + 1, off = 0;
	const char *strings = (const char *)w->buf + w->strings;

	while (off < w->strings_len) {
		if (!strcmp(strings + off, name))
			return off;
		off += strlen(strings + off) + 1;
	}
	/* the strings block grows from its start towards the end of buf */
	if (w->strings + w->strings_len + len > w->size) {
		w->overflow = true;
		return 0;
	}
	memcpy(w->buf + w->strings + w->strings_len, name, len);
	w->strings_len += len;
	return off;
}

static void property(struct fdt_writer *w, const char *name,
		     const void *value, u32 len)
{
	u32 nameoff = string_offset(w, name);

	put_u32(w, FDT_PROP);
	put_u32(w, len);
	put_u32(w, nameoff);
	put(w, value, len);
	align4(w);
}

static void property_cells(struct fdt_writer *w, const char *name,
			   const u32 *cells, unsigned int count)
{
	__be32 be[64];
	unsigned int n;

	for (n = 0; n < count && n < ARRAY_SIZE(be); n++)
		be[n] = cpu_to_be32(cells[n]);
	property(w, name, be, n * 4);
}

static void property_u32(struct fdt_writer *w, const char *name, u32 value)
{
	property_cells(w, name, &value, 1);
}

static void property_string(struct fdt_writer *w, const char *name,
			    const char *value)
{
	property(w, name, value, strlen(value) + 1);
}

/* Write @value as @cells cells (1 or 2) at @out; returns the count. */
static unsigned int put_cells(u32 *out, u64 value, unsigned int cells)
{
	if (cells == 1) {
		out[0] = value;
		return 1;
	}
	out[0] = value >> 32;
	out[1] = value;
	return 2;
}

/* ---- the host ---- */

static int overlay_id = -1;

/* Sum of the register windows of the root cell's IVSHMEM devices, x2. */
static u64 bar_window_size(const struct jailhouse_system *config)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(root);
	unsigned int n;
	u64 size = 0;

	for (n = 0; n < root->num_pci_devices; n++, dev++)
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			size += 2 * ((u64)(~dev->bar_mask[0]) + 1);
	return size;
}

struct gic_parent {
	u32 phandle;
	u32 address_cells;
};

static int find_gic(struct gic_parent *gic)
{
	static const char *const compatibles[] = {
		"arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic",
		"arm,cortex-a7-gic",
	};
	struct device_node *np = NULL;
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(compatibles) && !np; n++)
		np = of_find_compatible_node(NULL, NULL, compatibles[n]);
	if (!np || !np->phandle) {
		of_node_put(np);
		set_error("virtual PCI host: no GIC node with a phandle in the "
			  "device tree to route its interrupts to");
		return -ENODEV;
	}
	gic->phandle = np->phandle;
	if (of_property_read_u32(np, "#address-cells", &gic->address_cells))
		gic->address_cells = 0;
	of_node_put(np);
	return 0;
}

static void interrupt_map(struct fdt_writer *w, const struct gic_parent *gic,
			  u32 vpci_irq_base)
{
	u32 cells[4 * 10];
	unsigned int pin, k = 0, n;

	for (pin = 1; pin <= 4; pin++) {
		cells[k++] = 0;
		cells[k++] = 0;
		cells[k++] = 0;
		cells[k++] = pin;
		cells[k++] = gic->phandle;
		for (n = 0; n < gic->address_cells && n < 2; n++)
			cells[k++] = 0;
		cells[k++] = GIC_SPI;
		cells[k++] = vpci_irq_base + pin - 1;
		cells[k++] = IRQ_EDGE_RISING;
	}
	property_cells(w, "interrupt-map", cells, k);
}

static void host_node(struct fdt_writer *w,
		      const struct jailhouse_system *config,
		      const struct gic_parent *gic)
{
	u64 ecam = config->platform_info.pci_mmconfig_base;
	u64 ecam_size = ((u64)config->platform_info.pci_mmconfig_end_bus +
			 1) << 20;
	u64 window = ecam + ecam_size;
	u32 addr_cells = of_n_addr_cells(of_root);
	u32 size_cells = of_n_size_cells(of_root);
	u32 cells[16], k = 0;
	char name[32];

	snprintf(name, sizeof(name), "pci@%llx", ecam);
	begin_node(w, name);
	property_string(w, "compatible", "pci-host-ecam-generic");
	property_string(w, "device_type", "pci");
	cells[0] = 0;
	cells[1] = config->platform_info.pci_mmconfig_end_bus;
	property_cells(w, "bus-range", cells, 2);
	property_u32(w, "#address-cells", 3);
	property_u32(w, "#size-cells", 2);
	property_u32(w, "#interrupt-cells", 1);
	/*
	 * No linux,pci-domain: when the overlay goes, Linux (6.1) reads the
	 * property after removing it and frees a static domain number into
	 * the dynamic allocator (a WARNING, and no host on the next
	 * enable).  Linux numbers the domain itself.
	 */
	k = put_cells(cells, ecam, addr_cells);
	k += put_cells(cells + k, ecam_size, size_cells);
	property_cells(w, "reg", cells, k);
	/* one 32-bit memory window for the BARs, right after the ECAM */
	k = 0;
	cells[k++] = PCI_SPACE_MEM32;
	k += put_cells(cells + k, window, 2);
	k += put_cells(cells + k, window, addr_cells);
	k += put_cells(cells + k, bar_window_size(config), 2);
	property_cells(w, "ranges", cells, k);
	cells[0] = cells[1] = cells[2] = 0;
	cells[3] = 7;
	property_cells(w, "interrupt-map-mask", cells, 4);
	interrupt_map(w, gic, config->root_cell.vpci_irq_base);
	property(w, "dma-coherent", NULL, 0);
	end_node(w);
}

/* The overlay: fragment@0 { target-path = "/"; __overlay__ { pci@... } } */
static size_t build_overlay(u8 *buf, size_t size,
			    const struct jailhouse_system *config,
			    const struct gic_parent *gic)
{
	struct fdt_writer w = {
		.buf = buf, .size = size, .strings = size / 2,
		.pos = FDT_HEADER_SIZE + FDT_RSVMAP_SIZE,
	};
	__be32 *header = (__be32 *)buf;
	size_t struct_size;

	memset(buf, 0, size);
	begin_node(&w, "");
	begin_node(&w, "fragment@0");
	property_string(&w, "target-path", "/");
	begin_node(&w, "__overlay__");
	host_node(&w, config, gic);
	end_node(&w);
	end_node(&w);
	end_node(&w);
	put_u32(&w, FDT_END);
	if (w.overflow)
		return 0;

	/* the strings block follows the structure block */
	struct_size = w.pos - FDT_HEADER_SIZE - FDT_RSVMAP_SIZE;
	memmove(buf + w.pos, buf + w.strings, w.strings_len);
	header[0] = cpu_to_be32(FDT_MAGIC);
	header[1] = cpu_to_be32(w.pos + w.strings_len);	/* totalsize */
	header[2] = cpu_to_be32(FDT_HEADER_SIZE + FDT_RSVMAP_SIZE);
	header[3] = cpu_to_be32(w.pos);			/* strings */
	header[4] = cpu_to_be32(FDT_HEADER_SIZE);	/* rsvmap */
	header[5] = cpu_to_be32(17);			/* version */
	header[6] = cpu_to_be32(16);			/* compatible */
	header[7] = 0;					/* boot CPU */
	header[8] = cpu_to_be32(w.strings_len);
	header[9] = cpu_to_be32(struct_size);
	return w.pos + w.strings_len;
}

static bool wants_virtual_host(const struct jailhouse_system *config)
{
	return config->platform_info.pci_mmconfig_base &&
		config->platform_info.pci_is_virtual &&
		config->root_cell.num_pci_devices;
}

/* What the kernel needs for the host; checked before enabling. */
int jailhouse_pci_check_kernel(const struct jailhouse_system *config)
{
	if (!wants_virtual_host(config))
		return 0;
	if (!IS_ENABLED(CONFIG_OF_OVERLAY)) {
		set_error("the configuration gives the root cell a virtual PCI "
			  "host, but the kernel has no CONFIG_OF_OVERLAY to add "
			  "it: enable it, or set pci_mmconfig_base to 0");
		return -EINVAL;
	}
	if (!IS_ENABLED(CONFIG_PCI_HOST_GENERIC)) {
		set_error("the configuration gives the root cell a virtual PCI "
			  "host, but the kernel has no CONFIG_PCI_HOST_GENERIC "
			  "to drive it: enable it, or set pci_mmconfig_base to "
			  "0");
		return -EINVAL;
	}
	return 0;
}

static int apply_overlay(const void *fdt, u32 size, int *id)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
	return of_overlay_fdt_apply(fdt, size, id, NULL);
#else
	return of_overlay_fdt_apply(fdt, size, id);
#endif
}

/*
 * Whether pci-host-generic took the host the overlay added: it refuses
 * one whose ECAM or BAR window collides with a resource Linux already
 * has (e.g. upstream's QEMU ECAM on the GIC redistributors), and the
 * overlay itself succeeds all the same.
 */
static bool host_bound(u64 ecam)
{
	struct platform_device *pdev;
	struct device_node *np;
	char path[32];
	bool bound;

	snprintf(path, sizeof(path), "/pci@%llx", ecam);
	np = of_find_node_by_path(path);
	if (!np)
		return false;
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	if (!pdev)
		return false;
	bound = READ_ONCE(pdev->dev.driver) != NULL;
	put_device(&pdev->dev);
	return bound;
}

static int host_not_bound(const struct jailhouse_system *config)
{
	u64 ecam = config->platform_info.pci_mmconfig_base;
	u64 end = ecam + (((u64)config->platform_info.pci_mmconfig_end_bus +
			   1) << 20) + bar_window_size(config);

	of_overlay_remove(&overlay_id);
	overlay_id = -1;
	set_error("virtual PCI host at 0x%llx: pci-host-generic did not take "
		  "it (its error is in the kernel log): its ECAM and BAR "
		  "window 0x%llx-0x%llx must not overlap anything in "
		  "/proc/iomem or the device tree; move "
		  "platform_info.pci_mmconfig_base to a free range", ecam,
		  ecam, end - 1);
	return -ENODEV;
}

int jailhouse_pci_add_host(const struct jailhouse_system *config)
{
	struct gic_parent gic;
	size_t size;
	u8 *fdt;
	int err;

	if (!wants_virtual_host(config) || !IS_ENABLED(CONFIG_OF_OVERLAY))
		return 0;
	err = find_gic(&gic);
	if (err)
		return err;
	fdt = kmalloc(OVERLAY_MAX, GFP_KERNEL);
	if (!fdt)
		return -ENOMEM;
	size = build_overlay(fdt, OVERLAY_MAX, config, &gic);
	err = size ? apply_overlay(fdt, size, &overlay_id) : -E2BIG;
	kfree(fdt);
	if (err) {
		set_error("virtual PCI host: the device-tree overlay was "
			  "refused (%d); see the kernel log", err);
		overlay_id = -1;
		return err;
	}
	if (!host_bound(config->platform_info.pci_mmconfig_base))
		return host_not_bound(config);
	pr_info("jailhouse: virtual PCI host at 0x%llx added\n",
		config->platform_info.pci_mmconfig_base);
	return 0;
}

void jailhouse_pci_remove_host(void)
{
	int err;

	if (overlay_id < 0)
		return;
	err = of_overlay_remove(&overlay_id);
	if (err)
		pr_warn("jailhouse: virtual PCI host not removed (%d)\n", err);
	overlay_id = -1;
}
