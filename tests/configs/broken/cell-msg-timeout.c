// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a cell whose shutdown requests the root cell would
 * wait for an hour.
 *
 * check: qemu-arm64 @
 * expect: msg_reply_timeout: 3600000000: at most 10000000 microseconds (10 s): the root cell's CPU waits that long in cell load, start and destroy; 0 means 100 ms
 */
#define CELL_MSG_TIMEOUT	3600000000ULL
#include "cell.h"
