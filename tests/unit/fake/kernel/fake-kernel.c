// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel services of fake-kernel.h that do not depend on the device:
 * logging, managed allocations, work queues, socket buffers, net devices
 * and NAPI.  A misuse the kernel would catch (or hang on) fails the test
 * case through fake_kernel_bug().
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#include "fake-kernel.h"

struct fake_log fake_log;
struct device *fake_probing_device;
static struct workqueue_struct *workqueues;
bool fake_xmit_more;

void fake_kernel_bug(const char *what, const char *file, int line)
{
	fail_msg("%s:%d: kernel bug: %s", file, line, what);
}

void fake_printk(enum fake_log_level level, const char *who,
		 const char *fmt, ...)
{
	static const char *const prefix[] = { "dbg", "info", "err" };
	char line[sizeof(fake_log.last_error)];
	va_list args;

	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (level == FAKE_LOG_ERR) {
		fake_log.errors++;
		memcpy(fake_log.last_error, line, sizeof(line));
	}
	if (getenv("IVNET_TEST_VERBOSE"))
		printf("  [%s %s] %s", who ? who : "?", prefix[level], line);
}

const char *fake_dev_name(const struct device *dev)
{
	return dev->name;
}

/* ---- managed resources ---- */

struct devres {
	struct devres *next;
	max_align_t data[];
};

void *devm_kcalloc(struct device *dev, size_t n, size_t size, int gfp)
{
	struct devres *res;

	FAKE_BUG_ON(size && n > (SIZE_MAX - sizeof(*res)) / size);
	res = calloc(1, sizeof(*res) + n * size);
	if (!res)
		return NULL;
	res->next = dev->devres;
	dev->devres = res;
	return res->data;
}

void devres_release_all(struct device *dev)
{
	struct devres *res;

	while (dev->devres) {
		res = dev->devres;
		dev->devres = res->next;
		free(res);
	}
}

/* ---- work queues ---- */

struct workqueue_struct *alloc_ordered_workqueue(const char *fmt,
						 unsigned int flags, ...)
{
	struct workqueue_struct *wq = calloc(1, sizeof(*wq));
	va_list args;

	if (!wq)
		return NULL;
	FAKE_BUG_ON(!fake_probing_device);
	wq->dev = fake_probing_device;
	va_start(args, flags);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->next = workqueues;
	workqueues = wq;
	return wq;
}

static void unlink_workqueue(struct workqueue_struct *wq)
{
	struct workqueue_struct **link;

	for (link = &workqueues; *link != wq; link = &(*link)->next)
		FAKE_BUG_ON(!*link);
	*link = wq->next;
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	struct work_struct **tail;

	FAKE_BUG_ON(!work->func);
	if (work->pending)
		return false;
	work->pending = true;
	work->wq = wq;
	work->next = NULL;
	for (tail = &wq->first; *tail; tail = &(*tail)->next)
		;
	*tail = work;
	return true;
}

bool cancel_work_sync(struct work_struct *work)
{
	struct work_struct **link;

	if (!work->pending)
		return false;
	for (link = &work->wq->first; *link != work; link = &(*link)->next)
		FAKE_BUG_ON(!*link);
	*link = work->next;
	work->pending = false;
	return true;
}

static bool run_one_work(struct workqueue_struct *wq)
{
	struct work_struct *work = wq->first;

	if (!work)
		return false;
	wq->first = work->next;
	work->pending = false;
	work->func(work);
	return true;
}

bool fake_run_device_work(struct device *dev)
{
	struct workqueue_struct *wq;

	for (wq = workqueues; wq; wq = wq->next)
		if (wq->dev == dev && run_one_work(wq))
			return true;
	return false;
}

/* like the kernel's: drains what is still queued, then frees */
void destroy_workqueue(struct workqueue_struct *wq)
{
	unsigned int n;

	for (n = 0; run_one_work(wq); n++)
		FAKE_BUG_ON(n > 100);
	unlink_workqueue(wq);
	free(wq);
}

void fake_reap_workqueues(struct device *dev)
{
	struct workqueue_struct *wq, *next;

	for (wq = workqueues; wq; wq = next) {
		next = wq->next;
		if (wq->dev == dev) {
			unlink_workqueue(wq);
			free(wq);
		}
	}
}

unsigned int fake_workqueue_count(void)
{
	struct workqueue_struct *wq;
	unsigned int n = 0;

	for (wq = workqueues; wq; wq = wq->next)
		n++;
	return n;
}

/* ---- socket buffers ---- */

struct sk_buff *fake_alloc_skb(u32 size)
{
	struct sk_buff *skb = calloc(1, sizeof(*skb));

	if (!skb)
		return NULL;
	/* exactly @size bytes: the sanitizer sees any write past them */
	skb->data = malloc(size ? size : 1);
	if (!skb->data) {
		free(skb);
		return NULL;
	}
	skb->size = size;
	return skb;
}

void fake_free_skb(struct sk_buff *skb)
{
	free(skb->data);
	free(skb);
}

u8 *skb_put(struct sk_buff *skb, u32 len)
{
	u8 *tail = skb->data + skb->len;

	/* the kernel's skb_over_panic() */
	FAKE_BUG_ON(len > skb->size - skb->len);
	skb->len += len;
	return tail;
}

u16 eth_type_trans(struct sk_buff *skb, struct net_device *ndev)
{
	FAKE_BUG_ON(skb->len < ETH_HLEN);
	return (u16)(skb->data[12] << 8 | skb->data[13]);
}

/* ---- net devices ---- */

struct net_device *alloc_etherdev(size_t priv_size)
{
	struct net_device *ndev = calloc(1, sizeof(*ndev) + priv_size);

	if (ndev)
		strscpy(ndev->name, "eth%d", sizeof(ndev->name));
	return ndev;
}

void free_netdev(struct net_device *ndev)
{
	FAKE_BUG_ON(ndev->registered);
	free(ndev);
}

int register_netdev(struct net_device *ndev)
{
	static unsigned int count;

	FAKE_BUG_ON(ndev->registered || !ndev->netdev_ops);
	snprintf(ndev->name, sizeof(ndev->name), "eth%u", count++);
	ndev->registered = true;
	return 0;
}

/* like unregister_netdev(): closes it first if it is up */
void unregister_netdev(struct net_device *ndev)
{
	FAKE_BUG_ON(!ndev->registered);
	if (ndev->running) {
		ndev->running = false;
		ndev->netdev_ops->ndo_stop(ndev);
	}
	ndev->registered = false;
}

void eth_hw_addr_random(struct net_device *ndev)
{
	static const u8 addr[ETH_ALEN] = { 0x02, 0x1a, 0x11, 0x00, 0x00, 0x01 };

	memcpy(ndev->dev_addr, addr, ETH_ALEN);
}

/* ---- NAPI: the states of the kernel's, SCHED and MISSED ---- */

void netif_napi_add(struct net_device *ndev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *napi, int budget))
{
	FAKE_BUG_ON(ndev->napi);
	*napi = (struct napi_struct){ .dev = ndev, .poll = poll };
	ndev->napi = napi;
}

void netif_napi_del(struct napi_struct *napi)
{
	FAKE_BUG_ON(napi->enabled);
	napi->dev->napi = NULL;
}

void napi_enable(struct napi_struct *napi)
{
	FAKE_BUG_ON(napi->enabled);
	napi->enabled = true;
	napi->scheduled = false;
	napi->missed = false;
}

/* the kernel waits for a running poll; here none can be running */
void napi_disable(struct napi_struct *napi)
{
	FAKE_BUG_ON(!napi->enabled || napi->in_poll);
	napi->enabled = false;
	napi->scheduled = false;
	napi->missed = false;
}

void napi_schedule(struct napi_struct *napi)
{
	if (!napi->enabled)
		return;
	if (napi->scheduled)
		napi->missed = true;
	else
		napi->scheduled = true;
}

bool napi_complete_done(struct napi_struct *napi, int work_done)
{
	FAKE_BUG_ON(!napi->in_poll || !napi->scheduled ||
		    napi->complete_called);
	napi->complete_called = true;
	if (napi->missed) {
		/* scheduled again at once, as the kernel does */
		napi->missed = false;
		return false;
	}
	napi->scheduled = false;
	return true;
}

bool fake_napi_run(struct napi_struct *napi)
{
	int budget = NAPI_POLL_WEIGHT, done;

	if (!napi->enabled || !napi->scheduled)
		return false;
	napi->in_poll = true;
	napi->complete_called = false;
	done = napi->poll(napi, budget);
	napi->in_poll = false;
	FAKE_BUG_ON(done < 0 || done > budget);
	/* all of the budget used: polled again, and must not complete */
	FAKE_BUG_ON(done == budget && napi->complete_called);
	/* less, not completed: the kernel would never poll it again */
	FAKE_BUG_ON(done < budget && !napi->complete_called);
	return true;
}

struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int len)
{
	FAKE_BUG_ON(!napi->in_poll);
	return fake_alloc_skb(len);
}

void napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	FAKE_BUG_ON(!napi->in_poll);
	fake_netif_receive(napi->dev, skb);
	fake_free_skb(skb);
}
