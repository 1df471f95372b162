// SPDX-License-Identifier: GPL-2.0
/*
 * linux-loader: boots an arm64 Linux kernel that the root cell loaded
 * into the cell, as Documentation/arch/arm64/booting.rst asks.  Its
 * command line (at 0x1000, "jailhouse cell load ... -s STRING -a 0x1000")
 * gives the addresses, in the cell's address space:
 *
 *   kernel=0x...   the Image (its 2 MiB-aligned base plus text_offset)
 *   dtb=0x...      the device tree blob
 *
 * "jailhouse cell linux" writes that string.  The loader checks the
 * Image and DTB magic numbers (a wrong address would otherwise end in an
 * exception nobody can read) and enters the kernel at EL1 with the MMU
 * off, interrupts masked, x0 = DTB and x1-x3 = 0.  The images were
 * cleaned to the point of coherency by the root cell's driver, and the
 * loader runs with its data accesses non-cacheable (it has the library
 * leave the MMU off: inmate_mmu_default), so no data cache line of the
 * images can be stale.  Given "mmu=on", it runs with the identity map,
 * where the images are Device memory, and switches MMU and data cache
 * off again before entering the kernel.
 */
#include <inmate.h>

/* the kernel wants the MMU off, and nothing of the loader in the caches */
bool inmate_mmu_default = false;

#define IMAGE_MAGIC		0x644d5241	/* "ARM\x64" at offset 56 */
#define IMAGE_MAGIC_OFFSET	56
#define FDT_MAGIC		0xd00dfeed	/* big endian, at offset 0 */

static u32 read_le32(u64 addr)
{
	return mmio_read32(addr);
}

static u32 read_be32(u64 addr)
{
	return __builtin_bswap32(mmio_read32(addr));
}

static bool valid_address(const char *name, u64 addr, unsigned int align)
{
	if (!addr) {
		printk("linux-loader: no %s= address on the command line "
		       "(\"kernel=0x... dtb=0x...\" at 0x1000)\n", name);
		return false;
	}
	if (addr & (align - 1)) {
		printk("linux-loader: %s=0x%llx is not %u-byte aligned\n",
		       name, addr, align);
		return false;
	}
	return true;
}

static void __attribute__((noreturn)) enter_kernel(u64 kernel, u64 dtb)
{
	register u64 x0 asm("x0") = dtb;
	register u64 x1 asm("x1") = 0;
	register u64 x2 asm("x2") = 0;
	register u64 x3 asm("x3") = 0;
	register u64 entry asm("x4") = kernel;

	asm volatile("msr daifset, #0xf\n\t"
		     /* the MMU is off already; make sure of it (and C) */
		     "mrs x5, sctlr_el1\n\t"
		     "bic x5, x5, #1\n\t"
		     "bic x5, x5, #4\n\t"
		     "msr sctlr_el1, x5\n\t"
		     "isb\n\t"
		     "ic iallu\n\t"
		     "dsb nsh\n\t"
		     "isb\n\t"
		     "br %4"
		     : : "r" (x0), "r" (x1), "r" (x2), "r" (x3), "r" (entry)
		     : "x5", "memory");
	__builtin_unreachable();
}

void inmate_main(void)
{
	u64 kernel = cmdline_parse_int("kernel", 0);
	u64 dtb = cmdline_parse_int("dtb", 0);
	u32 magic;

	if (!valid_address("kernel", kernel, 4096) ||
	    !valid_address("dtb", dtb, 8))
		return;
	magic = read_le32(kernel + IMAGE_MAGIC_OFFSET);
	if (magic != IMAGE_MAGIC) {
		printk("linux-loader: no arm64 Image at kernel=0x%llx (magic "
		       "0x%x, expected 0x%x)\n", kernel, magic, IMAGE_MAGIC);
		return;
	}
	magic = read_be32(dtb);
	if (magic != FDT_MAGIC) {
		printk("linux-loader: no device tree at dtb=0x%llx (magic "
		       "0x%x, expected 0x%x)\n", dtb, magic, FDT_MAGIC);
		return;
	}
	printk("linux-loader: starting Linux at 0x%llx, device tree at "
	       "0x%llx\n", kernel, dtb);
	enter_kernel(kernel, dtb);
}
