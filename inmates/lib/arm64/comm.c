// SPDX-License-Identifier: GPL-2.0
/*
 * The communication region: the hypervisor's messages to the cell and
 * the cell's replies.  A program calls comm_region_poll() often enough
 * (its main loop, cpu_idle() wakes it about every millisecond).
 */
#include "lib.h"

struct jailhouse_comm_region *const comm_region =
	(struct jailhouse_comm_region *)COMM_REGION_BASE;

static unsigned int shutdowns_to_deny;

/*
 * What the hypervisor reads as the cell's state: once it is SHUT_DOWN or
 * FAILED, the hypervisor no longer waits for replies.
 */
void comm_region_set_state(u32 state)
{
	mmio_write32((unsigned long)&comm_region->cell_state, state);
}

/* With @deny, shutdown requests are refused until called again. */
void comm_region_deny_shutdown(bool deny)
{
	shutdowns_to_deny = deny ? ~0U : 0;
}

/* Refuse the next @count shutdown requests, then approve. */
void comm_region_deny_shutdowns(unsigned int count)
{
	shutdowns_to_deny = count;
}

/* Answer a waiting message; an approved shutdown stops this CPU. */
void comm_region_poll(void)
{
	/* one 32-bit load, though the structure is packed */
	u32 msg = mmio_read32((unsigned long)&comm_region->msg_to_cell);

	switch (msg) {
	case JAILHOUSE_MSG_NONE:
		return;
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		if (shutdowns_to_deny) {
			if (shutdowns_to_deny != ~0U)
				shutdowns_to_deny--;
			jailhouse_send_reply_from_cell(comm_region,
				JAILHOUSE_MSG_REQUEST_DENIED);
			return;
		}
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_REQUEST_APPROVED);
		/* the hypervisor stops the cell now */
		comm_region_set_state(JAILHOUSE_CELL_SHUT_DOWN);
		halt();
	case JAILHOUSE_MSG_RECONFIG_COMPLETED:
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_RECEIVED);
		return;
	default:
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_UNKNOWN);
		return;
	}
}
