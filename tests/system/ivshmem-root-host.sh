#!/bin/sh
# The root cell gets its virtual PCI host with enable, as an ordinary
# PCI host bridge: the IVSHMEM device 00:00.0 of domain 1 shows with the
# IDs, class and INTx its configuration gives, its register BAR inside the
# window after the ECAM; disable takes the host away again.
# artefacts: yes
# timeout: 90
# expect: ^enable: exit 0$
# expect: ^device: 0001:00:00.0 vendor 0x110a device 0x4106 class 0xff0000$
# expect: ^BAR0: 0x000000000c100000 0x000000000c100fff$
# expect: ^disable: exit 0$
# expect: ^after disable: no device$
# expect: ^enable again: exit 0$
# expect: ^device again: 0001:00:00.0$
# reject: WARNING
cells=/usr/share/jailhouse/cells
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
sleep 1
dev=/sys/bus/pci/devices/0001:00:00.0
echo "device: $(basename $dev) vendor $(cat $dev/vendor) device" \
	"$(cat $dev/device) class $(cat $dev/class)"
echo "BAR0: $(head -1 $dev/resource | cut -d' ' -f1-2)"
jailhouse disable
echo "disable: exit $?"
[ -e $dev ] && echo "after disable: device still there" ||
	echo "after disable: no device"
jailhouse enable $cells/qemu-arm64.cell
echo "enable again: exit $?"
sleep 1
[ -e $dev ] && echo "device again: 0001:00:00.0"
jailhouse disable
