// SPDX-License-Identifier: GPL-2.0
/*
 * What tests/tools/run.py needs of a cell configuration to work out where
 * "jailhouse cell linux" must put things, read through the ABI header
 * rather than a copy of its layout:
 *
 *	NAME CPU_RESET_ADDRESS
 *	VIRT_START SIZE FLAGS		(one line per memory region)
 */
#include <stdio.h>
#include <stdlib.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

int main(int argc, char *argv[])
{
	static char buf[1 << 20];
	const struct jailhouse_cell_desc *cell = (const void *)buf;
	const struct jailhouse_memory *mem;
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	size_t len;
	__u32 n;

	if (!f)
		return 1;
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (len < sizeof(*cell) || jailhouse_cell_config_size(cell) > len)
		return 1;
	mem = jailhouse_cell_mem_regions(cell);
	printf("%.*s 0x%llx\n", JAILHOUSE_CELL_NAME_MAXLEN, cell->name,
	       cell->cpu_reset_address);
	for (n = 0; n < cell->num_memory_regions; n++)
		printf("0x%llx 0x%llx 0x%llx\n", mem[n].virt_start,
		       mem[n].size, mem[n].flags);
	return 0;
}
