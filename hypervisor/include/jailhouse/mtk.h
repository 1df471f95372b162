/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MediaTek GPIO and EINT blocks mediated per pin (soc/mediatek/).
 *
 * A block packs many pins into each register, so it cannot be split by
 * stage-2 pages: no cell maps it, every access traps and is filtered by
 * which cell owns which pin.  What the registers are comes from tables,
 * one per register layout (mtk-tables.c, jailhouse/mtk-tables.h); a block
 * is known by its type and physical address, which select the layout.
 */
#ifndef _JAILHOUSE_MTK_H
#define _JAILHOUSE_MTK_H

#include <jailhouse/hypervisor.h>
#include <jailhouse/mtk-tables.h>

/* Takes the cell's pins; every block in use becomes its MMIO region. */
int mtk_cell_init(struct cell *cell);
void mtk_cell_exit(struct cell *cell);
/*
 * The shared EINT line @intid: the cell owning the first pending,
 * unmasked pin of the EINT blocks on that line, or NULL.
 */
struct cell *mtk_eint_target(unsigned int intid);

/* The cell that owns @pin of the block at @address, or NULL. */
struct cell *mtk_pin_owner(u64 address, unsigned int pin);

#endif /* !_JAILHOUSE_MTK_H */
