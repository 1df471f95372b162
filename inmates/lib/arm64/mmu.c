// SPDX-License-Identifier: GPL-2.0
/*
 * The stage-1 identity map at EL1, set up on the first CPU before
 * inmate_main() unless the command line says "mmu=off" (or the program
 * defines inmate_mmu_default as false).
 *
 * 4 KiB granule, 39-bit addresses (512 GiB, as far as the CPU's PARange
 * reaches), the walk starting at level 1.  Everything is first one
 * Device-nGnRE block per GiB, not executable: an access outside the
 * cell still misses the cell's stage 2, and the hypervisor, not the
 * inmate, reports it.  Then the ranges of default_ranges are mapped
 * Normal write-back, inner shareable: the image with its .bss (stacks
 * and these tables) and the comm region, as the hypervisor accesses
 * the comm page (cacheable, cleaned to the point of coherency for cells
 * whose caches are off).  Programs map more with map_range(); a 1 GiB
 * or 2 MiB block is split into a table when a range covers only part of
 * it, tables coming from a fixed pool.
 */
#include "lib.h"

#define PAGE_SIZE		0x1000UL
#define L1_BLOCK		(1UL << 30)
#define L2_BLOCK		(1UL << 21)
#define ENTRIES			512
#define VA_BITS			39
#define PT_POOL			8	/* the level-1 table and 7 more */

#define DESC_VALID		(1UL << 0)
#define DESC_TABLE		(1UL << 1)	/* level 3: a page */
#define DESC_ATTRIDX(n)		((u64)(n) << 2)
#define DESC_SH_INNER		(3UL << 8)
#define DESC_AF			(1UL << 10)
#define DESC_PXN		(1UL << 53)
#define DESC_UXN		(1UL << 54)
#define DESC_ADDR		0x0000fffffffff000UL

/* MAIR_EL1 attributes, by the MAP_* index */
#define MAIR_DEVICE_nGnRE	0x04UL
#define MAIR_NORMAL_WB		0xffUL	/* inner/outer WB, RA/WA */
#define MAIR_NORMAL_NC		0x44UL
#define MAIR_VALUE		(MAIR_DEVICE_nGnRE << (8 * MAP_DEVICE) | \
				 MAIR_NORMAL_WB << (8 * MAP_NORMAL) |	  \
				 MAIR_NORMAL_NC << (8 * MAP_NORMAL_NC))

#define TCR_T0SZ		(64 - VA_BITS)
#define TCR_IRGN0_WBWA		(1UL << 8)
#define TCR_ORGN0_WBWA		(1UL << 10)
#define TCR_SH0_INNER		(3UL << 12)
#define TCR_TG0_4K		(0UL << 14)
#define TCR_EPD1		(1UL << 23)
#define TCR_IPS_SHIFT		32

#define PARANGE_48BIT		5

/* the program's choice, overridden by "mmu=" (linux-loader: false) */
bool inmate_mmu_default __attribute__((weak)) = true;

static const struct {
	unsigned long start, size;
	unsigned int type;
} default_ranges[] = {
	{ 0, (unsigned long)__bss_end, MAP_NORMAL },
	{ COMM_REGION_BASE, PAGE_SIZE, MAP_NORMAL },
};

static u64 tables[PT_POOL][ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static unsigned int tables_used;
static unsigned long va_end;

/* What the other CPUs load before they turn their MMU on (start.S). */
struct mmu_regs mmu_regs __attribute__((aligned(64)));

static bool mmu_on(void)
{
	return read_sysreg(sctlr_el1) & SCTLR_M;
}

/* ID_AA64MMFR0_EL1.PARange, at most 48 bits (52 needs more than this) */
static unsigned int parange(void)
{
	unsigned int range = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	return range > PARANGE_48BIT ? PARANGE_48BIT : range;
}

static u64 leaf_attributes(unsigned int type)
{
	u64 attr = DESC_VALID | DESC_AF | DESC_SH_INNER | DESC_ATTRIDX(type);

	/* code runs from RAM only */
	return type == MAP_NORMAL ? attr : attr | DESC_PXN | DESC_UXN;
}

/*
 * With the MMU on, a valid entry is replaced break-before-make: its
 * range is not mapped for a moment, on any CPU of the cell.
 */
static void write_entry(u64 *entry, u64 value)
{
	if (mmu_on() && (*entry & DESC_VALID)) {
		*entry = 0;
		dsb(ishst);
		tlbi_vmalle1is();
		dsb(ish);
	}
	*entry = value;
	dsb(ishst);
	isb();
}

static unsigned int entry_index(unsigned long addr, unsigned int level)
{
	return (addr >> (39 - 9 * level)) & (ENTRIES - 1);
}

/* A level-@level block (level 3: page) into a table of the next level. */
static int split(u64 *entry, unsigned int level)
{
	unsigned long size = 1UL << (39 - 9 * (level + 1));
	u64 block = *entry, *table;
	unsigned int n;

	if (tables_used == PT_POOL)
		return -1;
	table = tables[tables_used++];
	for (n = 0; n < ENTRIES; n++)
		table[n] = ((block & ~DESC_TABLE) + n * size) |
			(level + 1 == 3 ? DESC_TABLE : 0);
	dsb(ishst);
	write_entry(entry, (unsigned long)table | DESC_TABLE | DESC_VALID);
	return 0;
}

/* The entry of @addr at @level, splitting blocks above it. */
static u64 *walk(unsigned long addr, unsigned int level)
{
	u64 *table = tables[0], *entry;
	unsigned int n;

	for (n = 1; ; n++) {
		entry = &table[entry_index(addr, n)];
		if (n == level)
			return entry;
		if (!(*entry & DESC_TABLE) && split(entry, n))
			return NULL;
		table = (u64 *)(*entry & DESC_ADDR);
	}
}

/*
 * Map [@start, @start + @size) to itself as @type (MAP_DEVICE,
 * MAP_NORMAL, MAP_NORMAL_NC), in pages.  0, or -1 if the range is
 * beyond what is mapped, or the tables ran out (what was done stays).
 * With the MMU on, the range (and the 1 GiB or 2 MiB around it, for a
 * split) is briefly not mapped; a range that was MAP_NORMAL and becomes
 * anything else is the caller's to clean from the caches first.
 */
int map_range(unsigned long start, unsigned long size, unsigned int type)
{
	unsigned long end = (start + size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	unsigned long step;
	unsigned int level;
	u64 *entry;

	start &= ~(PAGE_SIZE - 1);
	if (type > MAP_NORMAL_NC || end < start || end > va_end)
		return -1;
	while (start < end) {
		if (!(start & (L1_BLOCK - 1)) && end - start >= L1_BLOCK)
			level = 1;
		else if (!(start & (L2_BLOCK - 1)) && end - start >= L2_BLOCK)
			level = 2;
		else
			level = 3;
		step = 1UL << (39 - 9 * level);
		entry = walk(start, level);
		if (!entry)
			return -1;
		write_entry(entry, start | leaf_attributes(type) |
			    (level == 3 ? DESC_TABLE : 0));
		start += step;
	}
	return 0;
}

bool mmu_enabled(void)
{
	return mmu_on();
}

/* The first CPU, before anything else; the others in start.S. */
void mmu_init(void)
{
	static const unsigned char pa_bits[] = { 32, 36, 40, 42, 44, 48 };
	unsigned int bits = pa_bits[parange()], n;

	if (!cmdline_parse_bool("mmu", inmate_mmu_default))
		return;
	va_end = 1UL << (bits < VA_BITS ? bits : VA_BITS);
	tables_used = 1;
	for (n = 0; n < va_end / L1_BLOCK; n++)
		tables[0][n] = n * L1_BLOCK | leaf_attributes(MAP_DEVICE);
	for (n = 0; n < ARRAY_SIZE(default_ranges); n++)
		if (map_range(default_ranges[n].start, default_ranges[n].size,
			      default_ranges[n].type)) {
			va_end = 0;	/* not enough tables: stay off */
			return;
		}

	mmu_regs.mair = MAIR_VALUE;
	mmu_regs.tcr = TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
		TCR_SH0_INNER | TCR_TG0_4K | TCR_EPD1 |
		(u64)parange() << TCR_IPS_SHIFT;
	mmu_regs.ttbr0 = (unsigned long)tables[0];
	dsb(sy);
	mmu_switch_on(&mmu_regs);
}
