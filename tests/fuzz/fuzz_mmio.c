// SPDX-License-Identifier: GPL-2.0
/*
 * A hostile cell's MMIO: mmio.c's dispatch with the real registrants,
 * set up by their units (unit.c): the GICv3 distributor and
 * redistributors (host buffers, as tests/unit/test_gic.c has them),
 * IVSHMEM's ECAM and BAR window with a device linked to the root cell
 * (test_ivshmem.c), the MT8188 GPIO and EINT blocks at their addresses
 * (test_mtk.c; not the test table's blocks: clang folds the weak, const
 * mtk_test_table of mtk-tables.c, so they are not found), and four spy
 * regions of the target's own with different widths.  Also traps.c's
 * data-abort decode (traps-host.c), through arch_handle_sync() with a
 * fuzzed syndrome.
 *
 * The input is a sequence of 24-byte records:
 *
 *	op	bits 0-3: 0 an access to mmio_dispatch(), 1 a data abort;
 *		bits 4-7: the base the address is relative to (BASE_*,
 *		else absolute)
 *	cpu	the cell's CPU 0 or 1 (bit 0)
 *	size	bits 0-1: log2 of the width; bit 7: a write
 *	reg	the data abort's SRT
 *	iss	ISS bits the data abort adds: bit 0 SSE, bit 1 SF, bit 2
 *		clears ISV, bit 3 S1PTW, bit 4 EA, bits 5-6 the fault status
 *		(0 a translation, 1 a permission fault, 2 an address size
 *		fault, 3 a TLB conflict)
 *	address, value	little endian
 *
 * Invariants: the dispatcher calls a handler only for an access wholly
 * inside its region, of a width it takes, aligned unless it says not;
 * a read gives no bits beyond its width; the cell never changes the
 * state of interrupts it does not own in the distributor, the root CPU's
 * redistributor, the hypervisor's own SGI and PPI bits in its own
 * redistributors, the root cell's IVSHMEM state or its MediaTek pins;
 * a data abort without a valid syndrome, of a stage-1 table walk, an
 * external abort, a fault status other than translation or permission,
 * or one not handled fails the CPU and changes no register; a handled one steps over the instruction
 * and writes the target register only, with the value zero- or
 * sign-extended as the syndrome says.
 */
#include "fuzz.h"

#include <sys/mman.h>

#include "log.h"

#include <jailhouse/gic.h>
#include <jailhouse/gic-v3-regs.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/mtk.h>
#include <jailhouse/unit.h>
#include <asm/sysregs.h>

#define CPUS		3	/* 0 and 1 in cell A, 2 in the root cell */
#define ECAM		0x0c000000UL
#define BARS		0x0c100000UL
#define GPIO		0x10005000UL
#define EINT		0x1000b000UL
#define SPY		0x0d000000UL
#define NUM_SPIES	4
#define STATE_SIZE	0x1000
#define RECORD_SIZE	24
#define MAX_RECORDS	256

enum { BASE_GICD, BASE_GICR, BASE_ECAM, BASE_BARS, BASE_GPIO, BASE_EINT,
       BASE_SPY };

struct jailhouse_header hypervisor_header;
struct jailhouse_system *system_config;
struct cell root_cell;
struct cell *cells[MAX_CELLS];

struct fuzz_config {
	struct jailhouse_cell_desc desc;
	__u64 cpus[1];
	struct jailhouse_memory mem[4];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci[1];
	struct jailhouse_vendor vendors[2];
} __attribute__((packed));

static struct jailhouse_system sys;
static struct fuzz_config root_config, config_a;
static struct cell cell_a;
static u8 *gicd_mem, *gicr_mem, *percpu_mem, *shmem;
static u8 gicd_before[GICD_SIZE], gicr_before[CPUS * GICR_FRAME_SIZE];
static u8 gpio_before[PAGE_SIZE], eint_before[PAGE_SIZE];

/* ---- what traps.c calls of the rest of the hypervisor ---- */

static struct per_cpu *fake_current;
static unsigned int failures;
static u64 esr, far, hpfar, elr;

unsigned long fake_sysreg_read(const char *name)
{
	if (!strcmp(name, "tpidr_el2"))
		return (unsigned long)fake_current;
	if (!strcmp(name, "esr_el2"))
		return esr;
	if (!strcmp(name, "far_el2"))
		return far;
	if (!strcmp(name, "hpfar_el2"))
		return hpfar;
	if (!strcmp(name, "elr_el2"))
		return elr;
	if (!strcmp(name, "ich_vtr_el2"))
		return 3;		/* 4 list registers */
	if (!strcmp(name, "ich_elrsr_el2"))
		return 0xf;		/* all free */
	if (!strcmp(name, "icc_iar1_el1"))
		return 1023;
	return 0;
}

void fake_sysreg_write(const char *name, unsigned long value)
{
	if (!strcmp(name, "elr_el2"))
		elr = value;
}

long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	(void)code, (void)arg1, (void)arg2;
	return -ENOSYS;
}

void cpu_fail(struct trap_frame *frame, const char *why)
{
	(void)frame, (void)why;
	failures++;
}

void cell_end_itself(struct per_cpu *cpu, struct trap_frame *frame,
		     const char *how)
{
	(void)cpu, (void)frame, (void)how;
}

void arch_cpu_wait(struct per_cpu *cpu, struct trap_frame *frame)
{
	(void)cpu, (void)frame;
}

long cell_cpu_on(struct per_cpu *caller, struct per_cpu *target, u64 entry,
		 u64 context)
{
	(void)caller, (void)target, (void)entry, (void)context;
	return -EPERM;
}

u64 arch_counter_us(void)
{
	return 0;
}

void cpu_lost(struct per_cpu *cpu)
{
	(void)cpu;
}

void cpu_pause_point(struct per_cpu *cpu)
{
	(void)cpu;
}

bool arch_leave_hypervisor(struct trap_frame *frame)
{
	(void)frame;
	return false;
}

/* ---- spies: regions that check what the dispatcher passes on ---- */

static const struct {
	unsigned int widths, flags;
} spies[NUM_SPIES] = {
	{ MMIO_W_ANY, MMIO_UNALIGNED },
	{ MMIO_W32, 0 },
	{ MMIO_W8 | MMIO_W16, 0 },
	{ MMIO_W64 | MMIO_W32, 0 },
};

static struct {
	bool called;
	u64 value;		/* a write's, or what a read got */
} spy;

static enum mmio_result spy_access(void *arg, struct per_cpu *cpu,
				   struct mmio_access *mmio)
{
	unsigned int n = (unsigned long)arg;
	u64 start = SPY + n * PAGE_SIZE, mask;

	(void)cpu;
	fuzz_assert(mmio->size & spies[n].widths);
	fuzz_assert(mmio->address >= start &&
		    mmio->address + mmio->size <= start + PAGE_SIZE);
	fuzz_assert((spies[n].flags & MMIO_UNALIGNED) ||
		    !(mmio->address & (mmio->size - 1)));
	mask = mmio->size == 8 ? ~0ULL : (1ULL << (mmio->size * 8)) - 1;
	spy.called = true;
	if (mmio->is_write) {
		spy.value = mmio->value;
	} else {
		spy.value = (mmio->address * 0x9e3779b97f4a7c15ULL) & mask;
		mmio->value = spy.value;
	}
	return n == 2 && mmio->address == start + 0x800 ?
		MMIO_NOT_MINE : MMIO_HANDLED;
}

/* ---- the machine ---- */

static void make_config(struct fuzz_config *c, const char *name, u64 cpus,
			unsigned int dev_id, u32 spis, u32 pins)
{
	unsigned int n;

	memset(c, 0, sizeof(*c));
	strcpy(c->desc.name, name);
	c->desc.cpu_set_size = sizeof(c->cpus);
	c->desc.num_memory_regions = 4;
	c->desc.num_irqchips = 1;
	c->desc.num_pci_devices = 1;
	c->desc.num_vendors = 2;
	c->desc.vpci_irq_base = dev_id ? 108 : 100;
	c->cpus[0] = cpus;
	c->mem[0] = (struct jailhouse_memory) {
		.phys_start = (u64)shmem, .virt_start = (u64)shmem,
		.size = STATE_SIZE,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
	};
	c->mem[1] = (struct jailhouse_memory) {
		.phys_start = (u64)shmem + STATE_SIZE,
		.virt_start = (u64)shmem + STATE_SIZE, .size = 0x10000,
	};
	for (n = 0; n < 2; n++)
		c->mem[2 + n] = (struct jailhouse_memory) {
			.phys_start = (u64)shmem + 0x11000 + n * 0x1000,
			.virt_start = (u64)shmem + 0x11000 + n * 0x1000,
			.size = 0x1000,
		};
	c->irqchips[0] = (struct jailhouse_irqchip) {
		.address = (u64)gicd_mem, .pin_base = 32,
		.pin_bitmap = { spis ?: ~0U, spis ? 0 : ~0U, spis ? 0 : ~0U,
				spis ? 0 : ~0U },
	};
	c->pci[0] = (struct jailhouse_pci_device) {
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
		.bdf = 0, .bar_mask = { 0xfffff000 },
		.shmem_regions_start = 0, .shmem_dev_id = dev_id,
		.shmem_peers = 2, .shmem_protocol = 0x4001,
	};
	c->vendors[0] = (struct jailhouse_vendor) {
		.type = JAILHOUSE_VENDOR_MTK_GPIO, .address = GPIO,
		.base = 0, .bitmap = { pins ?: ~0U, pins ? 0 : ~0U,
				       pins ? 0 : ~0U, pins ? 0 : ~0U },
	};
	c->vendors[1] = (struct jailhouse_vendor) {
		.type = JAILHOUSE_VENDOR_MTK_EINT, .address = EINT,
		.base = 0, .bitmap = { pins ?: ~0U, pins ? 0 : ~0U,
				       pins ? 0 : ~0U, pins ? 0 : ~0U },
	};
}

static void *map_block(u64 address)
{
	void *p = mmap((void *)address, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (p != (void *)address)
		fuzz_fail("cannot map the block at 0x%llx", address);
	return p;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct per_cpu *cpu;
	unsigned int n;

	(void)argc, (void)argv;
	gicd_mem = aligned_alloc(0x10000, GICD_SIZE);
	gicr_mem = aligned_alloc(0x10000, CPUS * GICR_FRAME_SIZE);
	percpu_mem = aligned_alloc(PAGE_SIZE, CPUS * PERCPU_SIZE);
	shmem = aligned_alloc(PAGE_SIZE, 0x20000);
	fuzz_assert(gicd_mem && gicr_mem && percpu_mem && shmem);
	memset(gicd_mem, 0, GICD_SIZE);
	memset(gicr_mem, 0, CPUS * GICR_FRAME_SIZE);
	memset(percpu_mem, 0, CPUS * PERCPU_SIZE);
	memset(shmem, 0, 0x20000);
	map_block(GPIO);
	map_block(EINT);

	sys.platform_info.arm.gic_version = 3;
	sys.platform_info.arm.gicd_base = (u64)gicd_mem;
	sys.platform_info.arm.gicr_base = (u64)gicr_mem;
	sys.platform_info.arm.gicr_size = CPUS * GICR_FRAME_SIZE;
	sys.platform_info.arm.maintenance_irq = 25;
	sys.platform_info.pci_mmconfig_base = ECAM;
	system_config = &sys;
	hypervisor_header.max_cpus = CPUS;
	hypervisor_header.core_size = (unsigned long)percpu_mem -
		(unsigned long)&hypervisor_header;

	/* cell A: SPIs 32-39, GPIO and EINT pins 0-7, IVSHMEM peer 1 */
	make_config(&root_config, "root", 1 << 2, 0, 0, 0);
	make_config(&config_a, "A", 3, 1, 0xff, 0xff);
	root_cell.config = &root_config.desc;
	cell_a.config = &config_a.desc;
	cell_a.id = 1;
	cell_a.cpu_set[0] = 3;
	root_cell.cpu_set[0] = 1 << 2;
	cells[0] = &root_cell;
	cells[1] = &cell_a;
	for (n = 0; n < CPUS; n++) {
		cpu = per_cpu(n);
		cpu->cpu_id = n;
		cpu->arch.mpidr = n;
		cpu->cell = n < 2 ? &cell_a : &root_cell;
		cpu->arch.gicr = gicr_mem + n * GICR_FRAME_SIZE;
		cpu->arch.num_lrs = 4;
		*(u64 *)(gicr_mem + n * GICR_FRAME_SIZE + GICR_TYPER) =
			(u64)n << 32 | (n == CPUS - 1 ? 1 << 4 : 0);
	}
	fake_current = per_cpu(2);
	if (units_init() || mmio_cell_init(&root_cell) ||
	    units_cell_init(&root_cell) || mmio_cell_init(&cell_a) ||
	    units_cell_init(&cell_a))
		fuzz_fail("set-up failed:\n%s", all_logs);
	units_cell_commit(&cell_a);
	for (n = 0; n < NUM_SPIES; n++)
		if (mmio_region_register(&cell_a, SPY + n * PAGE_SIZE,
					 PAGE_SIZE, spies[n].widths,
					 spies[n].flags, spy_access,
					 (void *)(unsigned long)n))
			fuzz_fail("spy %u: not registered", n);
	return 0;
}

/* ---- invariants ---- */

static bool a_owns(unsigned int intid)
{
	return intid < 1024 && bitmap32_test(cell_a.arch.irq_bitmap, intid);
}

/* May bit @bit of the distributor's byte at @off change by A's hand? */
static bool gicd_may_change(unsigned int off, unsigned int bit)
{
	if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR)
		return a_owns((off & 0x7f) * 8 + bit);
	if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 1024)
		return a_owns(off - GICD_IPRIORITYR);
	if (off >= GICD_ICFGR && off < GICD_ICFGR + 256)
		return a_owns((off - GICD_ICFGR) * 4 + bit / 2);
	if (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 128)
		return a_owns((off - GICD_IGRPMODR) * 8 + bit);
	if (off >= GICD_IROUTER + 32 * 8 && off < GICD_IROUTER + 1020 * 8)
		return a_owns((off - GICD_IROUTER) / 8);
	return false;
}

static void check_gicd(void)
{
	unsigned int off, bit, intid;
	u8 diff;
	u32 lo;

	for (off = 0; off < GICD_SIZE; off++) {
		/* most of it is as it was: skip equal 64-byte runs */
		if (!(off % 64) &&
		    !memcmp(gicd_mem + off, gicd_before + off, 64)) {
			off += 63;
			continue;
		}
		diff = gicd_mem[off] ^ gicd_before[off];
		for (bit = 0; diff && bit < 8; bit++)
			if ((diff & BIT(bit)) && !gicd_may_change(off, bit))
				fuzz_fail("GICD byte 0x%x bit %u changed: "
					  "0x%02x -> 0x%02x", off, bit,
					  gicd_before[off], gicd_mem[off]);
	}
	/* A's SPIs go to A's CPUs (0 and 1), never 1-of-N */
	for (intid = 32; intid < 1020; intid++) {
		off = GICD_IROUTER + intid * 8;
		if (!memcmp(gicd_mem + off, gicd_before + off, 4))
			continue;
		fuzz_assert(a_owns(intid));
		memcpy(&lo, gicd_mem + off, 4);
		fuzz_assert(!(lo & BIT(31)) && (lo & 0xffffff) <= 1);
	}
}

static void check_gicr(void)
{
	u32 reserved = gic_reserved_private_irqs(), before, now;
	unsigned int frame, reg;
	u8 *rd;

	/* the root CPU's frames: not A's to change */
	fuzz_assert(!memcmp(gicr_mem + 2 * GICR_FRAME_SIZE,
			    gicr_before + 2 * GICR_FRAME_SIZE,
			    GICR_FRAME_SIZE));
	/* A's own: the hypervisor's SGI and PPI keep their state */
	for (frame = 0; frame < 2; frame++) {
		rd = gicr_mem + frame * GICR_FRAME_SIZE + GICR_SGI_BASE;
		for (reg = GICR_IGROUPR0; reg < GICR_ICACTIVER_END; reg += 4) {
			memcpy(&now, rd + reg, 4);
			memcpy(&before, gicr_before + (rd - gicr_mem) + reg, 4);
			if ((now ^ before) & reserved)
				fuzz_fail("CPU %u's GICR SGI frame 0x%x: "
					  "0x%08x -> 0x%08x", frame, reg,
					  before, now);
		}
	}
}

static void check_others(void)
{
	const u32 *state = (const u32 *)shmem;
	unsigned int pin;

	/* IVSHMEM: the root cell's state (peer 0) is its own */
	fuzz_assert(state[0] == 0x5a5a5a5a);
	fuzz_assert(!memcmp(state + 2, shmem + STATE_SIZE, STATE_SIZE - 8));
	/* MediaTek: the pins stay where the configurations put them */
	for (pin = 0; pin < 128; pin++) {
		fuzz_assert(mtk_pin_owner(GPIO, pin) ==
			    (pin < 8 ? &cell_a : &root_cell));
		fuzz_assert(mtk_pin_owner(EINT, pin) ==
			    (pin < 8 ? &cell_a : &root_cell));
	}
}

/* ---- running an input ---- */

static u64 size_mask(unsigned int size)
{
	return size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

static u64 base_address(unsigned int base)
{
	switch (base) {
	case BASE_GICD:
		return (u64)gicd_mem;
	case BASE_GICR:
		return (u64)gicr_mem;
	case BASE_ECAM:
		return ECAM;
	case BASE_BARS:
		return BARS;
	case BASE_GPIO:
		return GPIO;
	case BASE_EINT:
		return EINT;
	case BASE_SPY:
		return SPY;
	default:
		return 0;
	}
}

static void direct_access(struct per_cpu *cpu, u64 address,
			  unsigned int size, bool is_write, u64 value)
{
	struct mmio_access mmio = {
		.address = address, .size = size, .is_write = is_write,
		.value = is_write ? value & size_mask(size) : 0,
	};
	enum mmio_result result = mmio_dispatch(cpu, &mmio);

	fuzz_assert(result == MMIO_HANDLED || result == MMIO_VIOLATION ||
		    result == MMIO_NOT_MINE);
	if (result == MMIO_HANDLED && !is_write &&
	    (mmio.value & ~size_mask(size)))
		fuzz_fail("%u-byte read at 0x%llx gave 0x%llx", size, address,
			  mmio.value);
}

/* A data abort with the syndrome the record gives, through traps.c. */
static void data_abort(struct per_cpu *cpu, u64 address, unsigned int sas,
		       bool is_write, unsigned int srt, unsigned int iss,
		       u64 value)
{
	struct trap_frame frame, before;
	unsigned int size = 1U << sas, n, failed = failures;
	static const u8 dfsc[] = { 0x07, 0x0f, 0x00, 0x30 };
	bool sse = iss & 1, sf = iss & 2, isv = !(iss & 4);
	bool not_emulated = (iss & 0x18) || ((iss >> 5) & 3) >= 2;
	u64 expect, start_elr = 0x80000000;

	for (n = 0; n < 31; n++)
		frame.x[n] = 0x0101010101010101ULL * (n + 1);
	if (srt < 31)
		frame.x[srt] = value;
	before = frame;
	esr = (u64)EC_DABT_LOW << 26 | BIT(25) | (isv ? BIT(24) : 0) |
		sas << 22 | (sse ? BIT(21) : 0) | srt << 16 |
		(sf ? BIT(15) : 0) | (is_write ? BIT(6) : 0) |
		(iss & 8 ? BIT(7) : 0) | (iss & 16 ? BIT(9) : 0) |
		dfsc[(iss >> 5) & 3];
	hpfar = (address >> 12 << 4) & 0xffffffffff0UL;
	far = (value & ~0xfffULL) | (address & 0xfff);
	elr = start_elr;
	spy.called = false;
	fake_current = cpu;
	arch_handle_sync(&frame);

	if (failures != failed || !isv || not_emulated) {
		/* refused: nothing changed, the CPU failed */
		fuzz_assert(failures == failed + 1);
		fuzz_assert(elr == start_elr);
		fuzz_assert(!memcmp(&frame, &before, sizeof(frame)));
		return;
	}
	fuzz_assert(elr == start_elr + 4);
	for (n = 0; n < 31; n++)
		if (n != srt || is_write)
			fuzz_assert(frame.x[n] == before.x[n]);
	if (spy.called && is_write)
		fuzz_assert(spy.value == ((srt < 31 ? value : 0) &
					  size_mask(size)));
	if (is_write || srt == 31)
		return;
	if (spy.called) {
		expect = spy.value;
		if (sse && size < 8 && (expect & BIT(size * 8 - 1)))
			expect |= ~0ULL << (size * 8);
		if (!sf)
			expect &= 0xffffffff;
		fuzz_assert(frame.x[srt] == expect);
	}
	if (!sf)
		fuzz_assert(!(frame.x[srt] >> 32));
	if (!sse && size < 8)
		fuzz_assert(!(frame.x[srt] & ~size_mask(size)));
}

static void reset_machine(void)
{
	static bool saved;
	unsigned int off;

	if (!saved) {
		/* junk everywhere, but 0 in the set/clear registers */
		for (off = 0; off < GICD_SIZE; off++)
			gicd_before[off] = off * 131 + 7;
		memset(gicd_before + GICD_ISENABLER, 0,
		       GICD_IPRIORITYR - GICD_ISENABLER);
		memcpy(gicd_before + GICD_IROUTER + 32 * 8,
		       gicd_mem + GICD_IROUTER + 32 * 8, 988 * 8);
		memcpy(gicd_before, gicd_mem, 0x10);
		for (off = 0; off < sizeof(gicr_before); off++)
			gicr_before[off] = off * 31 + 3;
		for (off = 0; off < CPUS; off++) {
			memset(gicr_before + off * GICR_FRAME_SIZE +
			       GICR_SGI_BASE + GICR_ISENABLER0, 0,
			       GICR_ICACTIVER_END - GICR_ISENABLER0);
			memcpy(gicr_before + off * GICR_FRAME_SIZE,
			       gicr_mem + off * GICR_FRAME_SIZE, 0x10);
		}
		memcpy(gpio_before, (void *)GPIO, PAGE_SIZE);
		memcpy(eint_before, (void *)EINT, PAGE_SIZE);
		saved = true;
	}
	memcpy(gicd_mem, gicd_before, GICD_SIZE);
	memcpy(gicr_mem, gicr_before, sizeof(gicr_before));
	memcpy((void *)GPIO, gpio_before, PAGE_SIZE);
	memcpy((void *)EINT, eint_before, PAGE_SIZE);
	memset(shmem, 0, 2 * STATE_SIZE);	/* the second: zeroes to compare */
	*(u32 *)shmem = 0x5a5a5a5a;
	memset(cell_a.arch.foreign_logged, 0,
	       sizeof(cell_a.arch.foreign_logged));
	ivshmem_cell_reset(&cell_a);
	log_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *rec;
	unsigned int n;
	u64 address, value;
	size_t pos;

	reset_machine();
	for (n = 0; n < MAX_RECORDS && (n + 1) * RECORD_SIZE <= size; n++) {
		rec = data + n * RECORD_SIZE;
		pos = 8;
		address = fuzz_take(rec, RECORD_SIZE, &pos, 8) +
			base_address(rec[0] >> 4);
		value = fuzz_take(rec, RECORD_SIZE, &pos, 8);
		if (rec[0] & 1)
			data_abort(per_cpu(rec[1] & 1), address, rec[2] & 3,
				   rec[2] & 0x80, rec[3] & 31, rec[4], value);
		else
			direct_access(per_cpu(rec[1] & 1), address,
				      1U << (rec[2] & 3), rec[2] & 0x80, value);
	}
	check_gicd();
	check_gicr();
	check_others();
	return 0;
}
