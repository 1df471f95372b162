// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net.ko: a virtual Ethernet link between two cells over an
 * IVSHMEM v2 device of protocol 0x0001 ("VETH"), on the wire compatible
 * with upstream Jailhouse's Linux ivshmem-net driver and Zephyr's
 * eth_ivshmem.
 *
 * Memory.  The device's shared memory is a state table (one u32 per peer,
 * written only by the hypervisor when a peer writes its State register),
 * an optional R/W section this driver does not use, and one output
 * section per peer.  A peer writes only its own output section; it reads
 * the other one.  Each output section holds a legacy virtio ring and a
 * frame data area, laid out as <jailhouse/ivshmem-net.h> computes it.
 * The descriptors, the avail ring, used_event and the frames of a section
 * belong to its owner's transmit direction; its used ring and avail_event
 * belong to the owner's receive direction.  So to send, a peer fills its
 * own descriptors and avail ring and learns from the used ring in the
 * other section which frames the receiver is done with; to receive, it
 * reads the other section and returns the frames through the used ring
 * in its own.  Frames are whole Ethernet frames without FCS, checksums
 * complete; desc.addr is the offset in the sender's section, desc.flags
 * 0, used.len 1, and frames complete in the order they were posted, so
 * the sender's data area is a ring buffer.  Kicks (doorbell vector 0, the
 * INTx line) are suppressed with virtio's event indexes.
 *
 * Link state.  Each peer moves through RESET, INIT, READY and RUN: from
 * RESET to INIT once the other peer is RESET or INIT; from INIT to READY
 * once the other is past RESET, after zeroing its own section; from READY
 * to RUN once the interface is up and the other is READY or RUN.  The
 * carrier is on while both are RUN.  The other peer back at RESET (its
 * driver stopped, its cell reset or destroyed: the hypervisor then reads
 * its state as 0) means the link is lost: stop, RESET, and start over.
 * The state machine runs in an ordered workqueue, serialised with open
 * and stop by a mutex, whenever an interrupt shows the other peer's state
 * changed.  Receiving and transmit completion run in NAPI.
 *
 * Nothing the other peer writes is trusted: every index and descriptor
 * is read once, checked against the ring and the section before use, and
 * a bad one stops that direction (one log line) until the link restarts.
 */
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/skbuff.h>
#include <linux/version.h>
#include <linux/workqueue.h>

#include <jailhouse/ivshmem-regs.h>
#include <jailhouse/ivshmem-net.h>

#define DRV_NAME		"ivshmem-net"

/* a frame's slot in the data area: its length plus this, cache aligned */
#define IVNET_SLOT_EXTRA	(ETH_HLEN + VLAN_HLEN)
/* the longest frame taken from the peer */
#define IVNET_MAX_RX_FRAME	(IVSHMEM_NET_MAX_MTU_LIMIT + ETH_HLEN + \
				 VLAN_HLEN)
/* the state machine settles in at most this many steps */
#define IVNET_MAX_STEPS		4

struct ivnet_desc {
	__le64 addr;
	__le32 len;
	__le16 flags;
	__le16 next;
};

struct ivnet_used_elem {
	__le32 id;
	__le32 len;
};

/* The ring words of one output section. */
struct ivnet_section {
	void *base;
	struct ivnet_desc *desc;
	__le16 *avail_idx;
	__le16 *avail_ring;
	__le16 *used_event;
	__le16 *used_idx;
	struct ivnet_used_elem *used_ring;
	__le16 *avail_event;
};

/* ethtool -S, in this order */
struct ivnet_stats {
	u64 interrupts;
	u64 napi_poll;
	u64 napi_complete;
	u64 tx_packets;
	u64 tx_notify;
	u64 tx_pause;
	u64 tx_wake;
	u64 tx_dropped;
	u64 tx_bad_completion;
	u64 rx_packets;
	u64 rx_notify;
	u64 rx_dropped;
	u64 rx_bad_descriptor;
	u64 link_losses;
};

static const char ivnet_stat_names[][ETH_GSTRING_LEN] = {
	"interrupts",
	"napi_poll",
	"napi_complete",
	"tx_packets",
	"tx_notify",
	"tx_pause",
	"tx_wake",
	"tx_dropped",
	"tx_bad_completion",
	"rx_packets",
	"rx_notify",
	"rx_dropped",
	"rx_bad_descriptor",
	"link_losses",
};

#define IVNET_NUM_STATS		ARRAY_SIZE(ivnet_stat_names)

struct ivnet {
	struct net_device *ndev;
	struct pci_dev *pdev;
	void __iomem *regs;
	const __le32 *state_table;
	u32 id, peer_id;

	/* the geometry, the same for both sections */
	u32 section_size;
	u32 qlen, qmask;
	u32 hdr;
	u32 data_size;
	struct ivnet_section own;	/* written by us only */
	struct ivnet_section peer;	/* only read */

	/* the state machine, under state_lock */
	struct mutex state_lock;
	struct workqueue_struct *wq;
	struct work_struct state_work;
	u32 state;
	u32 last_peer_state;		/* also read by the interrupt */
	bool up;			/* between ndo_open and ndo_stop */
	bool running;			/* NAPI and the queue on (RUN) */
	bool removing;

	struct napi_struct napi;

	/* transmit, under the queue's lock (xmit, NAPI) */
	u16 tx_avail;			/* frames posted */
	u16 tx_used;			/* frames completed */
	u16 tx_kicked;			/* tx_avail at the last kick check */
	u32 tx_head, tx_tail;		/* in the data area */
	u32 *tx_end;			/* per descriptor: its slot's end */
	bool tx_broken;

	/* receive, NAPI only */
	u16 rx_next;			/* = our used.idx */
	u16 rx_kicked;			/* rx_next at the last kick check */
	bool rx_broken;

	struct ivnet_stats stats;
	char irq_name[sizeof(DRV_NAME) + 24];
};

static const char *const ivnet_state_names[] = {
	"RESET", "INIT", "READY", "RUN",
};

static const char *ivnet_state_name(u32 state)
{
	return state < ARRAY_SIZE(ivnet_state_names) ?
		ivnet_state_names[state] : "?";
}

static u64 cap_read64(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return (u64)hi << 32 | lo;
}

static void ivnet_section_init(struct ivnet_section *s, void *base,
			       const struct ivshmem_net_geometry *geo)
{
	s->base = base;
	s->desc = base;
	s->avail_idx = base + geo->avail_offset + 2;
	s->avail_ring = base + geo->avail_offset + 4;
	s->used_event = base + geo->used_event_offset;
	s->used_idx = base + geo->used_offset + 2;
	s->used_ring = base + geo->used_offset + 4;
	s->avail_event = base + geo->avail_event_offset;
}

static u32 ivnet_peer_state(struct ivnet *in)
{
	return le32_to_cpu(READ_ONCE(in->state_table[in->peer_id]));
}

static void ivnet_set_state(struct ivnet *in, u32 state)
{
	if (in->state != state)
		netdev_dbg(in->ndev, "state %s -> %s\n",
			   ivnet_state_name(in->state),
			   ivnet_state_name(state));
	in->state = state;
	/* writel orders our section's stores before the state change */
	writel(state, in->regs + IVSHMEM_REG_STATE);
}

static void ivnet_kick(struct ivnet *in)
{
	/* INTx: one vector, 0 */
	writel(in->peer_id << 16, in->regs + IVSHMEM_REG_DOORBELL);
}

/* ---- transmit ---- */

static u32 ivnet_slot_size(u32 frame_len)
{
	return ALIGN(IVNET_SLOT_EXTRA + frame_len, SMP_CACHE_BYTES);
}

/*
 * Where a slot of @size bytes goes in the data area, given the first
 * free byte @head, the start of the oldest frame in flight @tail and
 * whether frames are in flight at all; -1 if it does not fit now.  The
 * frames in flight take [tail, head), or, wrapped, [tail, end of the
 * last slot before the wrap) and [0, head).
 */
static long ivnet_tx_fit(const struct ivnet *in, u32 head, u32 tail,
			 bool busy, u32 size)
{
	if (!busy)
		return size <= in->data_size ? 0 : -1;
	if (head > tail) {
		if (in->data_size - head >= size)
			return head;
		return tail >= size ? 0 : -1;
	}
	if (head < tail && tail - head >= size)
		return head;
	return -1;	/* head == tail: full */
}

static u16 ivnet_tx_in_flight(const struct ivnet *in)
{
	return in->tx_avail - in->tx_used;
}

/*
 * Room for two more frames of the largest size: two descriptors and two
 * slots.  An idle ring always has room (whatever fits the data area),
 * so that a stopped queue is woken once everything has completed.
 */
static bool ivnet_tx_room(const struct ivnet *in)
{
	u32 size = ivnet_slot_size(in->ndev->mtu + ETH_HLEN + VLAN_HLEN);
	u16 busy = ivnet_tx_in_flight(in);
	long first, second;

	if (!busy)
		return true;
	if (in->qlen - busy < 2)
		return false;
	first = ivnet_tx_fit(in, in->tx_head, in->tx_tail, true, size);
	if (first < 0)
		return false;
	second = ivnet_tx_fit(in, first + size, in->tx_tail, true, size);
	return second >= 0;
}

static u16 ivnet_peer_used_idx(struct ivnet *in)
{
	return le16_to_cpu(READ_ONCE(*in->peer.used_idx));
}

/*
 * With the queue stopped: ask the peer to kick us on its next completion.
 * True if completions came in meanwhile, which no kick will announce.
 */
static bool ivnet_tx_want_kick(struct ivnet *in)
{
	WRITE_ONCE(*in->own.used_event, cpu_to_le16(in->tx_used));
	virt_mb();	/* used_event out before used.idx is read */
	return ivnet_peer_used_idx(in) != in->tx_used;
}

/* Kick the peer if the frames posted since the last check ask for it. */
static void ivnet_tx_kick(struct ivnet *in)
{
	u16 old = in->tx_kicked, new = in->tx_avail;
	u16 event;

	if (old == new)
		return;
	in->tx_kicked = new;
	virt_mb();	/* avail.idx out before avail_event is read */
	event = le16_to_cpu(READ_ONCE(*in->peer.avail_event));
	if (ivshmem_net_need_event(event, new, old)) {
		ivnet_kick(in);
		in->stats.tx_notify++;
	}
}

static netdev_tx_t ivnet_start_xmit(struct sk_buff *skb,
				    struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);
	u32 len = skb->len, size, slot;
	struct ivnet_desc *desc;
	long offset;

	if (unlikely(!READ_ONCE(in->running) || in->tx_broken ||
		     len < ETH_HLEN))
		goto drop;
	size = ivnet_slot_size(len);
	offset = ivnet_tx_fit(in, in->tx_head, in->tx_tail,
			      ivnet_tx_in_flight(in) != 0, size);
	/* the queue stops before either runs out: see ivnet_tx_room() */
	if (unlikely(offset < 0 || ivnet_tx_in_flight(in) >= in->qlen))
		goto drop;

	slot = in->tx_avail & in->qmask;
	skb_copy_and_csum_dev(skb, in->own.base + in->hdr + offset);
	desc = &in->own.desc[slot];
	desc->addr = cpu_to_le64(in->hdr + offset);
	desc->len = cpu_to_le32(len);
	desc->flags = 0;
	desc->next = 0;
	in->own.avail_ring[slot] = cpu_to_le16(slot);
	in->tx_end[slot] = offset + size;
	in->tx_head = offset + size;
	in->tx_avail++;
	virt_wmb();	/* the frame and its descriptor before avail.idx */
	WRITE_ONCE(*in->own.avail_idx, cpu_to_le16(in->tx_avail));

	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += len;
	in->stats.tx_packets++;
	skb_tx_timestamp(skb);

	if (!ivnet_tx_room(in)) {
		netif_stop_queue(ndev);
		in->stats.tx_pause++;
		if (ivnet_tx_want_kick(in))
			napi_schedule(&in->napi);
	}
	if (!netdev_xmit_more() || netif_queue_stopped(ndev))
		ivnet_tx_kick(in);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;

drop:
	ndev->stats.tx_dropped++;
	in->stats.tx_dropped++;
	if (READ_ONCE(in->running) && !netdev_xmit_more())
		ivnet_tx_kick(in);	/* for frames an xmit_more held back */
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static void ivnet_tx_bad(struct ivnet *in, const char *what, u32 value,
			 u32 expected)
{
	in->tx_broken = true;
	in->stats.tx_bad_completion++;
	if (net_ratelimit())
		netdev_err(in->ndev,
			   "bad tx completion from the peer: %s %u, expected %u; transmit stopped until the link restarts\n",
			   what, value, expected);
}

/* Take back the frames the peer has consumed; under the queue's lock. */
static void ivnet_tx_complete(struct ivnet *in)
{
	u16 used, done, busy, i;
	u32 slot, id, len;

	if (in->tx_broken)
		return;
	used = ivnet_peer_used_idx(in);
	virt_rmb();	/* the used ring after used.idx */
	done = used - in->tx_used;
	busy = ivnet_tx_in_flight(in);
	if (done > busy) {
		ivnet_tx_bad(in, "used index", used,
			     (u16)(in->tx_used + busy));
		return;
	}
	for (i = 0; i < done; i++) {
		slot = in->tx_used & in->qmask;
		id = le32_to_cpu(READ_ONCE(in->peer.used_ring[slot].id));
		len = le32_to_cpu(READ_ONCE(in->peer.used_ring[slot].len));
		if (id != slot) {
			ivnet_tx_bad(in, "descriptor", id, slot);
			return;
		}
		if (len != 1) {
			ivnet_tx_bad(in, "used length", len, 1);
			return;
		}
		in->tx_tail = in->tx_end[slot];
		in->tx_used++;
	}
	if (in->tx_used == in->tx_avail) {
		in->tx_head = 0;
		in->tx_tail = 0;
	}

	if (!netif_queue_stopped(in->ndev) || !READ_ONCE(in->running))
		return;
	if (ivnet_tx_room(in)) {
		netif_wake_queue(in->ndev);
		in->stats.tx_wake++;
	} else if (ivnet_tx_want_kick(in)) {
		/* poll again: the peer went past used_event meanwhile */
		napi_schedule(&in->napi);
	}
}

/* ---- receive ---- */

/* A bad entry from the peer: receive stops; true: log it. */
static bool ivnet_rx_bad(struct ivnet *in)
{
	in->rx_broken = true;
	in->stats.rx_bad_descriptor++;
	in->ndev->stats.rx_errors++;
	return net_ratelimit();
}

static void ivnet_rx_frame(struct ivnet *in, const void *frame, u32 len)
{
	struct net_device *ndev = in->ndev;
	struct sk_buff *skb;

	if (len < ETH_HLEN || len > IVNET_MAX_RX_FRAME) {
		ndev->stats.rx_length_errors++;
		ndev->stats.rx_errors++;
		return;
	}
	skb = napi_alloc_skb(&in->napi, len);
	if (!skb) {
		ndev->stats.rx_dropped++;
		in->stats.rx_dropped++;
		return;
	}
	memcpy(skb_put(skb, len), frame, len);
	skb->protocol = eth_type_trans(skb, ndev);
	ndev->stats.rx_packets++;
	ndev->stats.rx_bytes += len;
	in->stats.rx_packets++;
	napi_gro_receive(&in->napi, skb);
}

/* The frame of avail entry rx_next, handed back; false: a bad entry. */
static bool ivnet_rx_one(struct ivnet *in)
{
	u32 slot = in->rx_next & in->qmask;
	const struct ivnet_desc *desc;
	struct ivnet_used_elem *used;
	u16 id, flags;
	u64 addr;
	u32 len;

	id = le16_to_cpu(READ_ONCE(in->peer.avail_ring[slot]));
	if (id >= in->qlen) {
		if (ivnet_rx_bad(in))
			netdev_err(in->ndev,
				   "bad rx descriptor: index %u in avail entry %u of %u; receive stopped until the link restarts\n",
				   id, slot, in->qlen);
		return false;
	}
	desc = &in->peer.desc[id];
	addr = le64_to_cpu(READ_ONCE(desc->addr));
	len = le32_to_cpu(READ_ONCE(desc->len));
	flags = le16_to_cpu(READ_ONCE(desc->flags));
	if (flags || addr < in->hdr || addr >= in->section_size ||
	    len > in->section_size - addr) {
		if (ivnet_rx_bad(in))
			netdev_err(in->ndev,
				   "bad rx descriptor %u: flags 0x%x, %u bytes at 0x%llx (section 0x%x, data from 0x%x); receive stopped until the link restarts\n",
				   id, flags, len, addr, in->section_size,
				   in->hdr);
		return false;
	}

	ivnet_rx_frame(in, in->peer.base + addr, len);

	used = &in->own.used_ring[slot];
	used->id = cpu_to_le32(id);
	used->len = cpu_to_le32(1);
	in->rx_next++;
	virt_wmb();	/* the used entry before used.idx */
	WRITE_ONCE(*in->own.used_idx, cpu_to_le16(in->rx_next));
	return true;
}

static u16 ivnet_peer_avail_idx(struct ivnet *in)
{
	return le16_to_cpu(READ_ONCE(*in->peer.avail_idx));
}

static int ivnet_rx(struct ivnet *in, int budget)
{
	u16 avail, pending, old, event;
	int done = 0;

	if (in->rx_broken || budget <= 0)
		return 0;
	avail = ivnet_peer_avail_idx(in);
	virt_rmb();	/* the avail ring and descriptors after avail.idx */
	pending = avail - in->rx_next;
	if (pending > in->qlen) {
		if (ivnet_rx_bad(in))
			netdev_err(in->ndev,
				   "bad rx avail index %u: %u entries past %u in a ring of %u; receive stopped until the link restarts\n",
				   avail, pending, in->rx_next, in->qlen);
		return 0;
	}
	while (done < budget && pending) {
		if (!ivnet_rx_one(in))
			break;
		pending--;
		done++;
	}

	old = in->rx_kicked;
	if (old != in->rx_next) {
		in->rx_kicked = in->rx_next;
		virt_mb();	/* used.idx out before used_event is read */
		event = le16_to_cpu(READ_ONCE(*in->peer.used_event));
		if (ivshmem_net_need_event(event, in->rx_next, old)) {
			ivnet_kick(in);
			in->stats.rx_notify++;
		}
	}
	return done;
}

static int ivnet_poll(struct napi_struct *napi, int budget)
{
	struct ivnet *in = container_of(napi, struct ivnet, napi);
	struct netdev_queue *txq = netdev_get_tx_queue(in->ndev, 0);
	int done;

	in->stats.napi_poll++;
	__netif_tx_lock(txq, raw_smp_processor_id());
	ivnet_tx_complete(in);
	__netif_tx_unlock(txq);

	done = ivnet_rx(in, budget);
	if (done < budget && napi_complete_done(napi, done)) {
		in->stats.napi_complete++;
		if (!in->rx_broken) {
			/* kick us when the next frame is posted */
			WRITE_ONCE(*in->own.avail_event,
				   cpu_to_le16(in->rx_next));
			virt_mb();	/* avail_event out, then avail.idx */
			if (ivnet_peer_avail_idx(in) != in->rx_next)
				napi_schedule(napi);
		}
	}
	return done;
}

/* ---- the state machine ---- */

/* INIT -> READY: our section as new, nothing in flight.  Not running. */
static void ivnet_init_rings(struct ivnet *in)
{
	memset(in->own.base, 0, in->section_size);
	in->tx_avail = 0;
	in->tx_used = 0;
	in->tx_kicked = 0;
	in->tx_head = 0;
	in->tx_tail = 0;
	in->tx_broken = false;
	in->rx_next = 0;
	in->rx_kicked = 0;
	in->rx_broken = false;
}

static void ivnet_run_start(struct ivnet *in)
{
	if (in->running)
		return;
	napi_enable(&in->napi);
	WRITE_ONCE(in->running, true);
	/* softirqs run on local_bh_enable() */
	local_bh_disable();
	netif_wake_queue(in->ndev);
	/* for frames the peer posted before we ran */
	napi_schedule(&in->napi);
	local_bh_enable();
}

static void ivnet_run_stop(struct ivnet *in)
{
	netif_carrier_off(in->ndev);
	if (!in->running)
		return;
	netif_tx_disable(in->ndev);
	WRITE_ONCE(in->running, false);
	napi_disable(&in->napi);
}

static void ivnet_evaluate(struct ivnet *in)
{
	unsigned int step;
	u32 old, peer = 0;

	lockdep_assert_held(&in->state_lock);
	if (in->removing)
		return;

	for (step = 0; step < IVNET_MAX_STEPS; step++) {
		old = in->state;
		peer = ivnet_peer_state(in);
		WRITE_ONCE(in->last_peer_state, peer);
		virt_rmb();	/* the peer's section after its state */

		switch (in->state) {
		case IVSHMEM_NET_STATE_RESET:
			if (peer == IVSHMEM_NET_STATE_RESET ||
			    peer == IVSHMEM_NET_STATE_INIT)
				ivnet_set_state(in, IVSHMEM_NET_STATE_INIT);
			break;
		case IVSHMEM_NET_STATE_INIT:
			if (peer != IVSHMEM_NET_STATE_RESET) {
				ivnet_init_rings(in);
				ivnet_set_state(in, IVSHMEM_NET_STATE_READY);
			}
			break;
		case IVSHMEM_NET_STATE_READY:
		case IVSHMEM_NET_STATE_RUN:
			if (peer == IVSHMEM_NET_STATE_RESET) {
				if (netif_carrier_ok(in->ndev))
					netdev_info(in->ndev, "link down\n");
				in->stats.link_losses++;
				ivnet_run_stop(in);
				ivnet_set_state(in, IVSHMEM_NET_STATE_RESET);
			} else if (in->state == IVSHMEM_NET_STATE_READY &&
				   in->up &&
				   (peer == IVSHMEM_NET_STATE_READY ||
				    peer == IVSHMEM_NET_STATE_RUN)) {
				ivnet_run_start(in);
				ivnet_set_state(in, IVSHMEM_NET_STATE_RUN);
			}
			break;
		}
		if (in->state == old)
			break;
	}

	if (in->state == IVSHMEM_NET_STATE_RUN &&
	    peer == IVSHMEM_NET_STATE_RUN && !netif_carrier_ok(in->ndev)) {
		netif_carrier_on(in->ndev);
		netdev_info(in->ndev, "link up\n");
	}
}

static void ivnet_state_work(struct work_struct *work)
{
	struct ivnet *in = container_of(work, struct ivnet, state_work);

	mutex_lock(&in->state_lock);
	ivnet_evaluate(in);
	mutex_unlock(&in->state_lock);
}

/*
 * INTx, shared: the device has no status register, so every interrupt
 * may be a kick or a state change of the peer.
 */
static irqreturn_t ivnet_interrupt(int irq, void *data)
{
	struct ivnet *in = data;

	in->stats.interrupts++;
	if (ivnet_peer_state(in) != READ_ONCE(in->last_peer_state))
		queue_work(in->wq, &in->state_work);
	/* a no-op unless running */
	napi_schedule(&in->napi);
	return IRQ_HANDLED;
}

/* ---- net_device ---- */

static int ivnet_open(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	mutex_lock(&in->state_lock);
	in->up = true;
	ivnet_evaluate(in);
	mutex_unlock(&in->state_lock);
	return 0;
}

static int ivnet_stop(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	mutex_lock(&in->state_lock);
	in->up = false;
	ivnet_run_stop(in);
	ivnet_set_state(in, IVSHMEM_NET_STATE_RESET);
	/* ready for the peer again, up to READY */
	ivnet_evaluate(in);
	mutex_unlock(&in->state_lock);
	return 0;
}

static int ivnet_change_mtu(struct net_device *ndev, int mtu)
{
	/* the core has checked min_mtu and max_mtu */
	if (netif_running(ndev))
		return -EBUSY;
	WRITE_ONCE(ndev->mtu, mtu);
	return 0;
}

static const struct net_device_ops ivnet_netdev_ops = {
	.ndo_open		= ivnet_open,
	.ndo_stop		= ivnet_stop,
	.ndo_start_xmit		= ivnet_start_xmit,
	.ndo_change_mtu		= ivnet_change_mtu,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

/* ---- ethtool ---- */

static void ivnet_get_drvinfo(struct net_device *ndev,
			      struct ethtool_drvinfo *info)
{
	struct ivnet *in = netdev_priv(ndev);

	strscpy(info->driver, DRV_NAME, sizeof(info->driver));
#ifdef JAILHOUSE_VERSION
	strscpy(info->version, JAILHOUSE_VERSION, sizeof(info->version));
#endif
	strscpy(info->bus_info, pci_name(in->pdev), sizeof(info->bus_info));
}

static int ivnet_get_sset_count(struct net_device *ndev, int sset)
{
	return sset == ETH_SS_STATS ? IVNET_NUM_STATS : -EOPNOTSUPP;
}

static void ivnet_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	if (sset == ETH_SS_STATS)
		memcpy(data, ivnet_stat_names, sizeof(ivnet_stat_names));
}

static void ivnet_get_ethtool_stats(struct net_device *ndev,
				    struct ethtool_stats *stats, u64 *data)
{
	struct ivnet *in = netdev_priv(ndev);

	BUILD_BUG_ON(sizeof(in->stats) != IVNET_NUM_STATS * sizeof(u64));
	memcpy(data, &in->stats, sizeof(in->stats));
}

/*
 * ethtool -d, as upstream's driver lays it out: u32 own state, u32 peer
 * state, u32 queue length, then u16 tx avail.idx, tx used.idx, tx
 * avail_event, rx avail.idx, rx used.idx, rx avail_event.
 */
#define IVNET_REGS_LEN		(3 * sizeof(u32) + 6 * sizeof(u16))

static int ivnet_get_regs_len(struct net_device *ndev)
{
	return IVNET_REGS_LEN;
}

static void ivnet_get_regs(struct net_device *ndev, struct ethtool_regs *regs,
			   void *p)
{
	struct ivnet *in = netdev_priv(ndev);
	u32 *words = p;
	u16 *idx = p + 3 * sizeof(u32);

	regs->version = 0;
	words[0] = READ_ONCE(in->state);
	words[1] = READ_ONCE(in->last_peer_state);
	words[2] = in->qlen;
	idx[0] = le16_to_cpu(READ_ONCE(*in->own.avail_idx));
	idx[1] = ivnet_peer_used_idx(in);
	idx[2] = le16_to_cpu(READ_ONCE(*in->peer.avail_event));
	idx[3] = ivnet_peer_avail_idx(in);
	idx[4] = le16_to_cpu(READ_ONCE(*in->own.used_idx));
	idx[5] = le16_to_cpu(READ_ONCE(*in->own.avail_event));
}

static const struct ethtool_ops ivnet_ethtool_ops = {
	.get_drvinfo		= ivnet_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= ivnet_get_sset_count,
	.get_strings		= ivnet_get_strings,
	.get_ethtool_stats	= ivnet_get_ethtool_stats,
	.get_regs_len		= ivnet_get_regs_len,
	.get_regs		= ivnet_get_regs,
};

/* ---- probe and remove ---- */

/*
 * The shared memory as the vendor capability describes it: base of the
 * state table and the section sizes.  One dev_err line for every refusal.
 */
static int ivnet_read_cap(struct pci_dev *pdev, int cap, u64 *base,
			  u32 *state_size, u64 *rw_size, u64 *output_size)
{
	u8 len;

	if (!cap) {
		dev_err(&pdev->dev, "no vendor-specific capability\n");
		return -ENODEV;
	}
	pci_read_config_byte(pdev, cap + IVSHMEM_CAP_LENGTH, &len);
	if (len < IVSHMEM_CAP_SIZE) {
		dev_err(&pdev->dev,
			"vendor capability of %u bytes, at least %u needed\n",
			len, IVSHMEM_CAP_SIZE);
		return -ENODEV;
	}
	pci_read_config_dword(pdev, cap + IVSHMEM_CAP_STATE_SIZE, state_size);
	*rw_size = cap_read64(pdev, cap + IVSHMEM_CAP_RW_SIZE);
	*output_size = cap_read64(pdev, cap + IVSHMEM_CAP_OUTPUT_SIZE);
	/* QEMU-style devices have the memory in BAR2; ours in the cap */
	if (pci_resource_len(pdev, 2))
		*base = pci_resource_start(pdev, 2);
	else
		*base = cap_read64(pdev, cap + IVSHMEM_CAP_ADDRESS);
	return 0;
}

static void *ivnet_map(struct pci_dev *pdev, const char *what, u64 addr,
		       u64 size)
{
	void *p = devm_memremap(&pdev->dev, addr, size, MEMREMAP_WB);

	if (IS_ERR(p)) {
		dev_err(&pdev->dev,
			"cannot map the %s (0x%llx bytes at 0x%llx): %ld\n",
			what, size, addr, PTR_ERR(p));
		return NULL;
	}
	return p;
}

static int ivnet_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct ivshmem_net_geometry geo;
	u64 base, rw_size, output_size, output;
	struct net_device *ndev;
	void __iomem *regs;
	void *own, *peer;
	struct ivnet *in;
	u32 id, peers, state_size;
	const void *state;
	u32 *tx_end;
	int cap, err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), DRV_NAME);
	if (err)
		return err;
	regs = pcim_iomap_table(pdev)[0];
	writel(0, regs + IVSHMEM_REG_INT_CTRL);

	id = readl(regs + IVSHMEM_REG_ID);
	peers = readl(regs + IVSHMEM_REG_MAX_PEERS);
	if (peers != 2) {
		dev_err(&pdev->dev,
			"%u peers: ivshmem-net links exactly 2 (shmem_peers in the cell config)\n",
			peers);
		return -ENODEV;
	}
	if (id > 1) {
		dev_err(&pdev->dev,
			"ID %u: ivshmem-net peers are 0 and 1 (shmem_dev_id in the cell config)\n",
			id);
		return -ENODEV;
	}

	cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	err = ivnet_read_cap(pdev, cap, &base, &state_size, &rw_size,
			     &output_size);
	if (err)
		return err;
	if (!base) {
		dev_err(&pdev->dev,
			"no shared memory: its address is 0 in the vendor capability\n");
		return -EINVAL;
	}
	if (state_size < 2 * sizeof(u32)) {
		dev_err(&pdev->dev,
			"state table of 0x%x bytes, at least 0x%zx needed for 2 peers\n",
			state_size, 2 * sizeof(u32));
		return -EINVAL;
	}
	if (!output_size) {
		dev_err(&pdev->dev,
			"no output sections: their size is 0 (shmem regions in the cell config)\n");
		return -EINVAL;
	}
	if (output_size > U32_MAX) {
		dev_err(&pdev->dev,
			"output section of 0x%llx bytes is too large for ivshmem-net: at most 0x%x bytes\n",
			output_size, U32_MAX);
		return -EINVAL;
	}
	if (ivshmem_net_geometry(output_size, &geo)) {
		dev_err(&pdev->dev,
			"output section of 0x%llx bytes is too small for ivshmem-net: at least 0x%llx bytes needed (shmem regions in the cell config)\n",
			output_size, ivshmem_net_min_section_size());
		return -EINVAL;
	}
	if (!pdev->irq) {
		dev_err(&pdev->dev,
			"no INTx interrupt (interrupt pin %u): ivshmem-net needs one, MSI-X is not supported\n",
			pdev->pin);
		return -ENODEV;
	}
	if (rw_size)
		dev_dbg(&pdev->dev,
			"R/W section of 0x%llx bytes: not used by ivshmem-net\n",
			rw_size);

	state = ivnet_map(pdev, "state table", base, state_size);
	output = base + state_size + rw_size;
	own = ivnet_map(pdev, "own output section", output + id * output_size,
			output_size);
	peer = ivnet_map(pdev, "peer's output section",
			 output + (1 - id) * output_size, output_size);
	if (!state || !own || !peer)
		return -ENOMEM;
	tx_end = devm_kcalloc(&pdev->dev, geo.num_desc, sizeof(*tx_end),
			      GFP_KERNEL);
	if (!tx_end)
		return -ENOMEM;

	ndev = alloc_etherdev(sizeof(*in));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	pci_set_drvdata(pdev, ndev);

	in = netdev_priv(ndev);
	in->ndev = ndev;
	in->pdev = pdev;
	in->regs = regs;
	in->state_table = state;
	in->id = id;
	in->peer_id = 1 - id;
	in->section_size = output_size;
	in->qlen = geo.num_desc;
	in->qmask = geo.num_desc - 1;
	in->hdr = geo.header_size;
	in->data_size = geo.data_size;
	ivnet_section_init(&in->own, own, &geo);
	ivnet_section_init(&in->peer, peer, &geo);
	in->tx_end = tx_end;
	in->state = IVSHMEM_NET_STATE_RESET;
	in->last_peer_state = ~0U;
	mutex_init(&in->state_lock);
	INIT_WORK(&in->state_work, ivnet_state_work);
	snprintf(in->irq_name, sizeof(in->irq_name), DRV_NAME "[%s]",
		 pci_name(pdev));

	in->wq = alloc_ordered_workqueue("ivnet-%s", 0, pci_name(pdev));
	if (!in->wq) {
		err = -ENOMEM;
		goto err_free;
	}

	ndev->netdev_ops = &ivnet_netdev_ops;
	ndev->ethtool_ops = &ivnet_ethtool_ops;
	ndev->hw_features = NETIF_F_HW_CSUM | NETIF_F_SG;
	ndev->features = ndev->hw_features;
	ndev->min_mtu = IVSHMEM_NET_MIN_MTU;
	ndev->max_mtu = ivshmem_net_max_mtu(&geo);
	ndev->mtu = ivshmem_net_default_mtu(&geo);
	eth_hw_addr_random(ndev);
	netif_carrier_off(ndev);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 1, 0)
	netif_napi_add(ndev, &in->napi, ivnet_poll);
#else
	netif_napi_add(ndev, &in->napi, ivnet_poll, NAPI_POLL_WEIGHT);
#endif

	/* one-shot mode off: interrupts stay enabled after each delivery */
	pci_write_config_byte(pdev, cap + 3, 0);
	pci_intx(pdev, 1);
	err = request_irq(pdev->irq, ivnet_interrupt, IRQF_SHARED,
			  in->irq_name, in);
	if (err) {
		dev_err(&pdev->dev, "cannot request interrupt %u: %d\n",
			pdev->irq, err);
		goto err_napi;
	}

	/* start from RESET, then see where the peer is */
	mutex_lock(&in->state_lock);
	ivnet_set_state(in, IVSHMEM_NET_STATE_RESET);
	writel(1, regs + IVSHMEM_REG_INT_CTRL);
	ivnet_evaluate(in);
	mutex_unlock(&in->state_lock);

	err = register_netdev(ndev);
	if (err) {
		dev_err(&pdev->dev, "cannot register the net device: %d\n",
			err);
		goto err_irq;
	}

	netdev_info(ndev,
		    "ID %u, %u descriptors, 0x%x-byte output sections (0x%x data), MTU %u (max %u), %s\n",
		    id, in->qlen, in->section_size, in->data_size, ndev->mtu,
		    ndev->max_mtu, in->irq_name);
	return 0;

err_irq:
	mutex_lock(&in->state_lock);
	in->removing = true;
	ivnet_set_state(in, IVSHMEM_NET_STATE_RESET);
	mutex_unlock(&in->state_lock);
	writel(0, regs + IVSHMEM_REG_INT_CTRL);
	free_irq(pdev->irq, in);
err_napi:
	netif_napi_del(&in->napi);
	destroy_workqueue(in->wq);
err_free:
	free_netdev(ndev);
	return err;
}

static void ivnet_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);
	struct ivnet *in = netdev_priv(ndev);

	/* the state machine stops where it is; ndo_stop still runs */
	mutex_lock(&in->state_lock);
	in->removing = true;
	mutex_unlock(&in->state_lock);
	cancel_work_sync(&in->state_work);

	unregister_netdev(ndev);

	mutex_lock(&in->state_lock);
	ivnet_set_state(in, IVSHMEM_NET_STATE_RESET);
	mutex_unlock(&in->state_lock);
	writel(0, in->regs + IVSHMEM_REG_INT_CTRL);
	free_irq(pdev->irq, in);
	destroy_workqueue(in->wq);
	netif_napi_del(&in->napi);
	free_netdev(ndev);
}

static const struct pci_device_id ivnet_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
	  .class = IVSHMEM_NET_PCI_CLASS, .class_mask = 0xffffff },
	{ }
};
MODULE_DEVICE_TABLE(pci, ivnet_ids);

static struct pci_driver ivnet_driver = {
	.name = DRV_NAME,
	.id_table = ivnet_ids,
	.probe = ivnet_probe,
	.remove = ivnet_remove,
};
module_pci_driver(ivnet_driver);

MODULE_DESCRIPTION("Virtual Ethernet over IVSHMEM v2 (ivshmem-net)");
MODULE_LICENSE("GPL");
