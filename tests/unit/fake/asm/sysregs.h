/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake arch of the host unit tests: the real register definitions,
 * with system register accesses going to a register file the test owns
 * and barriers doing nothing (DESIGN.md principle 6).
 */
#ifndef _FAKE_ASM_SYSREGS_H
#define _FAKE_ASM_SYSREGS_H

#include_next <asm/sysregs.h>

#undef read_sysreg
#undef write_sysreg
#undef isb
#undef dsb
#undef wfe
#undef sev
#undef cpu_relax
#undef dc_civac

unsigned long fake_sysreg_read(const char *name);
void fake_sysreg_write(const char *name, unsigned long value);

#define read_sysreg(reg)	fake_sysreg_read(#reg)
#define write_sysreg(reg, val)	fake_sysreg_write(#reg, (unsigned long)(val))
#define isb()			do { } while (0)
#define dsb(opt)		do { } while (0)
#define wfe()			do { } while (0)
#define sev()			do { } while (0)
#define cpu_relax()		do { } while (0)
#define dc_civac(addr)		do { (void)(addr); } while (0)

#endif /* !_FAKE_ASM_SYSREGS_H */
