/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IVSHMEM v2 device as the hypervisor emulates it (abi-facts §6): its
 * PCI IDs, the vendor capability that describes the shared memory, and
 * the registers of BAR0.  Shared by the hypervisor, uio_ivshmem and both
 * ivshmem-demos.
 */
#ifndef _JAILHOUSE_IVSHMEM_REGS_H
#define _JAILHOUSE_IVSHMEM_REGS_H

#define IVSHMEM_VENDOR_ID	0x110a		/* Siemens */
#define IVSHMEM_DEVICE_ID	0x4106

/* the vendor-specific capability (ID 0x09), offsets within it */
#define IVSHMEM_CAP_OFFSET	0x40		/* in configuration space */
#define IVSHMEM_CAP_LENGTH	0x02		/* byte: its length, 0x20 */
#define IVSHMEM_CAP_STATE_SIZE	0x04		/* u32 */
#define IVSHMEM_CAP_RW_SIZE	0x08		/* u64 */
#define IVSHMEM_CAP_OUTPUT_SIZE	0x10		/* u64 */
#define IVSHMEM_CAP_ADDRESS	0x18		/* u64: the state table */
#define IVSHMEM_CAP_SIZE	0x20

/* BAR0 */
#define IVSHMEM_REG_ID		0x00		/* RO: this peer's ID */
#define IVSHMEM_REG_MAX_PEERS	0x04		/* RO */
#define IVSHMEM_REG_INT_CTRL	0x08		/* bit 0: interrupts on */
#define IVSHMEM_REG_DOORBELL	0x0c		/* vector | peer << 16 */
#define IVSHMEM_REG_STATE	0x10		/* this peer's state */

#endif /* !_JAILHOUSE_IVSHMEM_REGS_H */
