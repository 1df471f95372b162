#!/bin/sh
# jailhouse enable on the QEMU bench: Linux keeps all 4 CPUs and runs on
# as the root cell, the hypervisor's banner is in its console, disable
# gives the machine back.
# artefacts: yes
# timeout: 120
# expect: jailhouse: driver v.* loaded
# expect: ^enable: exit 0$
# expect: ^enabled: 1$
# expect: ^online CPUs: 0-3$
# expect: ^root cell: qemu-arm64 running 0-3$
# expect: ^hypercalls counted: yes$
# expect: Initializing Jailhouse hypervisor v.* on CPU
# expect: ^Activating hypervisor$
# expect: ^disable: exit 0$
# expect: ^enabled: 0$
# reject: FATAL
cells=/usr/share/jailhouse/cells
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
echo "enabled: $(cat /sys/devices/jailhouse/enabled)"
echo "online CPUs: $(cat /sys/devices/system/cpu/online)"
root=/sys/devices/jailhouse/cells/0
echo "root cell: $(cat $root/name) $(cat $root/state) $(cat $root/cpus_assigned_list)"
# reading a statistic is itself a hypercall on each root CPU
h1=$(cat $root/statistics/vmexits_hypercall)
h2=$(cat $root/statistics/vmexits_hypercall)
[ "$h2" -gt "$h1" ] && echo "hypercalls counted: yes"
echo "pool: $(cat /sys/devices/jailhouse/mem_pool_used) of $(cat /sys/devices/jailhouse/mem_pool_size) pages"
jailhouse console
jailhouse disable
echo "disable: exit $?"
echo "enabled: $(cat /sys/devices/jailhouse/enabled)"
