// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/arch/arm64/traps.c on the host, for the mmio fuzz target:
 * the file as it is, with its two inline assembly statements (the SMC
 * forwarded to firmware, the WFI of CPU_SUSPEND) compiled to nothing.
 * The headers come first, so that the macros below reach traps.c alone:
 * "register u64 x0 asm("x0") = ..." loses its register name, and
 * "asm volatile(...)" becomes an empty asm statement.  The syndrome
 * decode, the frame's registers and the dispatch are traps.c's own.
 */
#include <jailhouse/hypervisor.h>
#include <jailhouse/gic.h>
#include <jailhouse/mmio.h>
#include <jailhouse/string.h>
#include <asm/sysregs.h>

#pragma GCC diagnostic ignored "-Wunused-variable"

#define asm(...)
#define volatile(...)	("")

#include "../../hypervisor/arch/arm64/traps.c"
