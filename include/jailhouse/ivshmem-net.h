/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem-net ("VETH", IVSHMEM v2 protocol 0x0001): what both peers of a
 * virtual Ethernet link must compute the same way, bit for bit, to talk
 * to each other (and to upstream Jailhouse's Linux driver and Zephyr's
 * eth_ivshmem).  Used by driver/ivshmem-net.c and by host tools that
 * check cell configurations; include <jailhouse/types.h> (user space) or
 * <linux/types.h> (kernel) first.
 *
 * Each peer's output section (size L) holds one legacy virtio ring of n
 * descriptors with event-index words, followed by the frame data area:
 *
 *   0                 n descriptors {u64 addr, u32 len, u16 flags, u16 next}
 *   avail_offset      u16 flags, u16 idx, u16 ring[n], u16 used_event
 *   used_offset       u16 flags, u16 idx, {u32 id, u32 len} ring[n],
 *                     u16 avail_event      (64-byte aligned)
 *   header_size       frame data, up to L  (64-byte aligned)
 *
 * n is the largest power of two from 4096 down to 64 whose header is less
 * than L / 8.  If none is, n is 32 but the header keeps the size computed
 * for n = 64 (0x700 bytes): both existing implementations do this, so it
 * is part of the wire format.  A section is unusable if the header does
 * not fit or leaves less than 4 minimum-MTU frames (4 * 68 bytes) of data.
 */
#ifndef _JAILHOUSE_IVSHMEM_NET_H
#define _JAILHOUSE_IVSHMEM_NET_H

#define IVSHMEM_NET_PROTOCOL		0x0001
/* PCI class code: base class 0xff, protocol as sub-class and interface */
#define IVSHMEM_NET_PCI_CLASS		(0xff0000 | IVSHMEM_NET_PROTOCOL)

/* written to the State register, read from the state table */
#define IVSHMEM_NET_STATE_RESET		0
#define IVSHMEM_NET_STATE_INIT		1
#define IVSHMEM_NET_STATE_READY		2
#define IVSHMEM_NET_STATE_RUN		3

#define IVSHMEM_NET_ALIGN		64
#define IVSHMEM_NET_MAX_DESC		4096
#define IVSHMEM_NET_MIN_DESC		32
#define IVSHMEM_NET_DESC_SIZE		16
#define IVSHMEM_NET_USED_ELEM_SIZE	8

/* MTU (L3 payload, as Linux counts it) */
#define IVSHMEM_NET_MIN_MTU		68
#define IVSHMEM_NET_DEFAULT_MTU_LIMIT	16384
#define IVSHMEM_NET_MAX_MTU_LIMIT	65535

/* the data area must hold at least this many minimum-MTU frames */
#define IVSHMEM_NET_MIN_FRAMES		4

struct ivshmem_net_geometry {
	__u64 section_size;		/* L */
	__u32 num_desc;			/* n */
	__u64 avail_offset;		/* avail.flags; idx at +2, ring at +4 */
	__u64 used_event_offset;	/* after avail.ring[n] */
	__u64 used_offset;		/* used.flags; idx at +2, ring at +4 */
	__u64 avail_event_offset;	/* after used.ring[n] */
	__u64 header_size;		/* where the data area starts */
	__u64 data_size;		/* L - header_size (0: does not fit) */
};

static inline __u64 ivshmem_net_align(__u64 value)
{
	return (value + IVSHMEM_NET_ALIGN - 1) &
		~(__u64)(IVSHMEM_NET_ALIGN - 1);
}

/* The legacy virtio ring size with event-index words, for n entries. */
static inline __u64 ivshmem_net_vring_size(__u32 n)
{
	return ivshmem_net_align(IVSHMEM_NET_DESC_SIZE * (__u64)n +
				 2 * (3 + (__u64)n)) +
		2 * 3 + IVSHMEM_NET_USED_ELEM_SIZE * (__u64)n;
}

static inline __u64 ivshmem_net_header_size(__u32 n)
{
	return ivshmem_net_align(ivshmem_net_vring_size(n));
}

/*
 * The geometry of an output section of @section_size bytes, in @geo.
 * Returns 0 if the section is usable, -1 if not (@geo is filled in
 * either way).
 */
static inline int ivshmem_net_geometry(__u64 section_size,
				       struct ivshmem_net_geometry *geo)
{
	__u64 header = 0;
	__u32 n;

	for (n = IVSHMEM_NET_MAX_DESC; n > IVSHMEM_NET_MIN_DESC; n >>= 1) {
		header = ivshmem_net_header_size(n);
		if (header < section_size / 8)
			break;
	}
	/* falling out of the loop: n = 32, header still that of n = 64 */

	geo->section_size = section_size;
	geo->num_desc = n;
	geo->avail_offset = IVSHMEM_NET_DESC_SIZE * (__u64)n;
	geo->used_event_offset = geo->avail_offset + 4 + 2 * (__u64)n;
	geo->used_offset = ivshmem_net_align(geo->used_event_offset + 2);
	geo->avail_event_offset = geo->used_offset + 4 +
		IVSHMEM_NET_USED_ELEM_SIZE * (__u64)n;
	geo->header_size = header;
	geo->data_size = header <= section_size ? section_size - header : 0;

	if (header > section_size ||
	    geo->data_size < IVSHMEM_NET_MIN_FRAMES * IVSHMEM_NET_MIN_MTU)
		return -1;
	return 0;
}

/*
 * The smallest usable output section: below 8 times the header of n = 64
 * every section gets n = 32 with that header, and no header is smaller.
 */
static inline __u64 ivshmem_net_min_section_size(void)
{
	return ivshmem_net_header_size(2 * IVSHMEM_NET_MIN_DESC) +
		IVSHMEM_NET_MIN_FRAMES * IVSHMEM_NET_MIN_MTU;
}

/*
 * Default MTU min(16384, data / 16), but never below the minimum MTU
 * (only sections of less than 16 * 68 data bytes get that far).
 */
static inline __u32
ivshmem_net_default_mtu(const struct ivshmem_net_geometry *geo)
{
	__u64 mtu = geo->data_size / 16;

	if (mtu > IVSHMEM_NET_DEFAULT_MTU_LIMIT)
		mtu = IVSHMEM_NET_DEFAULT_MTU_LIMIT;
	if (mtu < IVSHMEM_NET_MIN_MTU)
		mtu = IVSHMEM_NET_MIN_MTU;
	return (__u32)mtu;
}

/* Maximum MTU min(65535, data / 4); at least 68 in a usable section. */
static inline __u32
ivshmem_net_max_mtu(const struct ivshmem_net_geometry *geo)
{
	__u64 mtu = geo->data_size / 4;

	if (mtu > IVSHMEM_NET_MAX_MTU_LIMIT)
		mtu = IVSHMEM_NET_MAX_MTU_LIMIT;
	return (__u32)mtu;
}

/*
 * virtio's event-index test: moving an index from @old_idx to @new_idx
 * passes the event index @event the other side published, so kick it.
 */
static inline int ivshmem_net_need_event(__u16 event, __u16 new_idx,
					 __u16 old_idx)
{
	return (__u16)(new_idx - event - 1) < (__u16)(new_idx - old_idx);
}

#endif /* !_JAILHOUSE_IVSHMEM_NET_H */
