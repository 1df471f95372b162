/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel APIs driver/ivshmem-net.c uses, in user space, so that the
 * real driver source runs in a host unit test (test_ivshmem_net_driver.c).
 * Every <linux/...> header the driver includes is a one-line file in
 * fake/kernel/linux/ that includes this one.
 *
 * The model is single-threaded: nothing runs unless the test runs it.
 * Interrupts, work items and NAPI polls are queued here and run by the
 * test's scheduler, one cell at a time.  What the kernel would catch
 * (a mutex taken twice, NAPI enabled twice, an skb written past its end,
 * NAPI left scheduled after a short poll) fails the test case through
 * fake_kernel_bug().  Memory comes from malloc, so the sanitizers see
 * every out-of-bounds access and leak.
 *
 * The PCI and register functions that need the fake hypervisor (readl,
 * writel, request_irq, free_irq, devm_memremap) are defined by the test;
 * the rest is in fake-kernel.c.
 */
#ifndef _FAKE_KERNEL_H
#define _FAKE_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

/* ---- types, byte order, barriers ---- */

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
/* the host is little-endian, like the arm64 kernels the driver runs on */
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;

#define __iomem
#define le16_to_cpu(x)		((u16)(x))
#define le32_to_cpu(x)		((u32)(x))
#define le64_to_cpu(x)		((u64)(x))
#define cpu_to_le16(x)		((u16)(x))
#define cpu_to_le32(x)		((u32)(x))
#define cpu_to_le64(x)		((u64)(x))

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))
#define virt_mb()		__sync_synchronize()
#define virt_rmb()		__sync_synchronize()
#define virt_wmb()		__sync_synchronize()

#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & \
				 ~((__typeof__(x))(a) - 1))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define BIT(n)			(1UL << (n))
#define U32_MAX			0xffffffffU
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define MAX_ERRNO		4095
#define IS_ERR(ptr)		((unsigned long)(ptr) >= \
				 (unsigned long)-MAX_ERRNO)
#define PTR_ERR(ptr)		((long)(ptr))
#define ERR_PTR(err)		((void *)(long)(err))

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + (c))
#define LINUX_VERSION_CODE	KERNEL_VERSION(6, 1, 0)

#define GFP_KERNEL		0
#define SMP_CACHE_BYTES		64

static inline ssize_t strscpy(char *dest, const char *src, size_t size)
{
	size_t n;

	if (!size)
		return -E2BIG;
	for (n = 0; n + 1 < size && src[n]; n++)
		dest[n] = src[n];
	dest[n] = 0;
	return src[n] ? -E2BIG : (ssize_t)n;
}

/* ---- failures, logging ---- */

/* Something the kernel would catch: fails the running test case. */
void fake_kernel_bug(const char *what, const char *file, int line);
#define FAKE_BUG_ON(cond) \
	do { \
		if (cond) \
			fake_kernel_bug(#cond, __FILE__, __LINE__); \
	} while (0)

enum fake_log_level { FAKE_LOG_DEBUG, FAKE_LOG_INFO, FAKE_LOG_ERR };

/* What the driver logged; the test looks at the errors. */
struct fake_log {
	unsigned int errors;
	char last_error[512];
};
extern struct fake_log fake_log;

void fake_printk(enum fake_log_level level, const char *who,
		 const char *fmt, ...) __attribute__((format(printf, 3, 4)));

struct device;
struct net_device;
const char *fake_dev_name(const struct device *dev);

#define dev_err(dev, ...) \
	fake_printk(FAKE_LOG_ERR, fake_dev_name(dev), __VA_ARGS__)
#define dev_info(dev, ...) \
	fake_printk(FAKE_LOG_INFO, fake_dev_name(dev), __VA_ARGS__)
#define dev_dbg(dev, ...) \
	fake_printk(FAKE_LOG_DEBUG, fake_dev_name(dev), __VA_ARGS__)
#define netdev_err(ndev, ...) \
	fake_printk(FAKE_LOG_ERR, (ndev)->name, __VA_ARGS__)
#define netdev_info(ndev, ...) \
	fake_printk(FAKE_LOG_INFO, (ndev)->name, __VA_ARGS__)
#define netdev_dbg(ndev, ...) \
	fake_printk(FAKE_LOG_DEBUG, (ndev)->name, __VA_ARGS__)
/* never limits: a driver that logs once must do so by itself */
#define net_ratelimit()		1

/* ---- module ---- */

#define MODULE_DESCRIPTION(text)
#define MODULE_LICENSE(text)

struct pci_driver;
struct pci_device_id;

/* the driver and its ID table, as the module registers them */
const struct pci_device_id *fake_module_id_table(void);
struct pci_driver *fake_module_pci_driver(void);

#define MODULE_DEVICE_TABLE(type, table) \
	const struct pci_device_id *fake_module_id_table(void) \
	{ \
		return table; \
	}
#define module_pci_driver(driver) \
	struct pci_driver *fake_module_pci_driver(void) \
	{ \
		return &driver; \
	}

/* ---- locks, bottom halves ---- */

struct mutex {
	bool held;
};

#define mutex_init(lock)	((lock)->held = false)
#define mutex_lock(lock) \
	do { \
		FAKE_BUG_ON((lock)->held); \
		(lock)->held = true; \
	} while (0)
#define mutex_unlock(lock) \
	do { \
		FAKE_BUG_ON(!(lock)->held); \
		(lock)->held = false; \
	} while (0)
#define lockdep_assert_held(lock)	FAKE_BUG_ON(!(lock)->held)

#define local_bh_disable()	do { } while (0)
#define local_bh_enable()	do { } while (0)
#define raw_smp_processor_id()	0

/* ---- devices, managed resources ---- */

struct devres;

struct device {
	const char *name;
	struct devres *devres;	/* devm_ allocations, newest first */
};

/* The driver core after remove() or a failed probe(). */
void devres_release_all(struct device *dev);

void *devm_kcalloc(struct device *dev, size_t n, size_t size, int gfp);

#define MEMREMAP_WB		1
void *devm_memremap(struct device *dev, u64 offset, size_t size,
		    unsigned long flags);

/* ---- PCI ---- */

#define PCI_CAP_ID_VNDR		0x09

struct pci_device_id {
	u32 vendor, device;
	u32 class, class_mask;
};
#define PCI_DEVICE(vend, dev)	.vendor = (vend), .device = (dev)

struct pci_dev {
	struct device dev;
	u16 vendor, device;
	u32 class;
	unsigned int irq;
	u8 pin;
	bool intx;		/* pci_intx(pdev, 1) called */
	u8 config[256];
	u8 vendor_cap;		/* where the vendor capability is, or 0 */
	u64 bar2_start, bar2_len;
	void __iomem *bar0;
	void *drvdata;
	char name[16];
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *pdev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *pdev);
};

static inline int pci_read_config_byte(struct pci_dev *pdev, int pos,
				       u8 *value)
{
	FAKE_BUG_ON(pos < 0 || pos >= 256);
	*value = pdev->config[pos];
	return 0;
}

static inline int pci_read_config_dword(struct pci_dev *pdev, int pos,
					u32 *value)
{
	FAKE_BUG_ON(pos < 0 || pos > 252 || pos % 4);
	memcpy(value, &pdev->config[pos], 4);
	return 0;
}

static inline int pci_write_config_byte(struct pci_dev *pdev, int pos,
					u8 value)
{
	FAKE_BUG_ON(pos < 0 || pos >= 256);
	pdev->config[pos] = value;
	return 0;
}

static inline int pci_find_capability(struct pci_dev *pdev, int cap)
{
	return cap == PCI_CAP_ID_VNDR ? pdev->vendor_cap : 0;
}

static inline u64 pci_resource_start(struct pci_dev *pdev, int bar)
{
	return bar == 2 ? pdev->bar2_start : 0;
}

static inline u64 pci_resource_len(struct pci_dev *pdev, int bar)
{
	return bar == 2 ? pdev->bar2_len : 0;
}

static inline int pcim_enable_device(struct pci_dev *pdev)
{
	return 0;
}

static inline int pcim_iomap_regions(struct pci_dev *pdev, int mask,
				     const char *name)
{
	return mask == BIT(0) ? 0 : -EINVAL;
}

static inline void __iomem *const *pcim_iomap_table(struct pci_dev *pdev)
{
	return &pdev->bar0;
}

static inline void pci_intx(struct pci_dev *pdev, int enable)
{
	pdev->intx = enable;
}

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return pdev->name;
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	pdev->drvdata = data;
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return pdev->drvdata;
}

/* BAR0 accesses go to the test's fake hypervisor */
u32 readl(const void __iomem *addr);
void writel(u32 value, void __iomem *addr);

/* ---- interrupts ---- */

typedef int irqreturn_t;
#define IRQ_NONE		0
#define IRQ_HANDLED		1
#define IRQF_SHARED		0x80

typedef irqreturn_t (*irq_handler_t)(int irq, void *data);
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *data);
void free_irq(unsigned int irq, void *data);

/* ---- work queues ---- */

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
	bool pending;
	struct work_struct *next;	/* in its queue */
	struct workqueue_struct *wq;
};

/* the queue of one device: its work runs when the test says so */
struct workqueue_struct {
	struct device *dev;
	struct work_struct *first;
	struct workqueue_struct *next;	/* all of them */
	char name[32];
};

#define INIT_WORK(work, fn) \
	(*(work) = (struct work_struct){ .func = (fn) })

/* Set while a probe() runs: its work queues belong to that device. */
extern struct device *fake_probing_device;

struct workqueue_struct *alloc_ordered_workqueue(const char *fmt,
						 unsigned int flags, ...)
	__attribute__((format(printf, 1, 3)));
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
void destroy_workqueue(struct workqueue_struct *wq);
/* The oldest work item queued for @dev run; false if there was none. */
bool fake_run_device_work(struct device *dev);
/* The queues of @dev freed without running anything: its cell is gone. */
void fake_reap_workqueues(struct device *dev);
unsigned int fake_workqueue_count(void);

/* ---- socket buffers ---- */

struct sk_buff {
	u8 *data;
	u32 len;
	u32 size;		/* allocated bytes at data */
	u16 protocol;
};

struct sk_buff *fake_alloc_skb(u32 size);
void fake_free_skb(struct sk_buff *skb);
u8 *skb_put(struct sk_buff *skb, u32 len);
u16 eth_type_trans(struct sk_buff *skb, struct net_device *ndev);

/* frames here are linear and their checksums complete */
static inline void skb_copy_and_csum_dev(const struct sk_buff *skb, u8 *to)
{
	memcpy(to, skb->data, skb->len);
}

static inline void skb_tx_timestamp(struct sk_buff *skb)
{
}

#define dev_consume_skb_any(skb)	fake_free_skb(skb)
#define dev_kfree_skb_any(skb)		fake_free_skb(skb)

/* ---- net devices ---- */

#define ETH_ALEN		6
#define ETH_HLEN		14
#define VLAN_HLEN		4
#define ETH_GSTRING_LEN		32
#define ETH_SS_STATS		1
#define NAPI_POLL_WEIGHT	64

typedef int netdev_tx_t;
#define NETDEV_TX_OK		0

#define NETIF_F_SG		BIT(0)
#define NETIF_F_HW_CSUM		BIT(1)

struct net_device_stats {
	unsigned long rx_packets, tx_packets, rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors, rx_dropped, tx_dropped;
	unsigned long rx_length_errors;
};

struct napi_struct {
	struct net_device *dev;
	int (*poll)(struct napi_struct *napi, int budget);
	bool enabled;
	bool scheduled;		/* NAPI_STATE_SCHED */
	bool missed;		/* NAPI_STATE_MISSED */
	bool in_poll;
	bool complete_called;	/* napi_complete_done() in this poll */
};

struct netdev_queue {
	bool stopped;
};

struct net_device_ops {
	int (*ndo_open)(struct net_device *ndev);
	int (*ndo_stop)(struct net_device *ndev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb,
				      struct net_device *ndev);
	int (*ndo_change_mtu)(struct net_device *ndev, int mtu);
	int (*ndo_set_mac_address)(struct net_device *ndev, void *addr);
	int (*ndo_validate_addr)(struct net_device *ndev);
};

struct ethtool_drvinfo {
	char driver[32];
	char version[32];
	char bus_info[32];
};

struct ethtool_stats {
	u32 n_stats;
};

struct ethtool_regs {
	u32 version;
	u32 len;
};

struct ethtool_ops {
	void (*get_drvinfo)(struct net_device *ndev,
			    struct ethtool_drvinfo *info);
	u32 (*get_link)(struct net_device *ndev);
	int (*get_sset_count)(struct net_device *ndev, int sset);
	void (*get_strings)(struct net_device *ndev, u32 sset, u8 *data);
	void (*get_ethtool_stats)(struct net_device *ndev,
				  struct ethtool_stats *stats, u64 *data);
	int (*get_regs_len)(struct net_device *ndev);
	void (*get_regs)(struct net_device *ndev, struct ethtool_regs *regs,
			 void *data);
};

struct net_device {
	char name[16];
	struct device *parent;
	struct net_device_stats stats;
	unsigned int mtu, min_mtu, max_mtu;
	unsigned long features, hw_features;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	u8 dev_addr[ETH_ALEN];
	bool registered;
	bool running;		/* __LINK_STATE_START: open to stop */
	bool carrier;
	struct netdev_queue txq;
	struct napi_struct *napi;
	/* netdev_priv(), aligned like the kernel's */
	unsigned long priv[] __attribute__((aligned(32)));
};

static inline void *netdev_priv(const struct net_device *ndev)
{
	return (void *)ndev->priv;
}

struct net_device *alloc_etherdev(size_t priv_size);
void free_netdev(struct net_device *ndev);
int register_netdev(struct net_device *ndev);
void unregister_netdev(struct net_device *ndev);

#define SET_NETDEV_DEV(ndev, pdev)	((ndev)->parent = (pdev))

void eth_hw_addr_random(struct net_device *ndev);

static inline int eth_mac_addr(struct net_device *ndev, void *addr)
{
	return 0;
}

static inline int eth_validate_addr(struct net_device *ndev)
{
	return 0;
}

static inline void netif_carrier_on(struct net_device *ndev)
{
	ndev->carrier = true;
}

static inline void netif_carrier_off(struct net_device *ndev)
{
	ndev->carrier = false;
}

static inline bool netif_carrier_ok(const struct net_device *ndev)
{
	return ndev->carrier;
}

static inline u32 ethtool_op_get_link(struct net_device *ndev)
{
	return ndev->carrier;
}

static inline bool netif_running(const struct net_device *ndev)
{
	return ndev->running;
}

static inline void netif_stop_queue(struct net_device *ndev)
{
	ndev->txq.stopped = true;
}

static inline void netif_wake_queue(struct net_device *ndev)
{
	ndev->txq.stopped = false;
}

static inline bool netif_queue_stopped(const struct net_device *ndev)
{
	return ndev->txq.stopped;
}

static inline void netif_tx_disable(struct net_device *ndev)
{
	ndev->txq.stopped = true;
}

static inline struct netdev_queue *netdev_get_tx_queue(struct net_device *ndev,
						       unsigned int index)
{
	return &ndev->txq;
}

static inline void __netif_tx_lock(struct netdev_queue *txq, int cpu)
{
}

static inline void __netif_tx_unlock(struct netdev_queue *txq)
{
}

/* set by the test's stack while it hands the driver a burst of frames */
extern bool fake_xmit_more;

static inline bool netdev_xmit_more(void)
{
	return fake_xmit_more;
}

/* ---- NAPI ---- */

void netif_napi_add(struct net_device *ndev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *napi, int budget));
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *napi);
void napi_disable(struct napi_struct *napi);
void napi_schedule(struct napi_struct *napi);
bool napi_complete_done(struct napi_struct *napi, int work_done);
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int len);
void napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
/* One softirq pass: poll @napi if it is scheduled; false if not. */
bool fake_napi_run(struct napi_struct *napi);

/* the test's network stack: a frame the driver received (freed after) */
void fake_netif_receive(struct net_device *ndev, const struct sk_buff *skb);

#endif /* !_FAKE_KERNEL_H */
