// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration checker and the revision converter, the same sources
 * the hypervisor and the jailhouse tool are built from.
 */
#include "../hypervisor/bitmap.c"
#include "../hypervisor/config-check.c"
#include "../hypervisor/config-convert.c"
