/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk for the unit tests (fake/log.c): the hypervisor's log is the
 * last line written and the number of lines.
 */
#ifndef FAKE_LOG_H
#define FAKE_LOG_H

extern char last_log[512];
extern unsigned int num_logs;

#endif /* !FAKE_LOG_H */
