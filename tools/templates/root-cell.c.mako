## The root cell configuration that jailhouse-config-create writes.  The
## Python side hands over the values, formatted; the layout of the
## structures is the C header's, filled in by field name.
<%
    b = board
    lay = layout
    con = root['console']
    hv_size = lay.hv.end - lay.hv.start
    cells_size = lay.cells.end - lay.cells.start
%>\
// SPDX-License-Identifier: GPL-2.0
/*
${para(f'Root cell of {b.model} ({b.compatible}), written by "jailhouse config create" from its device tree. Review it before use: Documentation/config-create.md says what it holds and what it leaves to you.')}
 *
 *   ${hexa(lay.hv.start).ljust(10)} ${human(hv_size).rjust(8)}  hypervisor (${short(lay.hv.name)})
 *   ${hexa(lay.cells.start).ljust(10)} ${human(cells_size).rjust(8)}  RAM lent to cells (${short(lay.cells.name)})
 *   ${hexa(lay.demo_ram).ljust(10)} ${human(demo_ram).rjust(8)}  of it, the inmate-demo cell's RAM
% if lay.shmem:
 *   ${hexa(lay.shmem.start).ljust(10)} ${human(lay.shmem.end - lay.shmem.start).rjust(8)}  IVSHMEM memory (${short(lay.shmem.name)})
% endif
 *   ${hexa(lay.ivshmem).ljust(10)} ${human(lay.ivshmem_size).rjust(8)}  IVSHMEM 00:00.0, root cell and inmate-demo
 *   ${hexa(lay.ecam).ljust(10)} ${human(vpci_window).rjust(8)}  virtual PCI host: ECAM of bus 0, BAR window
 *
${para(f'{len(b.cpus)} CPUs (MPIDR {", ".join(hex(m) for _, m in b.cpus)}), GICv3 at {hexa(b.gicd)} ({b.gic.path}).')}
% if con:
${para(f"Debug console: {con['path']}.")}
% else:
${para('No debug console: the hypervisor\'s log is only in "jailhouse console".')}
% endif
% if lay.spis_above:
 * The virtual PCI hosts' SPIs lie above every SPI of the device tree:
 * check that the GIC has them.
% endif
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[${len(root['cpus'])}];
	struct jailhouse_memory mem_regions[${len(root['regions'])}];
	struct jailhouse_irqchip irqchips[${len(root['irqchips'])}];
	struct jailhouse_pci_device pci_devices[1];
% if root['smc_ids']:
	__u32 smc_ids[${len(root['smc_ids'])}];
% endif
% if root['vendors']:
	struct jailhouse_vendor vendors[${len(root['vendors'])}];
% endif
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = ${hexa(lay.hv.start)},
			.size = ${hexa(hv_size)},
		},
% if con:
		/* ${con['path']} */
		.debug_console = {
			.address = ${con['address']},
			.size = ${con['size']},
			.type = ${con['type']},
			.flags = ${wrap_flags(con['flags'], 3)}
		},
% endif
		.platform_info = {
			.pci_mmconfig_base = ${hexa(lay.ecam)},
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = ${root['pci_domain']},
			.arm = {
				.gic_version = 3,
				.gicd_base = ${hexa(b.gicd)},
				.gicr_base = ${hexa(b.gicr)},
				.gicr_size = ${hexa(b.gicr_size)},
				/* ${b.maintenance_note} */
				.maintenance_irq = ${b.maintenance_irq},
			},
		},
		.root_cell = {
			.name = "${root['name']}",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
% if root['smc_ids']:
			.num_smc_ids = ARRAY_SIZE(config.smc_ids),
% endif
% if root['vendors']:
			.num_vendors = ARRAY_SIZE(config.vendors),
% endif
			/* INTx of IVSHMEM 00:00.0: INTID ${32 + lay.root_spi} */
			.vpci_irq_base = ${lay.root_spi},
		},
	},

	.cpus = {
		${", ".join(root['cpus'])},
	},

	.mem_regions = {
% for r in root['regions']:
${comment(r['comment'], 2)}
			.phys_start = ${r['phys']},
			.virt_start = ${r['virt']},
			.size = ${r['size']},
			.flags = ${wrap_flags(r['flags'], 3)}
		},
% endfor
	},

	.irqchips = {
% for c in root['irqchips']:
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
		/* IVSHMEM 00:00.0, peer 0 of ${ivshmem_peers}: this cell */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = ${root['pci_domain']},
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = ${root['shmem_start']},
			.shmem_dev_id = 0,
			.shmem_peers = ${ivshmem_peers},
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
% if root['smc_ids']:

	/* the MediaTek SiP calls the root cell's Linux makes */
	.smc_ids = {
% for smc in root['smc_ids']:
		${smc['id']},	/* ${smc['comment']} */
% endfor
	},
% endif
% if root['vendors']:

	/* ${b.mtk['node'].path}: pins mediated by the hypervisor */
	.vendors = {
% for v in root['vendors']:
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
