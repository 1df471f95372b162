#!/bin/sh
# A root configuration whose virtual PCI host lies on the GIC
# redistributors (upstream's QEMU ECAM, 0x08e00000): the overlay is
# applied, but pci-host-generic cannot claim the range.  enable fails
# with the reason, the hypervisor is disabled again, and the bench's own
# configuration enables afterwards with its host taken by the driver.
# artefacts: yes
# configs: qemu-vpci-on-gicr
# expect: ^JAILHOUSE_ENABLE: No such device$
# expect: ^virtual PCI host at 0x8e00000: pci-host-generic did not take it \(its error is in the kernel log\): its ECAM and BAR window 0x8e00000-0x[0-9a-f]+ must not overlap anything in /proc/iomem or the device tree; move platform_info.pci_mmconfig_base to a free range; the hypervisor was disabled again$
# expect: ^refused enable: exit 1, enabled 0$
# reject: virtual PCI host at 0x8e00000 added
# expect: virtual PCI host at 0xc000000 added
# expect: ^enable: exit 0, PCI host bound: yes$
# expect: ^disable: exit 0$
modprobe jailhouse
jailhouse enable /test/qemu-vpci-on-gicr.cell
echo "refused enable: exit $?, enabled $(cat /sys/devices/jailhouse/enabled)"
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
rc=$?
[ -e /sys/bus/platform/devices/c000000.pci/driver ] && bound=yes || bound=no
echo "enable: exit $rc, PCI host bound: $bound"
jailhouse disable
echo "disable: exit $?"
