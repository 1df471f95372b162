// SPDX-License-Identifier: GPL-2.0
/*
 * The fake arch's system registers for tests that do not look at them:
 * reads give 0, writes go nowhere.
 */
#include <asm/sysregs.h>

unsigned long fake_sysreg_read(const char *name)
{
	(void)name;
	return 0;
}

void fake_sysreg_write(const char *name, unsigned long value)
{
	(void)name;
	(void)value;
}
