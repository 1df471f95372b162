// SPDX-License-Identifier: GPL-2.0
/*
 * uio_ivshmem.ko: the IVSHMEM v2 devices of the hypervisor's virtual PCI
 * host for user space, through UIO.  The maps (mmap offset N * PAGE_SIZE
 * for map N) always have the same indexes:
 *
 *   0  registers       BAR0                            read/write
 *   1  state_table     one u32 per peer                read-only
 *   2  rw_section      shared by all peers             read/write
 *   3  input_sections  every peer's output section     read-only
 *   4  output_section  this peer's output section      read/write
 *
 * A section of size 0 (usually the R/W section) is a one-page map named
 * "none" that cannot be mapped: a map of size 0 would end UIO's list and
 * hide the maps after it.  Read-only maps refuse PROT_WRITE, as a write
 * there would stop the cell: the hypervisor maps them read-only.
 *
 * Shared memory is mapped non-cacheable (Normal-NC): a bare-metal peer may
 * run with its caches off, and the hypervisor writes the state table to
 * the point of coherency.  The registers are Device memory.
 *
 * Interrupts are INTx.  The device has no status register, so every
 * interrupt is ours and is counted; read() on /dev/uioN returns the count,
 * writing 1 (0) to it sets (clears) bit 0 of Interrupt Control.
 *
 * Devices of every protocol but VETH (0x0001, class 0xff0001) are taken:
 * virtual Ethernet links belong to ivshmem-net.ko, so probe refuses them.
 */
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/uio_driver.h>
#include <linux/version.h>

#include <jailhouse/ivshmem-regs.h>
#include <jailhouse/ivshmem-net.h>

#define MAP_REGS		0
#define MAP_STATE		1
#define MAP_RW			2
#define MAP_INPUT		3
#define MAP_OUTPUT		4

/* the name of an empty section's placeholder map */
static const char map_none[] = "none";

struct ivshmem {
	struct uio_info info;
	void __iomem *regs;
};

static u64 cap_read64(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return (u64)hi << 32 | lo;
}

static bool map_read_only(unsigned long index)
{
	return index == MAP_STATE || index == MAP_INPUT;
}

static void forbid_write(struct vm_area_struct *vma)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_clear(vma, VM_MAYWRITE);
#else
	vma->vm_flags &= ~VM_MAYWRITE;
#endif
}

/* UIO has checked the index and that the map is not too small. */
static int ivshmem_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	unsigned long index = vma->vm_pgoff;
	struct uio_mem *mem = &info->mem[index];
	unsigned long len = vma->vm_end - vma->vm_start;

	if (mem->name == map_none)
		return -ENODEV;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;		/* a private copy shares nothing */
	if (map_read_only(index)) {
		if (vma->vm_flags & VM_WRITE)
			return -EACCES;
		forbid_write(vma);
	}

	if (index == MAP_REGS)
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	else
		vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, mem->addr >> PAGE_SHIFT,
			       len, vma->vm_page_prot);
}

static irqreturn_t ivshmem_irq(int irq, struct uio_info *info)
{
	return IRQ_HANDLED;
}

static int ivshmem_irqcontrol(struct uio_info *info, s32 on)
{
	struct ivshmem *ivshmem = info->priv;

	writel(on ? 1 : 0, ivshmem->regs + IVSHMEM_REG_INT_CTRL);
	return 0;
}

static void set_map(struct uio_info *info, unsigned int index,
		    const char *name, phys_addr_t addr, u64 size)
{
	struct uio_mem *mem = &info->mem[index];

	mem->memtype = UIO_MEM_PHYS;
	if (size) {
		mem->name = name;
		mem->addr = addr;
		mem->size = size;
	} else {
		mem->name = map_none;
		mem->size = PAGE_SIZE;
	}
}

static int check_aligned(struct pci_dev *pdev, const char *what, u64 value)
{
	if (!PAGE_ALIGNED(value)) {
		dev_err(&pdev->dev, "%s 0x%llx is not page aligned\n", what,
			value);
		return -EINVAL;
	}
	return 0;
}

/* The shared memory, as the capability describes it, for peer @id. */
static int setup_shmem(struct pci_dev *pdev, struct uio_info *info, u32 id,
		       u32 peers)
{
	int cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	u64 rw_size, output_size, base, output;
	u32 state_size;
	u8 len;

	if (!cap) {
		dev_err(&pdev->dev, "no vendor-specific capability\n");
		return -ENODEV;
	}
	pci_read_config_byte(pdev, cap + IVSHMEM_CAP_LENGTH, &len);
	if (len < IVSHMEM_CAP_SIZE) {
		dev_err(&pdev->dev, "capability too short (%u bytes)\n", len);
		return -ENODEV;
	}
	pci_read_config_dword(pdev, cap + IVSHMEM_CAP_STATE_SIZE, &state_size);
	rw_size = cap_read64(pdev, cap + IVSHMEM_CAP_RW_SIZE);
	output_size = cap_read64(pdev, cap + IVSHMEM_CAP_OUTPUT_SIZE);
	base = cap_read64(pdev, cap + IVSHMEM_CAP_ADDRESS);

	dev_info(&pdev->dev,
		 "state table 0x%x, rw 0x%llx, output 0x%llx (x%u peers) at 0x%llx, ID %u\n",
		 state_size, rw_size, output_size, peers, base, id);
	if (check_aligned(pdev, "shared memory address", base) ||
	    check_aligned(pdev, "state table size", state_size) ||
	    check_aligned(pdev, "R/W section size", rw_size) ||
	    check_aligned(pdev, "output section size", output_size))
		return -EINVAL;

	output = base + state_size + rw_size;
	set_map(info, MAP_STATE, "state_table", base, state_size);
	set_map(info, MAP_RW, "rw_section", base + state_size, rw_size);
	set_map(info, MAP_INPUT, "input_sections", output,
		peers * output_size);
	set_map(info, MAP_OUTPUT, "output_section", output + id * output_size,
		output_size);
	return 0;
}

static int ivshmem_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct ivshmem *ivshmem;
	struct uio_info *info;
	u32 id, peers;
	int err;

	/* a virtual Ethernet link: ivshmem-net's */
	if (pdev->class == IVSHMEM_NET_PCI_CLASS)
		return -ENODEV;

	ivshmem = devm_kzalloc(&pdev->dev, sizeof(*ivshmem), GFP_KERNEL);
	if (!ivshmem)
		return -ENOMEM;
	info = &ivshmem->info;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), KBUILD_MODNAME);
	if (err)
		return err;
	ivshmem->regs = pcim_iomap_table(pdev)[0];
	/* off until user space asks, whatever an earlier driver left */
	writel(0, ivshmem->regs + IVSHMEM_REG_INT_CTRL);

	id = readl(ivshmem->regs + IVSHMEM_REG_ID);
	peers = readl(ivshmem->regs + IVSHMEM_REG_MAX_PEERS);
	if (id >= peers) {
		dev_err(&pdev->dev, "ID %u, but %u peers\n", id, peers);
		return -ENODEV;
	}

	if (check_aligned(pdev, "BAR0", pci_resource_start(pdev, 0)) ||
	    check_aligned(pdev, "BAR0 size", pci_resource_len(pdev, 0)))
		return -EINVAL;
	set_map(info, MAP_REGS, "registers", pci_resource_start(pdev, 0),
		pci_resource_len(pdev, 0));
	err = setup_shmem(pdev, info, id, peers);
	if (err)
		return err;

	info->name = "uio_ivshmem";
	info->version = "2";
	info->priv = ivshmem;
	info->mmap = ivshmem_mmap;
	if (pdev->irq) {
		pci_intx(pdev, 1);
		info->irq = pdev->irq;
		info->irq_flags = IRQF_SHARED;
		info->handler = ivshmem_irq;
		info->irqcontrol = ivshmem_irqcontrol;
	} else {
		dev_warn(&pdev->dev, "no INTx line: no interrupts\n");
	}

	err = uio_register_device(&pdev->dev, info);
	if (err)
		return err;
	pci_set_drvdata(pdev, ivshmem);
	return 0;
}

static void ivshmem_remove(struct pci_dev *pdev)
{
	struct ivshmem *ivshmem = pci_get_drvdata(pdev);

	writel(0, ivshmem->regs + IVSHMEM_REG_INT_CTRL);
	uio_unregister_device(&ivshmem->info);
}

static const struct pci_device_id ivshmem_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
	  .class = 0xff0000, .class_mask = 0xff0000 },
	{ }
};
MODULE_DEVICE_TABLE(pci, ivshmem_ids);

static struct pci_driver ivshmem_driver = {
	.name = KBUILD_MODNAME,
	.id_table = ivshmem_ids,
	.probe = ivshmem_probe,
	.remove = ivshmem_remove,
};
module_pci_driver(ivshmem_driver);

MODULE_DESCRIPTION("UIO driver for IVSHMEM v2 devices");
MODULE_LICENSE("GPL");
