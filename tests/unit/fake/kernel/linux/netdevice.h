/* SPDX-License-Identifier: GPL-2.0 */
/* for driver/ivshmem-net.c on the host: all of it is in fake-kernel.h */
#include "../fake-kernel.h"
