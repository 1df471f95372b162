## The demo cell that jailhouse-config-create writes beside the root cell.
<%
    b = board
    lay = layout
    con = demo['console']
    u = demo['uart']
%>\
// SPDX-License-Identifier: GPL-2.0
/*
${para(f'inmate-demo cell of {b.model}, written by "jailhouse config create" with the root cell "{root["name"]}".')}
 *
${para(f'A bare-metal cell for gic-demo, uart-demo and ivshmem-demo: CPU {demo["cpu"]} ({demo["cpu_path"]}, MPIDR {hex(demo["mpidr"])}), {human(demo_ram)} of RAM at {hexa(lay.demo_ram)} (at 0 in the cell), peer 1 of IVSHMEM 00:00.0 with the root cell.')}
% if u is None:
${para("There is no spare UART: it prints through the hypervisor's console.")}
% elif u is b.console:
${para(f"It prints to the root cell's console UART ({u.node.path}), shared.")}
% else:
${para(f"Its console is {u.node.path} ({u.node.status} in the device tree): make sure its pins are muxed and its clock is on.")}
% if con['divider']:
${para(f"Divider {con['divider']}: {demo['baud']} baud from {u.clock} Hz.")}
% endif
% endif
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[${len(demo['cpus'])}];
	struct jailhouse_memory mem_regions[${len(demo['regions'])}];
	struct jailhouse_irqchip irqchips[${len(demo['irqchips'])}];
	struct jailhouse_pci_device pci_devices[1];
% if demo['vendors']:
	struct jailhouse_vendor vendors[${len(demo['vendors'])}];
% endif
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "${demo['name']}",
		.flags = ${wrap_flags(demo['flags'], 2)}
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
% if demo['vendors']:
		.num_vendors = ARRAY_SIZE(config.vendors),
% endif
		/* INTx of IVSHMEM 00:00.0: INTID ${32 + lay.demo_spi} */
		.vpci_irq_base = ${lay.demo_spi},
		.cpu_reset_address = 0,
% if con:
		/* ${con['path']} */
		.console = {
			.address = ${con['address']},
			.size = ${con['size']},
			.type = ${con['type']},
			.flags = ${wrap_flags(con['flags'], 3)}
% if con['divider']:
			.divider = ${hex(con['divider'])},
% endif
		},
% endif
	},

	.cpus = {
		${", ".join(demo['cpus'])},
	},

	.mem_regions = {
% for r in demo['regions']:
${comment(r['comment'], 2)}
% if r['phys'] is not None:
			.phys_start = ${r['phys']},
% endif
			.virt_start = ${r['virt']},
			.size = ${r['size']},
			.flags = ${wrap_flags(r['flags'], 3)}
		},
% endfor
	},

	.irqchips = {
% for c in demo['irqchips']:
${comment(c['comment'], 2)}
			.address = ${c['address']},
			.pin_base = ${c['pin_base']},
			.pin_bitmap = {
				${", ".join(c['bitmap'])},
			},
		},
% endfor
	},

	.pci_devices = {
		/* IVSHMEM 00:00.0, peer 1 of ${ivshmem_peers}: this cell */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = ${root['pci_domain']},
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = ${demo['shmem_start']},
			.shmem_dev_id = 1,
			.shmem_peers = ${ivshmem_peers},
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
% if demo['vendors']:

	/* the pins of ${u.node.path} */
	.vendors = {
% for v in demo['vendors']:
		/* ${v['comment']} */ {
			.type = ${v['type']},
			.address = ${v['address']},
			.base = ${v['base']},
			.bitmap = {
				${", ".join(v['bitmap'])},
			},
		},
% endfor
	},
% endif
};
