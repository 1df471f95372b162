// SPDX-License-Identifier: GPL-2.0
/*
 * IVSHMEM v2 between cells, bare metal: finds the device on the cell's
 * virtual PCI host, prints its ID, the maximum number of peers, the state
 * table, the read/write section and the peers' output sections, then
 * rings peer target= (default: the next one) count= times (default: for
 * ever), every period= microseconds (default 1 s), and counts the
 * interrupts it gets.  It enables its interrupt once the target (with
 * wait-all=1: every peer) has a state, so that state changes before the
 * exchange are not counted.
 *
 * What it shares, for the other peers (and tests) to read:
 *   state table[ID]         ID + 1 once running
 *   rw section, u32 [ID]    0x1000 + ID
 *   own output section      [0] interrupts received, [1] doorbells sent
 * With write-other=1 it finally writes into the target's output section
 * (after write-delay= microseconds), which is read-only to it: the
 * hypervisor stops the cell.
 */
#include <inmate.h>
#include <jailhouse/ivshmem-regs.h>

#define PCI_CMD_MEM		(1 << 1)
#define CAP(field)		(IVSHMEM_CAP_OFFSET + IVSHMEM_CAP_##field)

static unsigned long regs;
static volatile u32 *state_table, *rw_section;
static unsigned long out_base, out_size;
static u32 id, peers;
static volatile u32 *own_out;

static u64 config_u64(u16 bdf, unsigned int reg)
{
	return pci_read_config(bdf, reg) |
		(u64)pci_read_config(bdf, reg + 4) << 32;
}

static volatile u32 *output_section(u32 peer)
{
	return (volatile u32 *)(out_base + peer * out_size);
}

static void print_shared(void)
{
	u32 n;

	for (n = 0; n < peers; n++)
		printk("IVSHMEM: state[%u] = %u\n", n, state_table[n]);
	for (n = 0; n < peers; n++)
		printk("IVSHMEM: rw[%u] = %d\n", n, (int)rw_section[n]);
	for (n = 0; n < peers; n++)
		printk("IVSHMEM: in@0x%04lx = %d\n", n * out_size,
		       (int)output_section(n)[0]);
}

static void ivshmem_irq(unsigned int intid)
{
	(void)intid;
	own_out[0]++;
	printk("IVSHMEM: Interrupt #%u\n", own_out[0]);
}

static int setup_device(u16 bdf)
{
	u64 shmem = config_u64(bdf, CAP(ADDRESS));
	u32 state_size = pci_read_config(bdf, CAP(STATE_SIZE));
	u64 rw_size = config_u64(bdf, CAP(RW_SIZE));
	unsigned int pin = (pci_read_config(bdf, 0x3c) >> 8) & 0xff;
	unsigned int intid;

	printk("IVSHMEM: Found %04x:%04x at %02x:%02x.%x\n", IVSHMEM_VENDOR_ID,
	       IVSHMEM_DEVICE_ID, bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7);
	regs = cmdline_parse_int("bar", comm_region->pci_mmconfig_base +
				 0x100000 + (bdf << 12));
	pci_write_config(bdf, 0x10, regs);
	pci_write_config(bdf, 0x04, PCI_CMD_MEM);
	printk("IVSHMEM: shmem is at 0x%016lx\n", (unsigned long)shmem);
	printk("IVSHMEM: bar0 is at 0x%016lx\n", regs);

	state_table = (volatile u32 *)shmem;
	rw_section = (volatile u32 *)(shmem + state_size);
	out_base = shmem + state_size + rw_size;
	out_size = config_u64(bdf, CAP(OUTPUT_SIZE));
	id = mmio_read32(regs + IVSHMEM_REG_ID);
	peers = mmio_read32(regs + IVSHMEM_REG_MAX_PEERS);
	/*
	 * Normal non-cacheable, as the root cell's UIO driver maps it: a
	 * cacheable mapping here would keep this cell's writes in its cache
	 * where the Linux peers do not look (with mmu=off it is Device).
	 */
	map_range(shmem, state_size + rw_size + peers * out_size,
		  MAP_NORMAL_NC);
	own_out = output_section(id);
	printk("IVSHMEM: ID = %u\n", id);
	printk("IVSHMEM: Maximum peers = %u\n", peers);

	if (!pin)
		return 0;
	intid = 32 + comm_region->vpci_irq_base + pin - 1;
	gic_set_handler(intid, ivshmem_irq);
	gic_enable_irq(intid);
	printk("IVSHMEM: Enabled IRQ: %u\n", intid);
	return intid;
}

static bool peers_up(u32 target, bool all)
{
	u32 n;

	if (!all)
		return state_table[target] != 0;
	for (n = 0; n < peers; n++)
		if (!state_table[n])
			return false;
	return true;
}

/* Busy for @us microseconds, answering the hypervisor. */
static void wait_us(u64 us)
{
	u64 end = timer_get_ticks() + timer_us_to_ticks(us);

	while (timer_get_ticks() < end) {
		comm_region_poll();
		cpu_idle();
	}
}

void inmate_main(void)
{
	long long count = cmdline_parse_int("count", -1);
	u64 period = cmdline_parse_int("period", 1000000);
	int bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID, 0);
	u32 target;

	if (gic_init() || bdf < 0) {
		printk("IVSHMEM: no IVSHMEM device found\n");
		return;
	}
	setup_device(bdf);
	target = cmdline_parse_int("target", (id + 1) % peers);
	own_out[0] = own_out[1] = 0;
	rw_section[id] = 0x1000 + id;
	mmio_write32(regs + IVSHMEM_REG_STATE, id + 1);
	irq_enable();

	/* the other side first: its state changes are no doorbells */
	while (!peers_up(target, cmdline_parse_bool("wait-all", false)))
		wait_us(1000);
	mmio_write32(regs + IVSHMEM_REG_INT_CTRL, 1);
	print_shared();
	wait_us(period);

	while (count < 0 || own_out[1] < count) {
		printk("IVSHMEM: Sending interrupt %u to peer %u\n",
		       own_out[1] + 1, target);
		own_out[1]++;
		mmio_write32(regs + IVSHMEM_REG_DOORBELL, target << 16);
		wait_us(period);
	}
	wait_us(period);
	print_shared();
	printk("IVSHMEM: done: %u sent, %u received\n", own_out[1], own_out[0]);
	if (cmdline_parse_bool("write-other", false)) {
		wait_us(cmdline_parse_int("write-delay", 0));
		printk("IVSHMEM: writing into the output section of peer %u\n",
		       target);
		output_section(target)[0] = 0xbad;
		printk("IVSHMEM: still running\n");
	}
	for (;;)
		wait_us(10000);
}
