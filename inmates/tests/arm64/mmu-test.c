// SPDX-License-Identifier: GPL-2.0
/*
 * The library's identity map as the CPU sees it: SCTLR_EL1's MMU and
 * cache bits, then, for the image, its .bss, the comm region, the
 * console UART, the GIC distributor and the root cell's RAM (0x40000000,
 * not the cell's: still mapped, so that stage 2 catches an access), the
 * memory type stage 1 gives them (AT S1E1R: PAR_EL1's attribute, as
 * MAIR_EL1 encodes it: 0xff write-back, 0x44 non-cacheable, 0x04
 * Device-nGnRE).  Then map_range() turns a page of that root RAM Normal
 * non-cacheable and back to Device, without touching it, and a word of
 * .bss is written and read back through the cache.  With mmu=off the
 * bits are 0 and map_range() refuses.
 */
#include <inmate.h>

#define SCTLR_M		(1UL << 0)
#define SCTLR_C		(1UL << 2)
#define SCTLR_I		(1UL << 12)
#define PAR_F		1UL
#define ROOT_RAM	0x40000000UL

static volatile u64 word;

static const char *on(u64 bit)
{
	return bit ? "on" : "off";
}

static void show(const char *name, unsigned long addr)
{
	u64 par;

	asm volatile("at s1e1r, %0" : : "r" (addr));
	isb();
	par = read_sysreg(par_el1);
	if (par & PAR_F)
		printk("mmu-test: %s 0x%lx: fault\n", name, addr);
	else
		printk("mmu-test: %s 0x%lx: attr 0x%02llx\n", name, addr,
		       par >> 56);
}

void inmate_main(void)
{
	u64 sctlr = read_sysreg(sctlr_el1);
	int err;

	printk("mmu-test: MMU %s, data cache %s, instruction cache %s\n",
	       on(sctlr & SCTLR_M), on(sctlr & SCTLR_C), on(sctlr & SCTLR_I));
	if (!(sctlr & SCTLR_M)) {
		printk("mmu-test: map_range: %d\n",
		       map_range(ROOT_RAM, 0x1000, MAP_NORMAL_NC));
		printk("mmu-test: done\n");
		return;
	}
	show("image", 0x2000);
	show("bss", (unsigned long)&word);
	show("comm region", (unsigned long)comm_region);
	show("uart", comm_region->console.address);
	show("gicd", comm_region->gicd_base);
	show("root ram", ROOT_RAM);

	err = map_range(ROOT_RAM, 0x1000, MAP_NORMAL_NC);
	printk("mmu-test: map_range: %d\n", err);
	show("root ram", ROOT_RAM);
	show("root ram + 4K", ROOT_RAM + 0x1000);
	err = map_range(ROOT_RAM, 0x1000, MAP_DEVICE);
	printk("mmu-test: map_range back: %d\n", err);
	show("root ram", ROOT_RAM);

	word = 0x5a5a5a5a00c0ffeeUL;
	printk("mmu-test: bss word 0x%llx\n", word);
	printk("mmu-test: done\n");
}
