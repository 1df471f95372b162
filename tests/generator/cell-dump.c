// SPDX-License-Identifier: GPL-2.0
/*
 * What tests/generator/run.py compares between a generated configuration
 * and a hand-written one, read through the ABI header rather than a copy
 * of its layout, one item per line:
 *
 *	system HV_START HV_SIZE GICD GICR GICR_SIZE MAINT CON_ADDR CON_TYPE
 *	       PCI_BASE PCI_DOMAIN		(system configurations only)
 *	cell NAME CPU_WORD0 VPCI_IRQ_BASE CON_ADDR CON_TYPE
 *	mem PHYS VIRT SIZE FLAGS
 *	irq PIN_BASE WORD0 WORD1 WORD2 WORD3
 *	pci TYPE DOMAIN BDF SHMEM_START DEV_ID PEERS
 *	smc ID
 *	vendor TYPE ADDRESS BASE WORD0 WORD1 WORD2 WORD3
 */
#include <stdio.h>
#include <string.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

static void dump_cell(const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	const struct jailhouse_irqchip *irq = jailhouse_cell_irqchips(cell);
	const struct jailhouse_pci_device *pci =
		jailhouse_cell_pci_devices(cell);
	const struct jailhouse_smc_id *smc = jailhouse_cell_smc_ids(cell);
	const struct jailhouse_vendor *v = jailhouse_cell_vendors(cell);
	const __u8 *cpus = jailhouse_cell_cpu_set(cell);
	unsigned long long word = 0;
	__u32 n;

	for (n = 0; n < cell->cpu_set_size && n < 8; n++)
		word |= (unsigned long long)cpus[n] << (8 * n);
	printf("cell %.*s 0x%llx %u 0x%llx %u\n", JAILHOUSE_CELL_NAME_MAXLEN,
	       cell->name, word, cell->vpci_irq_base,
	       (unsigned long long)cell->console.address, cell->console.type);
	for (n = 0; n < cell->num_memory_regions; n++)
		printf("mem 0x%llx 0x%llx 0x%llx 0x%llx\n",
		       (unsigned long long)mem[n].phys_start,
		       (unsigned long long)mem[n].virt_start,
		       (unsigned long long)mem[n].size,
		       (unsigned long long)mem[n].flags);
	for (n = 0; n < cell->num_irqchips; n++)
		printf("irq %u 0x%x 0x%x 0x%x 0x%x\n", irq[n].pin_base,
		       irq[n].pin_bitmap[0], irq[n].pin_bitmap[1],
		       irq[n].pin_bitmap[2], irq[n].pin_bitmap[3]);
	for (n = 0; n < cell->num_pci_devices; n++)
		printf("pci %u %u 0x%x %u %u %u\n", pci[n].type, pci[n].domain,
		       pci[n].bdf, pci[n].shmem_regions_start,
		       pci[n].shmem_dev_id, pci[n].shmem_peers);
	for (n = 0; n < cell->num_smc_ids; n++)
		printf("smc 0x%x\n", smc[n].id);
	for (n = 0; n < cell->num_vendors; n++)
		printf("vendor %u 0x%llx %u 0x%x 0x%x 0x%x 0x%x\n", v[n].type,
		       (unsigned long long)v[n].address, v[n].base,
		       v[n].bitmap[0], v[n].bitmap[1], v[n].bitmap[2],
		       v[n].bitmap[3]);
}

int main(int argc, char *argv[])
{
	static char buf[1 << 20];
	const struct jailhouse_system *sys = (const void *)buf;
	const struct jailhouse_cell_desc *cell = (const void *)buf;
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	size_t len;

	if (!f)
		return 1;
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (len >= sizeof(*sys) &&
	    !memcmp(buf, JAILHOUSE_SYSTEM_SIGNATURE, 5)) {
		if (jailhouse_system_config_size(sys) > len)
			return 1;
		printf("system 0x%llx 0x%llx 0x%llx 0x%llx 0x%x %u 0x%llx %u "
		       "0x%llx %u\n",
		       (unsigned long long)sys->hypervisor_memory.phys_start,
		       (unsigned long long)sys->hypervisor_memory.size,
		       (unsigned long long)sys->platform_info.arm.gicd_base,
		       (unsigned long long)sys->platform_info.arm.gicr_base,
		       sys->platform_info.arm.gicr_size,
		       sys->platform_info.arm.maintenance_irq,
		       (unsigned long long)sys->debug_console.address,
		       sys->debug_console.type,
		       (unsigned long long)sys->platform_info.pci_mmconfig_base,
		       sys->platform_info.pci_domain);
		dump_cell(&sys->root_cell);
		return 0;
	}
	if (len < sizeof(*cell) || memcmp(buf, JAILHOUSE_CELL_DESC_SIGNATURE, 5)
	    || jailhouse_cell_config_size(cell) > len)
		return 1;
	dump_cell(cell);
	return 0;
}
