/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3: the distributor and redistributors emulated for the cells, the
 * physical interrupts taken at EL2 and injected through list registers.
 */
#ifndef _JAILHOUSE_GIC_H
#define _JAILHOUSE_GIC_H

#include <jailhouse/hypervisor.h>
#include <jailhouse/mmio.h>

#define SGI_INJECT		0	/* kicks a CPU to inject virtual SGIs */
#define GICR_FRAME_SIZE		JAILHOUSE_GICR_FRAME_SIZE
#define GICD_SIZE		JAILHOUSE_GICD_SIZE

int gic_init(void);
u32 gic_reserved_private_irqs(void);
int gic_cpu_init(struct per_cpu *cpu);
void gic_cpu_shutdown(struct per_cpu *cpu);
void gic_cpu_reset(struct per_cpu *cpu);
void gic_kick(struct per_cpu *cpu);
void gic_raise_spi(unsigned int intid);
typedef struct cell *(*gic_shared_target_fn)(unsigned int intid);
int gic_register_shared_irq(unsigned int intid, gic_shared_target_fn target);
void gic_cell_take_irqs(struct cell *cell);
void gic_cell_reset_irqs(struct cell *cell);
void gic_cell_return_irqs(struct cell *cell);
bool gic_lrs_empty(struct per_cpu *cpu);
void gic_handle_irq(struct per_cpu *cpu);
void gic_send_sgis(struct per_cpu *cpu, u64 sgi1r);
void gic_flush_pending(struct per_cpu *cpu);
/* The distributor and redistributors as regions of @cell. */
int gic_cell_init(struct cell *cell);
unsigned long gic_gicr_window_size(void);

#endif /* !_JAILHOUSE_GIC_H */
