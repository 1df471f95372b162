// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration checker and the revision converter, the same sources
 * the hypervisor and the jailhouse tool are built from.
 */
#include <jailhouse/bitmap.h>
#include <jailhouse/config-check.h>
#include <jailhouse/config-convert.h>
