// SPDX-License-Identifier: GPL-2.0
/*
 * driver/ivshmem-net.c, the real source, on the host: two instances of
 * the driver, peers A (ID 0) and B (ID 1), each in its own "cell", linked
 * by a fake IVSHMEM v2 device, exchange frames under the sanitizers.  In
 * one process and one thread every interleaving is chosen by the test,
 * so a failure is reproducible, and a hostile or dead peer is easy to
 * play; tests/system covers the same driver on QEMU.
 *
 * The fake hypervisor models what hypervisor/ivshmem.c does for a VETH
 * link: the configuration space and vendor capability (state table size,
 * R/W and output section sizes, address; one-shot mode left on, so a
 * driver that does not clear it loses its interrupts), BAR0 (ID, max
 * peers, interrupt control, doorbell, state), the state table written on
 * State writes with an interrupt to the other peer when the value
 * changes, and state 0 for a peer whose cell is destroyed.  The shared
 * memory is mapped as Jailhouse maps it: the state table and the other
 * peer's output section read-only, the own output section read-write,
 * each region between guard pages with the bytes past its end poisoned
 * for AddressSanitizer, so that a write into the peer's section, or a
 * read or write outside a section, ends the test.
 *
 * The fake kernel (fake/kernel/) runs nothing by itself: settle() runs
 * the cells' pending interrupts, state work and NAPI polls until the link
 * is quiet, and fails the case if that takes more than a fixed number of
 * steps (a livelock).  A "frozen" cell runs nothing at all, like a peer
 * that hangs; the test then plays the hostile peer by writing its output
 * section itself.  The test's network stack sends numbered frames that
 * carry their sender, length and a pattern.  Every frame posted is
 * checked on the wire (descriptor, copy, no overlap with frames in
 * flight), every frame received at once (a frame lost, duplicated,
 * reordered, truncated or corrupted fails the case), and a transmit
 * queue that stays stopped fails it as a stall.  The driver is driven
 * only through its PCI probe/remove, net_device_ops and ethtool_ops, and
 * checked through those, its interrupts and the wire format in the
 * shared memory (<jailhouse/ivshmem-net.h>, Documentation/
 * ivshmem.md).
 *
 * The scenarios, each a test case of its own:
 *   handshake_*          RESET/INIT/READY/RUN in every order of probe and
 *                        open, the carrier only with both RUN, a new peer
 *                        waiting for a stale peer slot to be reset
 *   traffic_*            both ways, all lengths, bursts with xmit_more,
 *                        at the default, largest and mismatched MTUs
 *   runt_frame_dropped   a dropped frame still kicks for held-back ones
 *   index_wraparound     more than 65536 frames: every u16 index wraps
 *   full_queue_and_wake  back-pressure: the queue stops with sound frames
 *                        in flight and wakes once they are consumed
 *   peer_down_up, peer_unload_reload, peer_destroyed, remove_while_up
 *                        the link lost and found again, frames in flight
 *   bad_avail_index, bad_descriptor_*, bad_completion_*
 *                        a hostile peer: each bad index, descriptor and
 *                        completion refused, logged once, no access
 *                        outside the section, no hang, recovery on restart
 *   garbage_peer_state, interrupt_storm
 *                        undefined states and spurious interrupts change
 *                        nothing
 *   rw_section_skipped   an R/W section before the output sections
 *   probe_refuses_unusable_devices  (once) every unusable device refused
 *
 * Every scenario runs for each output-section size of section_sizes[],
 * from the smallest usable one (one frame in flight) to the 0x7F000 of
 * JAILHOUSE_SHMEM_NET_REGIONS; a case is named SIZE/SCENARIO.  The
 * argument, if any, is a cmocka test filter, e.g. '0x810*'.
 * IVNET_TEST_VERBOSE=1 prints the driver's log.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

/* AddressSanitizer: __SANITIZE_ADDRESS__ in gcc, a feature in clang */
#if defined(__SANITIZE_ADDRESS__)
#define WITH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WITH_ASAN 1
#endif
#endif
#ifdef WITH_ASAN
#include <sanitizer/asan_interface.h>
#endif

#include "../../driver/ivshmem-net.c"

static const u64 section_sizes[] = { 0x810, 0x1000, 0x4000, 0x10000, 0x7f000 };

#define SHMEM_BASE		0x7f000000ULL	/* guest-physical */
#define STATE_TABLE_SIZE	0x1000
#define RW_SECTION_SIZE		0x3000	/* rw_section_skipped only */
#define VENDOR_CAP		0x40
/* the same in both cells */
#define PCI_BDF_NAME		"0000:00:01.0"
#define FIRST_IRQ		40
#define BAR0_WORDS		64

#define SETTLE_STEP_LIMIT	1000
#define STORM_INTERRUPTS	1000

/* a test frame: Ethernet header, then sequence number, length, pattern */
#define FRAME_ETHERTYPE		0x88b5	/* local experimental */
#define FRAME_SEQ		14
#define FRAME_LEN		18
#define FRAME_PATTERN		22
#define FRAME_MIN		FRAME_PATTERN
#define FRAME_MAX		(IVSHMEM_NET_MAX_MTU_LIMIT + ETH_HLEN + \
				 VLAN_HLEN)

enum { PEER_A, PEER_B };

/* ---- the wire: a section as <jailhouse/ivshmem-net.h> lays it out ---- */

struct wire_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct wire_used {
	u32 id;
	u32 len;
};

struct wire {
	u8 *base;
	struct wire_desc *desc;
	u16 *avail_idx;
	u16 *avail_ring;
	u16 *used_event;
	u16 *used_idx;
	struct wire_used *used_ring;
	u16 *avail_event;
};

/* ---- the fake hypervisor ---- */

/* A region of the shared memory and its two mappings. */
struct shmem_region {
	u64 phys;
	size_t size;
	size_t mapped;		/* size rounded up to pages */
	int fd;
	u8 *rw, *ro;
};

/* The ivshmem device one probe of the driver sees. */
struct fake_ivshmem {
	struct pci_dev pdev;
	u32 bar0[BAR0_WORDS];
	struct peer *peer;
	u32 reg_id, reg_max_peers;
	bool attached;		/* false: the cell is gone */
	bool int_enabled;
	bool irq_pending;
	irq_handler_t handler;
	void *handler_data;
	unsigned long doorbells;	/* rung by the other peer */
	struct fake_ivshmem *next;
};

/* A cell running the driver, and its share of the test traffic. */
struct peer {
	unsigned int id;
	char name[2];
	bool frozen;		/* its CPUs run nothing */
	struct fake_ivshmem *dev;	/* bound to the driver, or NULL */
	u32 tx_seq;		/* the next frame it sends */
	u32 rx_expected;	/* the next frame it must receive */
	unsigned long rx_frames;
};

struct fake_hypervisor {
	u64 section_size, rw_size;
	struct ivshmem_net_geometry geo;
	struct shmem_region state, output[2];
	u32 *state_table;	/* the hypervisor's writable view */
	struct peer peer[2];
	struct fake_ivshmem *devices;
	unsigned int devices_created;
	bool case_done;		/* the case got to its end */
};

static struct fake_hypervisor hv;

/* one test case: a scenario at one output-section size */
struct scenario {
	const char *name;
	void (*run)(unsigned int variant);
	unsigned int variant;
	u64 rw_size;
};

struct test_case {
	u64 section_size;
	const struct scenario *scenario;
};

static size_t page_size(void)
{
	return (size_t)sysconf(_SC_PAGESIZE);
}

/* a view of the region between two inaccessible guard pages */
static u8 *map_view(struct shmem_region *r, int prot)
{
	size_t page = page_size();
	u8 *area, *view;

	area = mmap(NULL, r->mapped + 2 * page, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(area != MAP_FAILED);
	view = mmap(area + page, r->mapped, prot, MAP_SHARED | MAP_FIXED,
		    r->fd, 0);
	assert_true(view == area + page);
#ifdef WITH_ASAN
	/* what is left of the last page is not the region's */
	ASAN_POISON_MEMORY_REGION(view + r->size, r->mapped - r->size);
#endif
	return view;
}

static void unmap_view(struct shmem_region *r, u8 *view)
{
#ifdef WITH_ASAN
	ASAN_UNPOISON_MEMORY_REGION(view + r->size, r->mapped - r->size);
#endif
	munmap(view - page_size(), r->mapped + 2 * page_size());
}

static void region_create(struct shmem_region *r, u64 phys, size_t size,
			  u8 fill)
{
	size_t page = page_size();

	r->phys = phys;
	r->size = size;
	r->mapped = (size + page - 1) & ~(page - 1);
	r->fd = memfd_create("ivshmem", 0);
	assert_true(r->fd >= 0);
	assert_int_equal(ftruncate(r->fd, r->mapped), 0);
	r->rw = map_view(r, PROT_READ | PROT_WRITE);
	r->ro = map_view(r, PROT_READ);
	/* what an earlier user of the memory left there */
	memset(r->rw, fill, size);
}

static void region_destroy(struct shmem_region *r)
{
	unmap_view(r, r->rw);
	unmap_view(r, r->ro);
	close(r->fd);
}

static u64 output_phys(unsigned int id)
{
	return SHMEM_BASE + STATE_TABLE_SIZE + hv.rw_size +
		id * hv.section_size;
}

/* The section of peer @id as its owner writes it. */
static struct wire wire_of(unsigned int id)
{
	const struct ivshmem_net_geometry *geo = &hv.geo;
	u8 *base = hv.output[id].rw;

	return (struct wire){
		.base = base,
		.desc = (struct wire_desc *)base,
		.avail_idx = (u16 *)(base + geo->avail_offset + 2),
		.avail_ring = (u16 *)(base + geo->avail_offset + 4),
		.used_event = (u16 *)(base + geo->used_event_offset),
		.used_idx = (u16 *)(base + geo->used_offset + 2),
		.used_ring = (struct wire_used *)(base + geo->used_offset + 4),
		.avail_event = (u16 *)(base + geo->avail_event_offset),
	};
}

/* hypervisor/ivshmem.c's ivshmem_trigger(): INTx of @dev, if enabled */
static void hv_trigger(struct fake_ivshmem *dev)
{
	if (!dev || !dev->attached || !dev->int_enabled)
		return;
	if (dev->pdev.config[VENDOR_CAP + 3] & 1)
		dev->int_enabled = false;	/* one-shot mode */
	dev->irq_pending = true;
}

/* a State write, or the reset of a cell: the other peer hears of it */
static void hv_set_state(unsigned int id, u32 state)
{
	if (hv.state_table[id] == state)
		return;
	hv.state_table[id] = state;
	hv_trigger(hv.peer[1 - id].dev);
}

/* peer @id rings the other one, as the hostile peer does by hand */
static void kick(unsigned int id)
{
	hv_trigger(hv.peer[1 - id].dev);
}

static struct fake_ivshmem *device_of_register(const void *addr,
					       unsigned int *offset)
{
	struct fake_ivshmem *dev;

	for (dev = hv.devices; dev; dev = dev->next)
		if ((const u8 *)addr >= (const u8 *)dev->bar0 &&
		    (const u8 *)addr < (const u8 *)(dev->bar0 + BAR0_WORDS)) {
			*offset = (const u8 *)addr - (const u8 *)dev->bar0;
			if (*offset % 4)
				fail_msg("unaligned register access at 0x%x",
					 *offset);
			if (!dev->attached)
				fail_msg("register access of a destroyed cell");
			return dev;
		}
	fail_msg("register access at %p: not in BAR0", addr);
	return NULL;
}

u32 readl(const void __iomem *addr)
{
	unsigned int offset;
	struct fake_ivshmem *dev = device_of_register(addr, &offset);

	switch (offset) {
	case IVSHMEM_REG_ID:
		return dev->reg_id;
	case IVSHMEM_REG_MAX_PEERS:
		return dev->reg_max_peers;
	case IVSHMEM_REG_INT_CTRL:
		return dev->int_enabled;
	case IVSHMEM_REG_STATE:
		return hv.state_table[dev->peer->id];
	}
	return 0;
}

void writel(u32 value, void __iomem *addr)
{
	unsigned int offset, vector, target;
	struct fake_ivshmem *dev = device_of_register(addr, &offset);

	switch (offset) {
	case IVSHMEM_REG_INT_CTRL:
		dev->int_enabled = value & 1;
		break;
	case IVSHMEM_REG_DOORBELL:
		vector = value & 0xffff;
		target = value >> 16;
		if (vector != 0)
			fail_msg("doorbell vector %u: INTx has vector 0 only",
				 vector);
		if (target != 1 - dev->peer->id)
			fail_msg("peer %u rings peer %u", dev->peer->id,
				 target);
		if (hv.peer[target].dev)
			hv.peer[target].dev->doorbells++;
		hv_trigger(hv.peer[target].dev);
		break;
	case IVSHMEM_REG_STATE:
		hv_set_state(dev->peer->id, value);
		break;
	default:
		fail_msg("write of 0x%x to read-only register 0x%x", value,
			 offset);
	}
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *data)
{
	struct fake_ivshmem *dev;

	for (dev = hv.devices; dev; dev = dev->next)
		if (dev->pdev.irq == irq)
			break;
	if (!dev)
		fail_msg("request_irq(%u): not the device's interrupt", irq);
	assert_null(dev->handler);
	assert_true(strncmp(name, DRV_NAME "[", strlen(DRV_NAME) + 1) == 0);
	dev->handler = handler;
	dev->handler_data = data;
	return 0;
}

void free_irq(unsigned int irq, void *data)
{
	struct fake_ivshmem *dev;

	for (dev = hv.devices; dev; dev = dev->next)
		if (dev->pdev.irq == irq && dev->handler)
			break;
	if (!dev)
		fail_msg("free_irq(%u): not requested", irq);
	assert_ptr_equal(dev->handler_data, data);
	dev->handler = NULL;
}

/* The mappings a cell has: its own section writable, the rest not. */
void *devm_memremap(struct device *d, u64 phys, size_t size,
		    unsigned long flags)
{
	struct fake_ivshmem *dev = container_of(d, struct fake_ivshmem,
						pdev.dev);
	struct shmem_region *regions[] = {
		&hv.state, &hv.output[0], &hv.output[1],
	};
	struct shmem_region *r;
	unsigned int n;

	assert_int_equal(flags, MEMREMAP_WB);
	for (n = 0; n < ARRAY_SIZE(regions); n++) {
		r = regions[n];
		if (phys < r->phys || phys - r->phys >= r->size ||
		    size > r->size - (phys - r->phys))
			continue;
		if (r == &hv.output[dev->peer->id])
			return r->rw + (phys - r->phys);
		return r->ro + (phys - r->phys);
	}
	fail_msg("peer %s maps 0x%zx bytes at 0x%llx: not one region of the shared memory",
		 dev->peer->name, size, phys);
	return ERR_PTR(-EINVAL);
}

/* ---- the fake PCI core: a device per probe ---- */

static struct fake_ivshmem *device_create(struct peer *peer)
{
	struct fake_ivshmem *dev = calloc(1, sizeof(*dev));
	u8 *cap = dev->pdev.config + VENDOR_CAP;
	u32 class = IVSHMEM_NET_PCI_CLASS;
	u64 q;
	u32 w;

	assert_non_null(dev);
	dev->peer = peer;
	dev->attached = true;
	dev->reg_id = peer->id;
	dev->reg_max_peers = 2;
	dev->pdev.dev.name = peer->name;
	dev->pdev.vendor = IVSHMEM_VENDOR_ID;
	dev->pdev.device = IVSHMEM_DEVICE_ID;
	dev->pdev.class = class;
	dev->pdev.irq = FIRST_IRQ + hv.devices_created++;
	dev->pdev.pin = 1;
	dev->pdev.bar0 = dev->bar0;
	strscpy(dev->pdev.name, PCI_BDF_NAME, sizeof(dev->pdev.name));

	dev->pdev.vendor_cap = VENDOR_CAP;
	cap[0] = PCI_CAP_ID_VNDR;
	cap[IVSHMEM_CAP_LENGTH] = IVSHMEM_CAP_SIZE;
	cap[3] = 1;			/* one-shot interrupts: on */
	w = STATE_TABLE_SIZE;
	memcpy(cap + IVSHMEM_CAP_STATE_SIZE, &w, 4);
	q = hv.rw_size;
	memcpy(cap + IVSHMEM_CAP_RW_SIZE, &q, 8);
	q = hv.section_size;
	memcpy(cap + IVSHMEM_CAP_OUTPUT_SIZE, &q, 8);
	q = SHMEM_BASE;
	memcpy(cap + IVSHMEM_CAP_ADDRESS, &q, 8);

	dev->next = hv.devices;
	hv.devices = dev;
	return dev;
}

static void device_free(struct fake_ivshmem *dev)
{
	struct fake_ivshmem **link;

	devres_release_all(&dev->pdev.dev);
	for (link = &hv.devices; *link != dev; link = &(*link)->next)
		;
	*link = dev->next;
	free(dev);
}

static const struct pci_device_id *match_id(const struct pci_dev *pdev)
{
	const struct pci_device_id *id;

	for (id = fake_module_id_table(); id->vendor; id++)
		if (id->vendor == pdev->vendor && id->device == pdev->device &&
		    !((id->class ^ pdev->class) & id->class_mask))
			return id;
	return NULL;
}

/* The driver's probe of @dev; its error, the device freed on failure. */
static int device_probe(struct fake_ivshmem *dev)
{
	const struct pci_device_id *id = match_id(&dev->pdev);
	unsigned int workqueues = fake_workqueue_count();
	int err;

	assert_non_null(id);
	fake_probing_device = &dev->pdev.dev;
	err = fake_module_pci_driver()->probe(&dev->pdev, id);
	fake_probing_device = NULL;
	if (err) {
		/* all undone: nothing can call into a driver that is gone */
		assert_null(dev->handler);
		assert_false(dev->int_enabled);
		assert_int_equal(fake_workqueue_count(), workqueues);
		device_free(dev);
	}
	return err;
}

static struct net_device *ndev_of(unsigned int id)
{
	assert_non_null(hv.peer[id].dev);
	return hv.peer[id].dev->pdev.drvdata;
}

static void peer_probe(unsigned int id)
{
	struct peer *peer = &hv.peer[id];
	struct fake_ivshmem *dev;
	struct net_device *ndev;

	assert_null(peer->dev);
	dev = device_create(peer);
	assert_int_equal(device_probe(dev), 0);
	peer->dev = dev;
	ndev = ndev_of(id);
	assert_non_null(ndev);
	assert_true(ndev->registered);
	assert_false(ndev->running);
	/* one-shot mode off, interrupts on */
	assert_int_equal(dev->pdev.config[VENDOR_CAP + 3] & 1, 0);
	assert_true(dev->int_enabled);
	assert_true(dev->pdev.intx);
	assert_non_null(dev->handler);
	assert_int_equal(ndev->min_mtu, IVSHMEM_NET_MIN_MTU);
	assert_int_equal(ndev->max_mtu, ivshmem_net_max_mtu(&hv.geo));
	assert_int_equal(ndev->mtu, ivshmem_net_default_mtu(&hv.geo));
}

static void peer_remove(unsigned int id)
{
	struct peer *peer = &hv.peer[id];
	struct fake_ivshmem *dev = peer->dev;

	fake_module_pci_driver()->remove(&dev->pdev);
	/* quiet and gone: RESET, no interrupts, nothing left to run */
	assert_int_equal(hv.state_table[id], IVSHMEM_NET_STATE_RESET);
	assert_false(dev->int_enabled);
	assert_null(dev->handler);
	assert_false(fake_run_device_work(&dev->pdev.dev));
	device_free(dev);
	peer->dev = NULL;
}

/*
 * The cell of peer @id is destroyed: the hypervisor resets its state to
 * 0 and tells the other peer.  Its driver never runs again; the host
 * memory the fake kernel gave it is freed without calling it.
 */
static void cell_destroy(unsigned int id)
{
	struct peer *peer = &hv.peer[id];
	struct fake_ivshmem *dev = peer->dev;
	struct net_device *ndev = dev->pdev.drvdata;

	dev->attached = false;
	dev->handler = NULL;
	peer->dev = NULL;
	peer->frozen = false;
	hv_set_state(id, 0);
	fake_reap_workqueues(&dev->pdev.dev);
	ndev->registered = false;
	free_netdev(ndev);
	device_free(dev);
}

static void peer_open(unsigned int id)
{
	struct net_device *ndev = ndev_of(id);

	ndev->running = true;	/* __LINK_STATE_START before ndo_open */
	assert_int_equal(ndev->netdev_ops->ndo_open(ndev), 0);
}

static void peer_close(unsigned int id)
{
	struct net_device *ndev = ndev_of(id);

	ndev->running = false;
	assert_int_equal(ndev->netdev_ops->ndo_stop(ndev), 0);
}

/* dev_set_mtu(): the core checks the range, the driver the rest */
static int peer_set_mtu(unsigned int id, unsigned int mtu)
{
	struct net_device *ndev = ndev_of(id);
	int err;

	if (mtu < ndev->min_mtu || mtu > ndev->max_mtu)
		return -EINVAL;
	err = ndev->netdev_ops->ndo_change_mtu(ndev, mtu);
	if (!err)
		assert_int_equal(ndev->mtu, mtu);
	return err;
}

/* ethtool -d: the driver's own state */
static u32 driver_state(unsigned int id)
{
	struct net_device *ndev = ndev_of(id);
	struct ethtool_regs regs = { 0 };
	int len = ndev->ethtool_ops->get_regs_len(ndev);
	u32 *data, state;

	assert_true(len >= (int)sizeof(u32));
	data = calloc(1, len);
	ndev->ethtool_ops->get_regs(ndev, &regs, data);
	state = data[0];
	free(data);
	assert_true(state <= IVSHMEM_NET_STATE_RUN);
	assert_int_equal(state, hv.state_table[id]);
	return state;
}

/* ethtool -S: one counter by name */
static u64 stat(unsigned int id, const char *name)
{
	struct net_device *ndev = ndev_of(id);
	const struct ethtool_ops *ops = ndev->ethtool_ops;
	int n, count = ops->get_sset_count(ndev, ETH_SS_STATS);
	struct ethtool_stats stats = { .n_stats = count };
	u8 *names;
	u64 *values, value;

	assert_true(count > 0);
	names = calloc(count, ETH_GSTRING_LEN);
	values = calloc(count, sizeof(*values));
	ops->get_strings(ndev, ETH_SS_STATS, names);
	ops->get_ethtool_stats(ndev, &stats, values);
	for (n = 0; n < count; n++)
		if (!strncmp((char *)names + n * ETH_GSTRING_LEN, name,
			     ETH_GSTRING_LEN))
			break;
	if (n == count)
		fail_msg("no ethtool statistic %s", name);
	value = values[n];
	free(names);
	free(values);
	return value;
}

/* ---- the scheduler ---- */

/* One thing each running cell has to do; false if none had any. */
static bool run_cells_once(void)
{
	struct fake_ivshmem *dev;
	struct net_device *ndev;
	bool busy = false;
	unsigned int id;

	for (id = 0; id < 2; id++) {
		dev = hv.peer[id].dev;
		if (!dev || hv.peer[id].frozen)
			continue;
		ndev = dev->pdev.drvdata;
		if (dev->irq_pending && dev->handler) {
			dev->irq_pending = false;
			dev->handler(dev->pdev.irq, dev->handler_data);
			busy = true;
		}
		if (fake_run_device_work(&dev->pdev.dev))
			busy = true;
		if (ndev->napi && fake_napi_run(ndev->napi))
			busy = true;
	}
	return busy;
}

/* Run the cells until the link is quiet; a livelock fails the case. */
static void settle(void)
{
	unsigned int step;

	for (step = 0; step < SETTLE_STEP_LIMIT; step++)
		if (!run_cells_once())
			return;
	fail_msg("not quiet after %u steps: interrupts, work or NAPI polls without end",
		 SETTLE_STEP_LIMIT);
}

static void freeze(unsigned int id)
{
	hv.peer[id].frozen = true;
}

static void thaw(unsigned int id)
{
	hv.peer[id].frozen = false;
}

/* ---- the network stack: numbered frames, checked on receipt ---- */

static u8 pattern[FRAME_MAX + 256];

static u32 rng_state;

static u32 rng(void)
{
	/* xorshift32: the same frames on every host */
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static void frame_build(u8 *frame, unsigned int from, u32 seq, u32 len)
{
	memset(frame, 0xff, ETH_ALEN);
	memcpy(frame + ETH_ALEN, ndev_of(from)->dev_addr, ETH_ALEN);
	frame[ETH_ALEN + 5] = from;
	frame[12] = FRAME_ETHERTYPE >> 8;
	frame[13] = FRAME_ETHERTYPE & 0xff;
	memcpy(frame + FRAME_SEQ, &seq, 4);
	memcpy(frame + FRAME_LEN, &len, 4);
	memcpy(frame + FRAME_PATTERN, pattern + (seq & 0xff),
	       len - FRAME_PATTERN);
}

/* what the test's stack got from the driver; see frame_build() */
void fake_netif_receive(struct net_device *ndev, const struct sk_buff *skb)
{
	struct peer *peer;
	unsigned int id;
	u32 seq, len;

	for (id = 0; id < 2; id++)
		if (hv.peer[id].dev && hv.peer[id].dev->pdev.drvdata == ndev)
			break;
	assert_true(id < 2);
	peer = &hv.peer[id];
	if (skb->len < FRAME_MIN)
		fail_msg("peer %s received a frame of %u bytes", peer->name,
			 skb->len);
	memcpy(&seq, skb->data + FRAME_SEQ, 4);
	memcpy(&len, skb->data + FRAME_LEN, 4);
	if (skb->data[ETH_ALEN + 5] != 1 - id)
		fail_msg("peer %s received its own frame %u", peer->name, seq);
	if (seq != peer->rx_expected)
		fail_msg("peer %s received frame %u, expected %u: lost, duplicated or reordered",
			 peer->name, seq, peer->rx_expected);
	if (len != skb->len)
		fail_msg("peer %s received frame %u with %u bytes of %u",
			 peer->name, seq, skb->len, len);
	if (memcmp(skb->data + FRAME_PATTERN, pattern + (seq & 0xff),
		   len - FRAME_PATTERN))
		fail_msg("peer %s received frame %u corrupted", peer->name,
			 seq);
	peer->rx_expected++;
	peer->rx_frames++;
}

/*
 * The frame peer @id just posted, on the wire: a sound descriptor, the
 * frame copied whole, and in a place of its own, away from the oldest
 * and the newest of the frames the other peer has not consumed yet (all
 * of them in a ring buffer; the check is bounded so that long runs stay
 * fast).
 */
#define OVERLAP_CHECK_FRAMES	64

static void check_posted_frame(unsigned int id, const u8 *frame, u32 len)
{
	struct wire w = wire_of(id), peer = wire_of(1 - id);
	u32 qmask = hv.geo.num_desc - 1;
	u16 newest = *w.avail_idx - 1, oldest = *peer.used_idx, k;
	const struct wire_desc *d, *o;
	u16 in_flight = newest - oldest;
	unsigned int index;

	index = w.avail_ring[newest & qmask];
	assert_true(index < hv.geo.num_desc);
	d = &w.desc[index];
	assert_int_equal(d->flags, 0);
	assert_int_equal(d->len, len);
	assert_true(d->addr >= hv.geo.header_size);
	assert_true(d->addr <= hv.section_size - len);
	if (memcmp(w.base + d->addr, frame, len))
		fail_msg("peer %s posted frame %u corrupted", hv.peer[id].name,
			 hv.peer[id].tx_seq);
	assert_true(in_flight < hv.geo.num_desc);
	for (k = 0; k < in_flight; k++) {
		if (k == OVERLAP_CHECK_FRAMES && in_flight > 2 * k)
			k = in_flight - OVERLAP_CHECK_FRAMES;
		index = w.avail_ring[(u16)(oldest + k) & qmask];
		assert_true(index < hv.geo.num_desc);
		o = &w.desc[index];
		if (o == d)
			fail_msg("peer %s posted descriptor %u twice",
				 hv.peer[id].name, index);
		if (d->addr < o->addr + o->len && o->addr < d->addr + d->len)
			fail_msg("peer %s posted frame %u over one in flight",
				 hv.peer[id].name, hv.peer[id].tx_seq);
	}
}

static u32 max_frame(unsigned int id)
{
	return ndev_of(id)->mtu + ETH_HLEN + VLAN_HLEN;
}

/*
 * Peer @id sends a frame of @len bytes, if the qdisc would: not while
 * the carrier is off or the queue stopped.  @more: another one follows
 * at once (xmit_more).
 */
static bool send_frame(unsigned int id, u32 len, bool more)
{
	static u8 frame[FRAME_MAX];
	struct net_device *ndev = ndev_of(id);
	struct peer *peer = &hv.peer[id];
	struct wire w = wire_of(id);
	u16 posted = *w.avail_idx;
	struct sk_buff *skb;

	if (!ndev->carrier || ndev->txq.stopped)
		return false;
	frame_build(frame, id, peer->tx_seq, len);
	skb = fake_alloc_skb(len);
	assert_non_null(skb);
	skb->len = len;
	memcpy(skb->data, frame, len);
	fake_xmit_more = more;
	assert_int_equal(ndev->netdev_ops->ndo_start_xmit(skb, ndev),
			 NETDEV_TX_OK);
	fake_xmit_more = false;
	/* posted, or dropped (which traffic() does not accept) */
	if (*w.avail_idx != posted) {
		assert_int_equal(*w.avail_idx, (u16)(posted + 1));
		check_posted_frame(id, frame, len);
	}
	peer->tx_seq++;
	return true;
}

/* after a link restart: what was in flight is gone */
static void forget_frames_in_flight(void)
{
	hv.peer[PEER_A].rx_expected = hv.peer[PEER_B].tx_seq;
	hv.peer[PEER_B].rx_expected = hv.peer[PEER_A].tx_seq;
}

enum traffic_mix {
	MIX_ANY,		/* any length, both ends often */
	MIX_SHORTEST,		/* the shortest test frame only */
	MIX_SPURIOUS_IRQS,	/* any length, and interrupts nobody sent */
};

static u32 frame_length(unsigned int id, enum traffic_mix mix)
{
	u32 max = max_frame(id), r = rng();

	if (mix == MIX_SHORTEST || r % 8 == 0)
		return FRAME_MIN;
	if (r % 8 == 1)
		return max;
	return FRAME_MIN + (r >> 3) % (max - FRAME_MIN + 1);
}

/*
 * @frames each way, in bursts of 1 to 4 (xmit_more on all but the last),
 * the cells run at random points in between.  Each frame must arrive,
 * in order and intact; a queue that stays stopped is a stall.
 */
static void traffic(unsigned int frames, u32 seed, enum traffic_mix mix)
{
	unsigned long received[2] = {
		hv.peer[0].rx_frames, hv.peer[1].rx_frames,
	};
	u64 dropped[2] = {
		stat(0, "tx_dropped"), stat(1, "tx_dropped"),
	};
	unsigned int sent[2] = { 0, 0 }, idle = 0, id, n, burst;
	bool progress;

	rng_state = seed * 2654435761U + 1;
	while (sent[0] < frames || sent[1] < frames) {
		progress = false;
		for (id = 0; id < 2; id++) {
			burst = 1 + rng() % 4;
			for (n = 0; n < burst && sent[id] < frames; n++) {
				if (!send_frame(id, frame_length(id, mix),
						n + 1 < burst &&
						sent[id] + 1 < frames))
					break;
				sent[id]++;
				progress = true;
			}
		}
		if (mix == MIX_SPURIOUS_IRQS && rng() % 3 == 0)
			hv_trigger(hv.peer[rng() % 2].dev);
		if (!progress && ++idle > 1)
			fail_msg("transmit stalled: %u and %u of %u frames sent, queues %s and %s",
				 sent[0], sent[1], frames,
				 ndev_of(0)->txq.stopped ? "stopped" : "awake",
				 ndev_of(1)->txq.stopped ? "stopped" : "awake");
		if (progress)
			idle = 0;
		if (!progress || rng() % 4 == 0)
			settle();
	}
	settle();
	for (id = 0; id < 2; id++) {
		if (stat(id, "tx_dropped") != dropped[id])
			fail_msg("peer %s dropped frames it had room for",
				 hv.peer[id].name);
		if (hv.peer[id].rx_frames - received[id] != frames)
			fail_msg("peer %s received %lu of %u frames",
				 hv.peer[id].name,
				 hv.peer[id].rx_frames - received[id], frames);
		/* all consumed: the next frame must not wait */
		if (ndev_of(id)->txq.stopped)
			fail_msg("peer %s: queue still stopped on an idle link",
				 hv.peer[id].name);
	}
}

/* ---- link helpers ---- */

static void assert_link_up(void)
{
	struct net_device *ndev;
	unsigned int id;

	for (id = 0; id < 2; id++) {
		assert_int_equal(driver_state(id), IVSHMEM_NET_STATE_RUN);
		assert_true(ndev_of(id)->carrier);
		assert_false(ndev_of(id)->txq.stopped);
		ndev = ndev_of(id);
		assert_int_equal(ndev->ethtool_ops->get_link(ndev), 1);
	}
}

static void assert_link_down(void)
{
	unsigned int id;

	for (id = 0; id < 2; id++)
		if (hv.peer[id].dev)
			assert_false(ndev_of(id)->carrier);
}

static void link_up(void)
{
	peer_probe(PEER_A);
	peer_open(PEER_A);
	peer_probe(PEER_B);
	peer_open(PEER_B);
	settle();
	assert_link_up();
}

/* B restarts its driver: the link comes back and carries frames */
static void restart_b_and_check_link(void)
{
	thaw(PEER_A);
	thaw(PEER_B);
	peer_remove(PEER_B);
	settle();
	assert_link_down();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_INIT);
	peer_probe(PEER_B);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	forget_frames_in_flight();
	traffic(100, 99, MIX_ANY);
}

/* used entries in @w for avail positions [first, first + n) */
static void assert_used(const struct wire *w, u16 first, unsigned int n,
			const u16 *desc)
{
	u32 qmask = hv.geo.num_desc - 1;
	unsigned int k;

	for (k = 0; k < n; k++) {
		const struct wire_used *u = &w->used_ring[(first + k) & qmask];

		assert_int_equal(u->id, desc[k]);
		assert_int_equal(u->len, 1);
	}
}

/* ---- scenarios ---- */

/* A comes up alone and waits; B joins; the carrier only with both up */
static void handshake_a_first(unsigned int variant)
{
	peer_probe(PEER_A);
	settle();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_INIT);
	peer_open(PEER_A);
	settle();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_INIT);
	assert_false(ndev_of(PEER_A)->carrier);

	peer_probe(PEER_B);
	settle();
	assert_int_equal(driver_state(PEER_B), IVSHMEM_NET_STATE_READY);
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_RUN);
	assert_link_down();
	/* the MTU changes while down, not while up */
	assert_int_equal(peer_set_mtu(PEER_B, IVSHMEM_NET_MIN_MTU), 0);
	assert_int_equal(peer_set_mtu(PEER_B, ndev_of(PEER_B)->max_mtu + 1),
			 -EINVAL);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	assert_int_equal(peer_set_mtu(PEER_A, IVSHMEM_NET_MIN_MTU), -EBUSY);
	traffic(200, 1, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* the same with the roles swapped: peer ID 1 first */
static void handshake_b_first(unsigned int variant)
{
	peer_probe(PEER_B);
	peer_open(PEER_B);
	settle();
	assert_int_equal(driver_state(PEER_B), IVSHMEM_NET_STATE_INIT);
	peer_probe(PEER_A);
	settle();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_READY);
	assert_int_equal(driver_state(PEER_B), IVSHMEM_NET_STATE_RUN);
	assert_link_down();
	peer_open(PEER_A);
	settle();
	assert_link_up();
	traffic(200, 2, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* both probed, then opened one at a time: both wait in READY */
static void handshake_open_after_probe(unsigned int variant)
{
	peer_probe(PEER_A);
	peer_probe(PEER_B);
	settle();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_READY);
	assert_int_equal(driver_state(PEER_B), IVSHMEM_NET_STATE_READY);
	peer_open(PEER_B);
	settle();
	assert_int_equal(driver_state(PEER_B), IVSHMEM_NET_STATE_RUN);
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_READY);
	assert_link_down();
	peer_open(PEER_A);
	settle();
	assert_link_up();
	traffic(200, 3, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/*
 * A peer slot still at RUN (its cell went without a reset): a new peer
 * waits in RESET until the slot is reset, and does not touch the rings.
 */
static void handshake_waits_for_peer_reset(unsigned int variant)
{
	hv.state_table[PEER_B] = IVSHMEM_NET_STATE_RUN;
	peer_probe(PEER_A);
	peer_open(PEER_A);
	settle();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_RESET);
	assert_false(ndev_of(PEER_A)->carrier);
	hv_set_state(PEER_B, 0);	/* the hypervisor resets B's cell */
	settle();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_INIT);
	peer_probe(PEER_B);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	traffic(200, 4, MIX_ANY);
}

/* frames both ways, every length from the shortest to MTU + VLAN */
static void traffic_both_ways(unsigned int variant)
{
	const u32 frames = 2000;
	struct wire a = wire_of(PEER_A), b = wire_of(PEER_B);
	unsigned int k;

	link_up();
	traffic(frames, 10, MIX_ANY);
	for (k = 0; k < 2; k++) {
		assert_int_equal(stat(k, "tx_packets"), frames);
		assert_int_equal(stat(k, "rx_packets"), frames);
		assert_int_equal(stat(k, "tx_dropped"), 0);
		assert_int_equal(stat(k, "rx_bad_descriptor"), 0);
		assert_int_equal(stat(k, "tx_bad_completion"), 0);
	}
	/* kicks suppressed: at most one per frame and direction */
	for (k = 0; k < 2; k++) {
		assert_true(hv.peer[k].dev->doorbells >= 1);
		assert_true(hv.peer[k].dev->doorbells <= 2 * frames);
	}
	/* on the wire: everything posted, handed back and taken back */
	assert_int_equal(*a.avail_idx, (u16)frames);
	assert_int_equal(*b.used_idx, (u16)frames);
	assert_int_equal(*b.avail_idx, (u16)frames);
	assert_int_equal(*a.used_idx, (u16)frames);
	for (k = 0; k < hv.geo.num_desc && k < frames; k++) {
		assert_int_equal(a.used_ring[k].len, 1);
		assert_int_equal(b.used_ring[k].len, 1);
		assert_true(a.used_ring[k].id < hv.geo.num_desc);
		assert_true(b.used_ring[k].id < hv.geo.num_desc);
	}
	assert_int_equal(fake_log.errors, 0);
}

/* both at the largest MTU the section allows */
static void traffic_max_mtu(unsigned int variant)
{
	peer_probe(PEER_A);
	peer_probe(PEER_B);
	assert_int_equal(peer_set_mtu(PEER_A, ndev_of(PEER_A)->max_mtu), 0);
	assert_int_equal(peer_set_mtu(PEER_B, ndev_of(PEER_B)->max_mtu), 0);
	peer_open(PEER_A);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	traffic(500, 11, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* the MTU is not negotiated: B (68) takes A's largest frames */
static void traffic_mtu_mismatch(unsigned int variant)
{
	peer_probe(PEER_A);
	peer_probe(PEER_B);
	assert_int_equal(peer_set_mtu(PEER_A, ndev_of(PEER_A)->max_mtu), 0);
	assert_int_equal(peer_set_mtu(PEER_B, IVSHMEM_NET_MIN_MTU), 0);
	peer_open(PEER_A);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	traffic(500, 12, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/*
 * A frame held back by xmit_more, then a runt the driver drops: the drop
 * must still kick the peer for the held-back frame.
 */
static void runt_frame_dropped(unsigned int variant)
{
	struct net_device *ndev;
	struct sk_buff *skb;
	unsigned long received;
	u16 posted;

	link_up();
	traffic(50, 14, MIX_ANY);
	ndev = ndev_of(PEER_A);
	received = hv.peer[PEER_B].rx_frames;
	assert_true(send_frame(PEER_A, FRAME_MIN, true));
	posted = *wire_of(PEER_A).avail_idx;
	skb = fake_alloc_skb(ETH_HLEN - 1);
	assert_non_null(skb);
	skb->len = ETH_HLEN - 1;
	memset(skb->data, 0xff, skb->len);
	assert_int_equal(ndev->netdev_ops->ndo_start_xmit(skb, ndev),
			 NETDEV_TX_OK);
	assert_int_equal(stat(PEER_A, "tx_dropped"), 1);
	assert_int_equal(*wire_of(PEER_A).avail_idx, posted);
	settle();
	assert_int_equal(hv.peer[PEER_B].rx_frames, received + 1);
	traffic(50, 15, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* more than 65536 frames each way: every u16 index wraps */
static void index_wraparound(unsigned int variant)
{
	link_up();
	traffic(66000, 13, MIX_SHORTEST);
	assert_int_equal(*wire_of(PEER_A).avail_idx, (u16)66000);
	assert_int_equal(*wire_of(PEER_B).used_idx, (u16)66000);
	assert_int_equal(fake_log.errors, 0);
}

/*
 * B hangs: A fills its ring with the largest frames until the queue
 * stops, with every frame in flight well-formed, in its own place and
 * intact, and A asking for a kick on the next completion.  B comes
 * back: everything arrives, each buffer handed back in order with
 * used.len 1, and the queue wakes.
 */
static void full_queue_and_wake(unsigned int variant)
{
	struct wire a = wire_of(PEER_A), b = wire_of(PEER_B);
	u32 qmask = hv.geo.num_desc - 1, seq;
	unsigned long received;
	u16 first, *desc_of;
	unsigned int n, k, j, round;

	link_up();
	traffic(100, 20, MIX_ANY);
	freeze(PEER_B);
	/* A runs in between: it takes back what B completed before */
	for (n = 0, round = 0; round < 3; round++) {
		for (; send_frame(PEER_A, max_frame(PEER_A), false); n++)
			if (n > hv.geo.num_desc)
				fail_msg("%u frames in a ring of %u: the queue never stopped",
					 n, hv.geo.num_desc);
		settle();
		if (ndev_of(PEER_A)->txq.stopped)
			break;
	}
	assert_true(n >= 1);
	assert_true(ndev_of(PEER_A)->txq.stopped);
	assert_true(stat(PEER_A, "tx_pause") >= 1);

	first = *b.used_idx;
	assert_int_equal((u16)(*a.avail_idx - first), n);
	/* kick me when you have consumed the next one */
	assert_int_equal(*a.used_event, first);
	desc_of = calloc(n, sizeof(*desc_of));
	seq = hv.peer[PEER_B].rx_expected;
	for (k = 0; k < n; k++) {
		const struct wire_desc *d;
		u32 frame_seq;

		desc_of[k] = a.avail_ring[(u16)(first + k) & qmask];
		assert_true(desc_of[k] < hv.geo.num_desc);
		d = &a.desc[desc_of[k]];
		assert_int_equal(d->flags, 0);
		assert_true(d->addr >= hv.geo.header_size);
		assert_true(d->addr + d->len <= hv.section_size);
		assert_int_equal(d->len, max_frame(PEER_A));
		memcpy(&frame_seq, a.base + d->addr + FRAME_SEQ, 4);
		assert_int_equal(frame_seq, seq + k);
		for (j = 0; j < k; j++) {
			const struct wire_desc *o = &a.desc[desc_of[j]];

			if (d->addr < o->addr + o->len &&
			    o->addr < d->addr + d->len)
				fail_msg("frames %u and %u in flight overlap",
					 seq + j, seq + k);
		}
	}

	received = hv.peer[PEER_B].rx_frames;
	thaw(PEER_B);
	settle();
	assert_int_equal(hv.peer[PEER_B].rx_frames - received, n);
	assert_false(ndev_of(PEER_A)->txq.stopped);
	assert_true(stat(PEER_A, "tx_wake") >= 1);
	assert_used(&b, first, n, desc_of);
	free(desc_of);
	traffic(200, 21, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* B's interface down and up again: the link follows */
static void peer_down_up(unsigned int variant)
{
	link_up();
	traffic(100, 30, MIX_ANY);
	peer_close(PEER_B);
	settle();
	assert_link_down();
	assert_true(driver_state(PEER_B) != IVSHMEM_NET_STATE_RUN);
	assert_false(send_frame(PEER_A, FRAME_MIN, false));
	assert_int_equal(stat(PEER_A, "link_losses"), 1);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	forget_frames_in_flight();
	traffic(300, 31, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* B's driver unloaded and loaded again */
static void peer_unload_reload(unsigned int variant)
{
	link_up();
	traffic(100, 40, MIX_ANY);
	restart_b_and_check_link();
	traffic(300, 41, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/*
 * B's cell destroyed with frames in flight: A sees state 0, drops the
 * link and ignores what the dead cell leaves in its section; a new B
 * links up with it.
 */
static void peer_destroyed(unsigned int variant)
{
	unsigned long received;
	unsigned int n;

	link_up();
	traffic(100, 50, MIX_ANY);
	received = hv.peer[PEER_A].rx_frames;
	freeze(PEER_B);
	for (n = 0; n < 10; n++)
		send_frame(PEER_A, FRAME_MIN + n, false);
	cell_destroy(PEER_B);
	settle();
	assert_link_down();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_INIT);
	memset(hv.output[PEER_B].rw, 0x5a, hv.section_size);
	for (n = 0; n < 10; n++) {
		hv_trigger(hv.peer[PEER_A].dev);
		settle();
	}
	assert_int_equal(hv.peer[PEER_A].rx_frames, received);
	assert_int_equal(fake_log.errors, 0);

	peer_probe(PEER_B);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	forget_frames_in_flight();
	traffic(300, 51, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/* A's driver removed while up, frames in flight; A comes back */
static void remove_while_up(unsigned int variant)
{
	unsigned int n;

	link_up();
	traffic(100, 60, MIX_ANY);
	freeze(PEER_B);
	for (n = 0; n < 5; n++)
		send_frame(PEER_A, FRAME_MIN + n, false);
	peer_remove(PEER_A);
	thaw(PEER_B);
	settle();
	assert_false(ndev_of(PEER_B)->carrier);
	assert_int_equal(driver_state(PEER_B), IVSHMEM_NET_STATE_INIT);
	peer_probe(PEER_A);
	peer_open(PEER_A);
	settle();
	assert_link_up();
	forget_frames_in_flight();
	traffic(300, 61, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

/*
 * The receive direction of A refused, with one log line, nothing handed
 * to the stack or back to B, and no more lines on later interrupts.
 */
static void assert_rx_refused(unsigned long received, u16 used,
			      unsigned int errors, const char *message)
{
	assert_int_equal(stat(PEER_A, "rx_bad_descriptor"), 1);
	assert_int_equal(fake_log.errors, errors + 1);
	if (!strstr(fake_log.last_error, message))
		fail_msg("logged \"%s\", expected \"%s\"", fake_log.last_error,
			 message);
	assert_int_equal(hv.peer[PEER_A].rx_frames, received);
	assert_int_equal(*wire_of(PEER_A).used_idx, used);
	kick(PEER_B);
	settle();
	assert_int_equal(fake_log.errors, errors + 1);
	assert_int_equal(hv.peer[PEER_A].rx_frames, received);
}

/* B claims 5000 frames in a ring of at most 4096 */
static void bad_avail_index(unsigned int variant)
{
	struct wire a = wire_of(PEER_A), b = wire_of(PEER_B);
	unsigned long received;
	unsigned int errors;
	u16 used;

	link_up();
	traffic(50, 70, MIX_ANY);
	received = hv.peer[PEER_A].rx_frames;
	errors = fake_log.errors;
	used = *a.used_idx;
	freeze(PEER_B);
	*b.avail_idx = used + 5000;
	kick(PEER_B);
	settle();
	assert_rx_refused(received, used, errors, "bad rx avail index");
	restart_b_and_check_link();
	assert_int_equal(fake_log.errors, errors + 1);
}

enum bad_descriptor {
	BAD_FLAGS,		/* a chained or indirect descriptor */
	BAD_ADDR_IN_HEADER,	/* the frame in the ring header */
	BAD_ADDR_AT_END,	/* starting at the end of the section */
	BAD_LEN_PAST_END,	/* one byte past the end */
	BAD_INDEX_PAST_RING,	/* avail entry naming descriptor n */
	BAD_ADDR_HUGE,		/* addr and len all ones */
	BAD_LEN_WRAPS,		/* addr + len wraps in 32 bits */
};

/* B posts a frame, then corrupts what it posted before A looks */
static void bad_descriptor(unsigned int kind)
{
	struct wire a = wire_of(PEER_A), b = wire_of(PEER_B);
	u32 qmask = hv.geo.num_desc - 1, section = hv.section_size;
	unsigned long received;
	unsigned int errors;
	struct wire_desc *d;
	u16 *entry, used;

	link_up();
	traffic(50, 80 + kind, MIX_ANY);
	received = hv.peer[PEER_A].rx_frames;
	errors = fake_log.errors;
	used = *a.used_idx;
	freeze(PEER_A);
	assert_true(send_frame(PEER_B, 100, false));
	freeze(PEER_B);
	entry = &b.avail_ring[(u16)(*b.avail_idx - 1) & qmask];
	d = &b.desc[*entry];
	switch (kind) {
	case BAD_FLAGS:
		d->flags = 1;
		break;
	case BAD_ADDR_IN_HEADER:
		d->addr = hv.geo.header_size - 1;
		break;
	case BAD_ADDR_AT_END:
		d->addr = section;
		d->len = 0;
		break;
	case BAD_LEN_PAST_END:
		d->len = section - d->addr + 1;
		break;
	case BAD_INDEX_PAST_RING:
		*entry = hv.geo.num_desc;
		break;
	case BAD_ADDR_HUGE:
		d->addr = ~0ULL;
		d->len = ~0U;
		break;
	case BAD_LEN_WRAPS:
		d->addr = section - 16;
		d->len = ~0U - (section - 32);
		break;
	}
	thaw(PEER_A);
	kick(PEER_B);
	settle();
	assert_rx_refused(received, used, errors,
			  kind == BAD_INDEX_PAST_RING ?
			  "bad rx descriptor: index" : "bad rx descriptor");
	restart_b_and_check_link();
	assert_int_equal(fake_log.errors, errors + 1);
}

enum bad_completion {
	BAD_USED_LEN,		/* used.len a byte count, not 1 */
	BAD_USED_ID,		/* not the oldest frame in flight */
	BAD_USED_IDX_AHEAD,	/* more completions than frames in flight */
};

/* B hands back A's frames wrongly: A stops transmitting, nothing hangs */
static void bad_completion(unsigned int kind)
{
	struct wire a = wire_of(PEER_A), b = wire_of(PEER_B);
	u32 qmask = hv.geo.num_desc - 1;
	unsigned int errors, n, in_flight, sent;
	u16 first, oldest;
	u64 dropped;

	link_up();
	traffic(50, 90 + kind, MIX_ANY);
	errors = fake_log.errors;
	freeze(PEER_B);
	for (in_flight = 0; in_flight < 2; in_flight++)
		if (!send_frame(PEER_A, 100, false))
			break;
	assert_true(in_flight >= 1);
	first = *b.used_idx;
	assert_int_equal((u16)(*a.avail_idx - first), in_flight);
	oldest = a.avail_ring[first & qmask];
	switch (kind) {
	case BAD_USED_LEN:
		b.used_ring[first & qmask] = (struct wire_used){ oldest, 100 };
		*b.used_idx = first + 1;
		break;
	case BAD_USED_ID:
		b.used_ring[first & qmask] =
			(struct wire_used){ (oldest + 1) & qmask, 1 };
		*b.used_idx = first + 1;
		break;
	case BAD_USED_IDX_AHEAD:
		*b.used_idx = first + in_flight + 1;
		break;
	}
	kick(PEER_B);
	settle();
	assert_int_equal(stat(PEER_A, "tx_bad_completion"), 1);
	assert_int_equal(fake_log.errors, errors + 1);
	if (!strstr(fake_log.last_error, "bad tx completion"))
		fail_msg("logged \"%s\"", fake_log.last_error);
	/* the stack keeps sending: dropped or held back, no hang */
	dropped = stat(PEER_A, "tx_dropped");
	for (n = sent = 0; n < 5; n++) {
		sent += send_frame(PEER_A, 100, false);
		kick(PEER_B);
		settle();
	}
	assert_int_equal(fake_log.errors, errors + 1);
	/* nothing posted on a ring that is out of step */
	assert_int_equal(stat(PEER_A, "tx_dropped") - dropped, sent);
	assert_int_equal((u16)(*a.avail_idx - first), in_flight);
	restart_b_and_check_link();
	assert_int_equal(fake_log.errors, errors + 1);
}

/* a state nobody defines, and a storm of interrupts announcing it */
static void garbage_peer_state(unsigned int variant)
{
	unsigned long received;
	unsigned int n;

	link_up();
	traffic(50, 100, MIX_ANY);
	received = hv.peer[PEER_A].rx_frames;
	hv.state_table[PEER_B] = 77;
	for (n = 0; n < STORM_INTERRUPTS; n++) {
		hv_trigger(hv.peer[PEER_A].dev);
		settle();
	}
	assert_true(stat(PEER_A, "interrupts") >= STORM_INTERRUPTS);
	assert_true(driver_state(PEER_A) <= IVSHMEM_NET_STATE_RUN);
	assert_int_equal(hv.peer[PEER_A].rx_frames, received);
	/* B's driver leaves: RESET, and A starts over */
	peer_remove(PEER_B);
	settle();
	assert_link_down();
	assert_int_equal(driver_state(PEER_A), IVSHMEM_NET_STATE_INIT);
	peer_probe(PEER_B);
	peer_open(PEER_B);
	settle();
	assert_link_up();
	forget_frames_in_flight();
	traffic(100, 101, MIX_ANY);
}

/* interrupts nobody sent, idle and under traffic: nothing changes */
static void interrupt_storm(unsigned int variant)
{
	unsigned long received[2];
	unsigned int n;

	link_up();
	traffic(50, 110, MIX_ANY);
	received[0] = hv.peer[0].rx_frames;
	received[1] = hv.peer[1].rx_frames;
	for (n = 0; n < STORM_INTERRUPTS; n++) {
		hv_trigger(hv.peer[n % 2].dev);
		settle();
	}
	assert_int_equal(hv.peer[0].rx_frames, received[0]);
	assert_int_equal(hv.peer[1].rx_frames, received[1]);
	assert_link_up();
	traffic(500, 111, MIX_SPURIOUS_IRQS);
	assert_int_equal(fake_log.errors, 0);
}

/* an R/W section before the output sections: mapped past, not used */
static void rw_section_skipped(unsigned int variant)
{
	link_up();
	traffic(300, 120, MIX_ANY);
	assert_int_equal(fake_log.errors, 0);
}

enum probe_defect {
	DEFECT_PEERS,
	DEFECT_ID,
	DEFECT_NO_CAP,
	DEFECT_SHORT_CAP,
	DEFECT_NO_ADDRESS,
	DEFECT_STATE_TABLE,
	DEFECT_NO_OUTPUT,
	DEFECT_OUTPUT_TOO_SMALL,
	DEFECT_OUTPUT_TOO_LARGE,
	DEFECT_NO_IRQ,
	NUM_DEFECTS
};

/* every unusable device refused, one log line each, nothing left over */
static void probe_refuses_unusable_devices(unsigned int variant)
{
	struct fake_ivshmem *dev;
	unsigned int defect, errors;
	u8 *cap;
	u64 q;
	u32 w;

	for (defect = 0; defect < NUM_DEFECTS; defect++) {
		dev = device_create(&hv.peer[PEER_A]);
		cap = dev->pdev.config + VENDOR_CAP;
		switch (defect) {
		case DEFECT_PEERS:
			dev->reg_max_peers = 3;
			break;
		case DEFECT_ID:
			dev->reg_id = 2;
			break;
		case DEFECT_NO_CAP:
			dev->pdev.vendor_cap = 0;
			break;
		case DEFECT_SHORT_CAP:
			cap[IVSHMEM_CAP_LENGTH] = IVSHMEM_CAP_SIZE - 8;
			break;
		case DEFECT_NO_ADDRESS:
			q = 0;
			memcpy(cap + IVSHMEM_CAP_ADDRESS, &q, 8);
			break;
		case DEFECT_STATE_TABLE:
			w = 4;
			memcpy(cap + IVSHMEM_CAP_STATE_SIZE, &w, 4);
			break;
		case DEFECT_NO_OUTPUT:
			q = 0;
			memcpy(cap + IVSHMEM_CAP_OUTPUT_SIZE, &q, 8);
			break;
		case DEFECT_OUTPUT_TOO_SMALL:
			q = ivshmem_net_min_section_size() - 16;
			memcpy(cap + IVSHMEM_CAP_OUTPUT_SIZE, &q, 8);
			break;
		case DEFECT_OUTPUT_TOO_LARGE:
			q = 0x100000000ULL;
			memcpy(cap + IVSHMEM_CAP_OUTPUT_SIZE, &q, 8);
			break;
		case DEFECT_NO_IRQ:
			dev->pdev.irq = 0;
			break;
		}
		errors = fake_log.errors;
		if (device_probe(dev) >= 0)
			fail_msg("defect %u: device accepted", defect);
		if (fake_log.errors != errors + 1)
			fail_msg("defect %u: %u error lines", defect,
				 fake_log.errors - errors);
		assert_int_equal(hv.state_table[PEER_A], 0);
	}
	/* and the sound device after all that */
	peer_probe(PEER_A);
	peer_probe(PEER_B);
	peer_open(PEER_A);
	peer_open(PEER_B);
	settle();
	assert_link_up();
}

#define SCENARIO(fn)		{ #fn, fn, 0, 0 }
#define VARIANT(name, fn, variant)	{ name, fn, variant, 0 }

static const struct scenario scenarios[] = {
	SCENARIO(handshake_a_first),
	SCENARIO(handshake_b_first),
	SCENARIO(handshake_open_after_probe),
	SCENARIO(handshake_waits_for_peer_reset),
	SCENARIO(traffic_both_ways),
	SCENARIO(traffic_max_mtu),
	SCENARIO(traffic_mtu_mismatch),
	SCENARIO(runt_frame_dropped),
	SCENARIO(index_wraparound),
	SCENARIO(full_queue_and_wake),
	SCENARIO(peer_down_up),
	SCENARIO(peer_unload_reload),
	SCENARIO(peer_destroyed),
	SCENARIO(remove_while_up),
	SCENARIO(bad_avail_index),
	VARIANT("bad_descriptor_flags", bad_descriptor, BAD_FLAGS),
	VARIANT("bad_descriptor_addr_in_header", bad_descriptor,
		BAD_ADDR_IN_HEADER),
	VARIANT("bad_descriptor_addr_at_end", bad_descriptor, BAD_ADDR_AT_END),
	VARIANT("bad_descriptor_len_past_end", bad_descriptor,
		BAD_LEN_PAST_END),
	VARIANT("bad_descriptor_index_past_ring", bad_descriptor,
		BAD_INDEX_PAST_RING),
	VARIANT("bad_descriptor_addr_huge", bad_descriptor, BAD_ADDR_HUGE),
	VARIANT("bad_descriptor_len_wraps", bad_descriptor, BAD_LEN_WRAPS),
	VARIANT("bad_completion_used_len", bad_completion, BAD_USED_LEN),
	VARIANT("bad_completion_used_id", bad_completion, BAD_USED_ID),
	VARIANT("bad_completion_used_idx_ahead", bad_completion,
		BAD_USED_IDX_AHEAD),
	SCENARIO(garbage_peer_state),
	SCENARIO(interrupt_storm),
	{ "rw_section_skipped", rw_section_skipped, 0, RW_SECTION_SIZE },
};

static const struct scenario probe_scenario =
	SCENARIO(probe_refuses_unusable_devices);

/* ---- fixtures ---- */

static int setup(void **state)
{
	const struct test_case *tc = *state;
	unsigned int id;

	memset(&hv, 0, sizeof(hv));
	memset(&fake_log, 0, sizeof(fake_log));
	hv.section_size = tc->section_size;
	hv.rw_size = tc->scenario->rw_size;
	assert_int_equal(ivshmem_net_geometry(hv.section_size, &hv.geo), 0);
	region_create(&hv.state, SHMEM_BASE, STATE_TABLE_SIZE, 0xa5);
	/* the hypervisor zeroes the state table for the first peer */
	memset(hv.state.rw, 0, STATE_TABLE_SIZE);
	hv.state_table = (u32 *)hv.state.rw;
	for (id = 0; id < 2; id++) {
		region_create(&hv.output[id], output_phys(id),
			      hv.section_size, 0xa5);
		hv.peer[id].id = id;
		hv.peer[id].name[0] = 'A' + id;
	}
	return 0;
}

/*
 * After a case that got to its end the drivers are removed as usual, and
 * must leave nothing behind; after a failure they are only reaped, so
 * that one failure does not cascade into the next case.
 */
static int teardown(void **state)
{
	unsigned int id;

	for (id = 0; id < 2; id++) {
		if (!hv.peer[id].dev)
			continue;
		if (hv.case_done) {
			thaw(id);
			peer_remove(id);
		} else {
			cell_destroy(id);
		}
	}
	while (hv.devices)
		device_free(hv.devices);
	if (hv.case_done) {
		assert_int_equal(hv.state_table[0], 0);
		assert_int_equal(hv.state_table[1], 0);
		assert_int_equal(fake_workqueue_count(), 0);
	}
	region_destroy(&hv.state);
	region_destroy(&hv.output[0]);
	region_destroy(&hv.output[1]);
	return 0;
}

static void run_case(void **state)
{
	const struct test_case *tc = *state;

	tc->scenario->run(tc->scenario->variant);
	hv.case_done = true;
}

#define NUM_CASES	(1 + ARRAY_SIZE(section_sizes) * ARRAY_SIZE(scenarios))

static struct test_case cases[NUM_CASES];
static char names[NUM_CASES][64];
static struct CMUnitTest tests[NUM_CASES];

static void add_case(unsigned int n, u64 section_size,
		     const struct scenario *scenario)
{
	cases[n] = (struct test_case){ section_size, scenario };
	snprintf(names[n], sizeof(names[n]), "0x%llx/%s", section_size,
		 scenario->name);
	tests[n] = (struct CMUnitTest){
		.name = names[n],
		.test_func = run_case,
		.setup_func = setup,
		.teardown_func = teardown,
		.initial_state = &cases[n],
	};
}

int main(int argc, char **argv)
{
	unsigned int n = 0, s, k;

	for (k = 0; k < ARRAY_SIZE(pattern); k++)
		pattern[k] = k;
	add_case(n++, 0x1000, &probe_scenario);
	for (s = 0; s < ARRAY_SIZE(section_sizes); s++)
		for (k = 0; k < ARRAY_SIZE(scenarios); k++)
			add_case(n++, section_sizes[s], &scenarios[k]);
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	return cmocka_run_group_tests_name("ivshmem_net_driver", tests, NULL,
					   NULL);
}
