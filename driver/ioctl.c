// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/jailhouse: the upstream ioctls, each under the driver lock and
 * with last_error cleared first, and read(), which streams the
 * hypervisor's log ("jailhouse console").
 */
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "jailhouse.h"

static long jailhouse_ioctl(struct file *file, unsigned int ioctl,
			    unsigned long arg)
{
	long err;

	if (mutex_lock_interruptible(&jailhouse_lock))
		return -EINTR;
	switch (ioctl) {
	case JAILHOUSE_ENABLE:
		jailhouse_clear_error();
		err = jailhouse_enable((const void __user *)arg);
		break;
	case JAILHOUSE_DISABLE:
		jailhouse_clear_error();
		err = jailhouse_disable();
		break;
	case JAILHOUSE_CELL_CREATE:
		jailhouse_clear_error();
		err = jailhouse_cmd_cell_create((void __user *)arg);
		break;
	case JAILHOUSE_CELL_LOAD:
		jailhouse_clear_error();
		err = jailhouse_cmd_cell_load((void __user *)arg);
		break;
	case JAILHOUSE_CELL_START:
		jailhouse_clear_error();
		err = jailhouse_cmd_cell_start((void __user *)arg);
		break;
	case JAILHOUSE_CELL_DESTROY:
		jailhouse_clear_error();
		err = jailhouse_cmd_cell_destroy((void __user *)arg);
		break;
	default:
		set_error("unknown ioctl 0x%x", ioctl);
		err = -EINVAL;
	}
	mutex_unlock(&jailhouse_lock);
	return err;
}

/* ---- the log stream ---- */

struct reader {
	unsigned int position;	/* ring tail already delivered */
};

static int jailhouse_open(struct inode *inode, struct file *file)
{
	struct reader *reader = kzalloc(sizeof(*reader), GFP_KERNEL);

	if (!reader)
		return -ENOMEM;
	file->private_data = reader;
	return 0;
}

static int jailhouse_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* Stream the log: what arrived since the last read, waiting for more. */
static ssize_t jailhouse_read(struct file *file, char __user *out,
			      size_t count, loff_t *ppos)
{
	static char buf[JAILHOUSE_CONSOLE_RING_SIZE];
	struct reader *reader = file->private_data;
	unsigned int tail, len, start, n;
	ssize_t ret;

	for (;;) {
		if (mutex_lock_interruptible(&jailhouse_lock))
			return -EINTR;
		if (!jailhouse_enabled) {
			mutex_unlock(&jailhouse_lock);
			return 0;
		}
		/* buf: the last len bytes of the log, ending at tail */
		len = jailhouse_console_read(buf, &tail);
		start = reader->position;
		if (tail - start > len)
			start = tail - len;	/* older text was overwritten */
		if (tail != start) {
			n = min_t(size_t, tail - start, count);
			ret = copy_to_user(out, buf + len - (tail - start), n) ?
				-EFAULT : n;
			reader->position = start + n;
			mutex_unlock(&jailhouse_lock);
			return ret;
		}
		mutex_unlock(&jailhouse_lock);
		/*
		 * Caught up: a non-blocking reader has read the log to its
		 * end, as upstream's driver tells its "jailhouse console"
		 * (end of file, not EAGAIN).
		 */
		if (file->f_flags & O_NONBLOCK)
			return 0;
		if (msleep_interruptible(100))
			return -EINTR;
	}
}

static const struct file_operations jailhouse_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = jailhouse_ioctl,
	.compat_ioctl = jailhouse_ioctl,
	.open = jailhouse_open,
	.release = jailhouse_release,
	.read = jailhouse_read,
	.llseek = noop_llseek,
};

static struct miscdevice jailhouse_misc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "jailhouse",
	.fops = &jailhouse_fops,
};

int jailhouse_ioctl_register(void)
{
	return misc_register(&jailhouse_misc_dev);
}

void jailhouse_ioctl_unregister(void)
{
	misc_deregister(&jailhouse_misc_dev);
}
