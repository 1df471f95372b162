/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console descriptor of the configuration ABI: the hypervisor's debug
 * UART (system config) and a cell's console (copied into its comm region).
 */
#ifndef _JAILHOUSE_CONSOLE_H
#define _JAILHOUSE_CONSOLE_H

#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_EFIFB	0x0001
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_MVEBU	0x0005
#define JAILHOUSE_CON_TYPE_HSCIF	0x0006
#define JAILHOUSE_CON_TYPE_SCIFA	0x0007
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_TYPE_IMX_LPUART	0x0009
#define JAILHOUSE_CON_TYPE_SCIF		0x000a
#define JAILHOUSE_CON_TYPE_MAX		JAILHOUSE_CON_TYPE_SCIF

/* bit 0: port I/O (x86 only) or MMIO */
#define JAILHOUSE_CON_ACCESS_PIO	0x0000
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
/* bit 1: 8-bit registers 1 byte apart, or 32-bit registers 4 bytes apart */
#define JAILHOUSE_CON_REGDIST_1		0x0000
#define JAILHOUSE_CON_REGDIST_4		0x0002
/* bit 2: EFI framebuffer format */
#define JAILHOUSE_CON_FB_1024x768	0x0000
#define JAILHOUSE_CON_FB_1920x1080	0x0004
/* bit 12: clear the clock gate bit instead of setting it */
#define JAILHOUSE_CON_INVERTED_GATE	0x1000
/* bit 13: 8250 with an MDR1 register that must be programmed (TI) */
#define JAILHOUSE_CON_MDR_QUIRK		0x2000
#define JAILHOUSE_CON_FLAGS_VALID	0x3007

#define CON_IS_MMIO(flags)		((flags) & JAILHOUSE_CON_ACCESS_MMIO)
#define CON_USES_REGDIST_4(flags)	((flags) & JAILHOUSE_CON_REGDIST_4)
#define CON_HAS_INVERTED_GATE(flags)	((flags) & JAILHOUSE_CON_INVERTED_GATE)
#define CON_HAS_MDR_QUIRK(flags)	((flags) & JAILHOUSE_CON_MDR_QUIRK)

struct jailhouse_console {
	__u64 address;
	__u32 size;
	__u16 type;
	__u16 flags;
	__u32 divider;
	__u32 gate_nr;
	__u64 clock_reg;
} __attribute__((packed));

#endif /* !_JAILHOUSE_CONSOLE_H */
