#!/bin/sh
# CPU hotplug of the root cell under the hypervisor: PSCI CPU_OFF parks
# the CPU in the hypervisor, AFFINITY_INFO reports it off, CPU_ON starts
# it again at Linux's entry; disable waits for it to be back, and the
# hypervisor can be enabled again afterwards.
# artefacts: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: ^offline: 0-2$
# expect: ^CPU 3 of the root cell is offline: bring it online
# expect: ^disable while offline: exit 1$
# expect: ^online again: 0-3$
# expect: ^work on CPU 3: [0-9a-f]{64}$
# expect: ^PSCI calls counted: yes$
# expect: ^disable: exit 0$
# expect: ^enable again: exit 0$
# expect: ^disable again: exit 0$
# reject: FATAL
cells=/usr/share/jailhouse/cells
cpu3=/sys/devices/system/cpu/cpu3/online
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
echo 0 > $cpu3
echo "offline: $(cat /sys/devices/system/cpu/online)"
jailhouse disable
echo "disable while offline: exit $?"
echo 1 > $cpu3
echo "online again: $(cat /sys/devices/system/cpu/online)"
echo "work on CPU 3: $(taskset -c 3 sh -c 'seq 1 5000 | sha256sum' | cut -d' ' -f1)"
psci=$(cat /sys/devices/jailhouse/cells/0/statistics/vmexits_psci)
[ "$psci" -ge 3 ] && echo "PSCI calls counted: yes"
jailhouse disable
echo "disable: exit $?"
jailhouse enable $cells/qemu-arm64.cell
echo "enable again: exit $?"
jailhouse disable
echo "disable again: exit $?"
