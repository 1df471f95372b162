/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fake arch of the host unit tests: the real register definitions,
 * with system register accesses going to a register file the test owns
 * (DESIGN.md principle 6; barriers: fake/asm/processor.h).
 */
#ifndef _FAKE_ASM_SYSREGS_H
#define _FAKE_ASM_SYSREGS_H

#include_next <asm/sysregs.h>

#undef read_sysreg
#undef write_sysreg

unsigned long fake_sysreg_read(const char *name);
void fake_sysreg_write(const char *name, unsigned long value);

#define read_sysreg(reg)	fake_sysreg_read(#reg)
#define write_sysreg(reg, val)	fake_sysreg_write(#reg, (unsigned long)(val))

#endif /* !_FAKE_ASM_SYSREGS_H */
