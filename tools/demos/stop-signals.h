/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SIGINT and SIGTERM for the demos that wait on /dev/uioN (ivshmem-demo,
 * uio_read): they set demo_stop and only come in while the demo waits.
 */
#ifndef STOP_SIGNALS_H
#define STOP_SIGNALS_H

#include <signal.h>

extern volatile sig_atomic_t demo_stop;

/* Blocks both signals; @waiting is the mask to wait with (pselect). */
void catch_stop_signals(sigset_t *waiting);

#endif /* !STOP_SIGNALS_H */
