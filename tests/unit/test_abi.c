// SPDX-License-Identifier: GPL-2.0
/*
 * Pins every size, offset and number of the ABI to the values in
 * shared/reference/abi-facts.md (revision-15 layout, §1.17; upstream
 * structures §1-§4).  A change to a header that moves a field fails here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/hypercall-arm64.h>
#include <jailhouse/ioctl.h>

#define OFF(type, field)	offsetof(struct type, field)

static void test_system(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct jailhouse_system), 500);
	assert_int_equal(OFF(jailhouse_system, revision), 6);
	assert_int_equal(OFF(jailhouse_system, flags), 8);
	assert_int_equal(OFF(jailhouse_system, hypervisor_memory), 12);
	assert_int_equal(OFF(jailhouse_system, debug_console), 44);
	assert_int_equal(OFF(jailhouse_system, platform_info), 76);
	assert_int_equal(OFF(jailhouse_system, platform_info.pci_mmconfig_end_bus),
			 84);
	assert_int_equal(OFF(jailhouse_system, platform_info.pci_domain), 86);
	assert_int_equal(OFF(jailhouse_system, platform_info.iommu_units), 88);
	assert_int_equal(OFF(jailhouse_system,
			     platform_info.arm.maintenance_irq), 312);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gic_version),
			 313);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gicd_base), 316);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gicc_base), 324);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gich_base), 332);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gicv_base), 340);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gicr_base), 348);
	assert_int_equal(OFF(jailhouse_system, platform_info.arm.gicr_size), 356);
	assert_int_equal(OFF(jailhouse_system, platform_info.x86.tsc_khz), 320);
	assert_int_equal(OFF(jailhouse_system, root_cell), 360);
}

static void test_cell_desc(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct jailhouse_cell_desc), 140);
	assert_int_equal(OFF(jailhouse_cell_desc, architecture), 5);
	assert_int_equal(OFF(jailhouse_cell_desc, revision), 6);
	assert_int_equal(OFF(jailhouse_cell_desc, name), 8);
	assert_int_equal(OFF(jailhouse_cell_desc, id), 40);
	assert_int_equal(OFF(jailhouse_cell_desc, flags), 44);
	assert_int_equal(OFF(jailhouse_cell_desc, cpu_set_size), 48);
	assert_int_equal(OFF(jailhouse_cell_desc, num_memory_regions), 52);
	assert_int_equal(OFF(jailhouse_cell_desc, num_cache_regions), 56);
	assert_int_equal(OFF(jailhouse_cell_desc, num_irqchips), 60);
	assert_int_equal(OFF(jailhouse_cell_desc, num_pio_regions), 64);
	assert_int_equal(OFF(jailhouse_cell_desc, num_pci_devices), 68);
	assert_int_equal(OFF(jailhouse_cell_desc, num_pci_caps), 72);
	assert_int_equal(OFF(jailhouse_cell_desc, num_stream_ids), 76);
	assert_int_equal(OFF(jailhouse_cell_desc, num_smc_ids), 80);
	assert_int_equal(OFF(jailhouse_cell_desc, smc_ids_size), 80);
	assert_int_equal(OFF(jailhouse_cell_desc, num_vendors), 84);
	assert_int_equal(OFF(jailhouse_cell_desc, num_vendor_resources), 84);
	assert_int_equal(OFF(jailhouse_cell_desc, vpci_irq_base), 88);
	assert_int_equal(OFF(jailhouse_cell_desc, cpu_reset_address), 92);
	assert_int_equal(OFF(jailhouse_cell_desc, msg_reply_timeout), 100);
	assert_int_equal(OFF(jailhouse_cell_desc, console), 108);
}

static void test_arrays(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct jailhouse_memory), 32);
	assert_int_equal(OFF(jailhouse_memory, virt_start), 8);
	assert_int_equal(OFF(jailhouse_memory, size), 16);
	assert_int_equal(OFF(jailhouse_memory, flags), 24);
	assert_int_equal(sizeof(struct jailhouse_cache), 12);
	assert_int_equal(OFF(jailhouse_cache, type), 8);
	assert_int_equal(OFF(jailhouse_cache, flags), 10);
	assert_int_equal(sizeof(struct jailhouse_irqchip), 32);
	assert_int_equal(OFF(jailhouse_irqchip, id), 8);
	assert_int_equal(OFF(jailhouse_irqchip, pin_base), 12);
	assert_int_equal(OFF(jailhouse_irqchip, pin_bitmap), 16);
	assert_int_equal(sizeof(struct jailhouse_pio), 4);
	assert_int_equal(sizeof(struct jailhouse_pci_capability), 8);
	assert_int_equal(OFF(jailhouse_pci_capability, flags), 6);
	assert_int_equal(sizeof(struct jailhouse_iommu), 28);
	assert_int_equal(OFF(jailhouse_iommu, base), 4);
	assert_int_equal(OFF(jailhouse_iommu, size), 12);
	assert_int_equal(OFF(jailhouse_iommu, amd.bdf), 16);
	assert_int_equal(OFF(jailhouse_iommu, amd.features), 20);
	assert_int_equal(OFF(jailhouse_iommu, tipvu.tlb_size), 24);
	assert_int_equal(sizeof(union jailhouse_stream_id), 4);
	assert_int_equal(offsetof(union jailhouse_stream_id, mmu500.mask_out),
			 2);
	assert_int_equal(sizeof(struct jailhouse_smc_id), 4);
}

static void test_pci_device(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct jailhouse_pci_device), 56);
	assert_int_equal(OFF(jailhouse_pci_device, iommu), 1);
	assert_int_equal(OFF(jailhouse_pci_device, domain), 2);
	assert_int_equal(OFF(jailhouse_pci_device, bdf), 4);
	assert_int_equal(OFF(jailhouse_pci_device, bar_mask), 6);
	assert_int_equal(OFF(jailhouse_pci_device, caps_start), 30);
	assert_int_equal(OFF(jailhouse_pci_device, num_caps), 32);
	assert_int_equal(OFF(jailhouse_pci_device, num_msi_vectors), 34);
	assert_int_equal(OFF(jailhouse_pci_device, num_msix_vectors), 36);
	assert_int_equal(OFF(jailhouse_pci_device, msix_region_size), 38);
	assert_int_equal(OFF(jailhouse_pci_device, msix_address), 40);
	assert_int_equal(OFF(jailhouse_pci_device, shmem_regions_start), 48);
	assert_int_equal(OFF(jailhouse_pci_device, shmem_dev_id), 52);
	assert_int_equal(OFF(jailhouse_pci_device, shmem_peers), 53);
	assert_int_equal(OFF(jailhouse_pci_device, shmem_protocol), 54);
}

/* msi_64bits is bit 0 and msi_maskable bit 1 of byte 35 */
static void test_pci_msi_bits(void **state)
{
	struct jailhouse_pci_device dev = { .msi_64bits = 1 };
	const unsigned char *raw = (const unsigned char *)&dev;

	(void)state;
	assert_int_equal(raw[35], 0x01);
	dev.msi_64bits = 0;
	dev.msi_maskable = 1;
	assert_int_equal(raw[35], 0x02);
}

static void test_console_and_vendor(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct jailhouse_console), 32);
	assert_int_equal(OFF(jailhouse_console, size), 8);
	assert_int_equal(OFF(jailhouse_console, type), 12);
	assert_int_equal(OFF(jailhouse_console, flags), 14);
	assert_int_equal(OFF(jailhouse_console, divider), 16);
	assert_int_equal(OFF(jailhouse_console, gate_nr), 20);
	assert_int_equal(OFF(jailhouse_console, clock_reg), 24);
	assert_int_equal(JAILHOUSE_CON_TYPE_8250, 2);
	assert_int_equal(JAILHOUSE_CON_TYPE_PL011, 3);
	assert_int_equal(JAILHOUSE_CON_TYPE_IMX, 8);
	assert_int_equal(JAILHOUSE_CON_TYPE_IMX_LPUART, 9);
	assert_int_equal(JAILHOUSE_CON_MDR_QUIRK, 0x2000);

	assert_int_equal(sizeof(struct jailhouse_vendor), 32);
	assert_int_equal(OFF(jailhouse_vendor, address), 4);
	assert_int_equal(OFF(jailhouse_vendor, base), 12);
	assert_int_equal(OFF(jailhouse_vendor, bitmap), 16);
	assert_int_equal(OFF(jailhouse_vendor, mtk_gpio.address), 4);
	assert_int_equal(OFF(jailhouse_vendor, mtk_eint.pin_base), 12);
	assert_int_equal(OFF(jailhouse_vendor, mtk_gpio.pin_bitmap), 16);
	assert_int_equal(OFF(jailhouse_vendor, mtk_clk.clk_bitmap), 16);
	assert_int_equal(JAILHOUSE_VENDOR_MTK_EINT, 1);
	assert_int_equal(JAILHOUSE_VENDOR_MTK_GPIO, 2);
	assert_int_equal(JAILHOUSE_VENDOR_MTK_CLK, 3);
}

static void test_header_and_comm_region(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct jailhouse_header), 80);
	assert_int_equal(OFF(jailhouse_header, core_size), 8);
	assert_int_equal(OFF(jailhouse_header, percpu_size), 16);
	assert_int_equal(OFF(jailhouse_header, entry), 24);
	assert_int_equal(OFF(jailhouse_header, console_page), 32);
	assert_int_equal(OFF(jailhouse_header, gcov_info_head), 40);
	assert_int_equal(OFF(jailhouse_header, max_cpus), 48);
	assert_int_equal(OFF(jailhouse_header, online_cpus), 52);
	assert_int_equal(OFF(jailhouse_header, debug_console_base), 56);
	assert_int_equal(OFF(jailhouse_header, arm_linux_hyp_vectors), 64);
	assert_int_equal(OFF(jailhouse_header, arm_linux_hyp_abi), 72);

	assert_int_equal(sizeof(struct jailhouse_comm_region), 100);
	assert_int_equal(OFF(jailhouse_comm_region, revision), 6);
	assert_int_equal(OFF(jailhouse_comm_region, cell_state), 8);
	assert_int_equal(OFF(jailhouse_comm_region, msg_to_cell), 12);
	assert_int_equal(OFF(jailhouse_comm_region, reply_from_cell), 16);
	assert_int_equal(OFF(jailhouse_comm_region, flags), 20);
	assert_int_equal(OFF(jailhouse_comm_region, console), 24);
	assert_int_equal(OFF(jailhouse_comm_region, pci_mmconfig_base), 56);
	assert_int_equal(OFF(jailhouse_comm_region, gic_version), 64);
	assert_int_equal(OFF(jailhouse_comm_region, gicd_base), 72);
	assert_int_equal(OFF(jailhouse_comm_region, gicc_base), 80);
	assert_int_equal(OFF(jailhouse_comm_region, gicr_base), 88);
	assert_int_equal(OFF(jailhouse_comm_region, vpci_irq_base), 96);
}

static void test_ioctls(void **state)
{
	(void)state;
	assert_int_equal(JAILHOUSE_ENABLE, 0x40080000);
	assert_int_equal(JAILHOUSE_DISABLE, 0x00000001);
	assert_int_equal(JAILHOUSE_CELL_CREATE, 0x40100002);
	assert_int_equal(JAILHOUSE_CELL_LOAD, 0x40300003);
	assert_int_equal(JAILHOUSE_CELL_START, 0x40280004);
	assert_int_equal(JAILHOUSE_CELL_DESTROY, 0x40280005);
	assert_int_equal(sizeof(struct jailhouse_cell_create), 16);
	assert_int_equal(sizeof(struct jailhouse_cell_id), 40);
	assert_int_equal(OFF(jailhouse_cell_id, name), 8);
	assert_int_equal(sizeof(struct jailhouse_cell_load), 48);
	assert_int_equal(OFF(jailhouse_cell_load, num_preload_images), 40);
	assert_int_equal(sizeof(struct jailhouse_preload_image), 32);
	assert_int_equal(OFF(jailhouse_preload_image, target_address), 16);
}

/* The instruction cells issue is spelt from the immediate traps.c checks. */
static void test_hvc_insn(void **state)
{
	(void)state;
	assert_string_equal(JAILHOUSE_HVC_INSN, "hvc #0x4a48");
}

static void test_numbers(void **state)
{
	(void)state;
	assert_int_equal(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 8);
	assert_int_equal(JAILHOUSE_HVC_CODE, 0x4a48);
	assert_int_equal(JAILHOUSE_NUM_CPU_STATS, 9);
	assert_int_equal(JAILHOUSE_CELL_FAILED_COMM_REV, 4);
	assert_int_equal(JAILHOUSE_MSG_RECEIVED, 4);
	assert_int_equal(COMM_REGION_ABI_REVISION, 2);
	assert_int_equal(JAILHOUSE_MEM_ROOTSHARED, 0x80);
	assert_int_equal(JAILHOUSE_MEM_IO_32, 0x40000);
	assert_int_equal(JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE, 0x80000000u);
}

/* The size formula of abi-facts §1.4 plus the two revision-15 arrays. */
static void test_config_size(void **state)
{
	struct jailhouse_cell_desc cell = {
		.cpu_set_size = 8, .num_memory_regions = 3,
		.num_cache_regions = 1, .num_irqchips = 2,
		.num_pio_regions = 1, .num_pci_devices = 1,
		.num_pci_caps = 2, .num_stream_ids = 3,
		.num_smc_ids = 4, .num_vendors = 2,
	};
	const char *base = (const char *)&cell;

	(void)state;
	assert_int_equal(jailhouse_cell_config_size(&cell),
			 140 + 8 + 3 * 32 + 12 + 2 * 32 + 4 + 56 + 2 * 8 +
			 3 * 4 + 4 * 4 + 2 * 32);
	assert_int_equal((const char *)jailhouse_cell_mem_regions(&cell) - base,
			 148);
	assert_int_equal((const char *)jailhouse_cell_irqchips(&cell) - base,
			 148 + 96 + 12);
	assert_int_equal((const char *)jailhouse_cell_smc_ids(&cell) - base,
			 148 + 96 + 12 + 64 + 4 + 56 + 16 + 12);
	assert_int_equal((const char *)jailhouse_cell_vendors(&cell) - base,
			 148 + 96 + 12 + 64 + 4 + 56 + 16 + 12 + 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_system),
		cmocka_unit_test(test_cell_desc),
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_pci_device),
		cmocka_unit_test(test_pci_msi_bits),
		cmocka_unit_test(test_console_and_vendor),
		cmocka_unit_test(test_header_and_comm_region),
		cmocka_unit_test(test_ioctls),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_hvc_insn),
		cmocka_unit_test(test_config_size),
	};

	return cmocka_run_group_tests_name("abi", tests, NULL, NULL);
}
