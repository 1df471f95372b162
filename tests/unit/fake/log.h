/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk for the unit tests (fake/log.c): the hypervisor's log is the
 * last line written and the number of lines; all_logs keeps what was
 * written since log_clear(), as much as fits.
 */
#ifndef FAKE_LOG_H
#define FAKE_LOG_H

extern char last_log[512];
extern unsigned int num_logs;
extern char all_logs[16384];

void log_clear(void);
/* Does the log since log_clear() contain @text? */
int log_contains(const char *text);

#endif /* !FAKE_LOG_H */
