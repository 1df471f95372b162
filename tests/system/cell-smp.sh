#!/bin/sh
# An SMP cell on CPUs 2 and 3: the first CPU switches the second on with
# PSCI CPU_ON (CPUs outside the cell are refused), they exchange SGIs,
# and a virtual SGI's pending state shows in GICR_ISPENDR0 and clears
# through GICR_ICPENDR0.  The cell's SPI leaves the root cell and comes
# back on destroy.  The cell's first line can interleave with the root's
# "Started cell" on the shared UART: its expectation anchors at the end.
# artefacts: yes
# configs: qemu-smp-cell
# timeout: 120
# expect: ^enable: exit 0$
# expect: ^create: exit 0$
# expect: ^INTID 40 enabled by root while the cell has it: 0$
# expect: CPU 2 up$
# expect: smp-demo: started CPU 3
# expect: smp-demo: CPU 3 up
# expect: smp-demo: SGI 7 pending: yes
# expect: smp-demo: SGI 7 cleared: yes
# expect: smp-demo: CPU 3 got SGI 5
# expect: smp-demo: CPU 2 got SGI 6 from CPU 3
# expect: smp-demo: done, 2 CPUs
# expect: ^2       smp-demo +running +2-3 +$
# expect: ^destroy: exit 0$
# expect: ^cpus online after destroy: 0-3$
# expect: ^INTID 40 enabled by root after destroy: 256$
# expect: ^disable: exit 0$
# reject: ^FATAL
# reject: smp-demo: started CPU [01]
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
# a cell with id 1 first, so that this one gets id 2
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell
jailhouse cell create /test/qemu-smp-cell.cell
echo "create: exit $?"
jailhouse cell destroy inmate-demo
# GICD_ISENABLER1 bit 8: the root cell's write is dropped, its read masked
enabled_40() {
	devmem 0x08000104 32 0x100
	echo $(( $(devmem 0x08000104 32) & 0x100 ))
	devmem 0x08000184 32 0x100
}
echo "INTID 40 enabled by root while the cell has it: $(enabled_40)"
jailhouse cell load smp-demo $inmates/smp-demo.bin
jailhouse cell start smp-demo
sleep 2
jailhouse cell list | grep smp-demo
jailhouse cell destroy smp-demo
echo "destroy: exit $?"
echo "cpus online after destroy: $(cat /sys/devices/system/cpu/online)"
echo "INTID 40 enabled by root after destroy: $(enabled_40)"
jailhouse disable
echo "disable: exit $?"
