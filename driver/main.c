// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse.ko: loads the hypervisor into its reserved memory, hands every
 * CPU over to it, and gives them back.  /dev/jailhouse takes the upstream
 * ioctls; /sys/devices/jailhouse shows the state.  jailhouse.h lists the
 * parts; this one loads and unloads the module.
 */
#include <linux/module.h>

#include "jailhouse.h"

static int __init jailhouse_init(void)
{
	int err;

	err = jailhouse_sysfs_init();
	if (err)
		return err;
	err = jailhouse_ioctl_register();
	if (err) {
		jailhouse_sysfs_exit();
		return err;
	}
	pr_info("jailhouse: driver %s loaded\n", JAILHOUSE_VERSION);
	return 0;
}

static void __exit jailhouse_exit(void)
{
	jailhouse_ioctl_unregister();
	jailhouse_sysfs_exit();
	jailhouse_put_kernel_symbols();
}

module_init(jailhouse_init);
module_exit(jailhouse_exit);

MODULE_DESCRIPTION("Loader for the Jailhouse partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_VERSION(JAILHOUSE_VERSION);
MODULE_FIRMWARE(JAILHOUSE_FIRMWARE);
