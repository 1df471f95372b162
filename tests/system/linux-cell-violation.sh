#!/bin/sh
# A Linux cell that reads root-cell RAM (devmem 0x40000000) has that CPU
# parked with one line; the root cell is unaffected, the cell can be
# destroyed, and a new Linux cell boots in its place.
# artefacts: yes
# linux-cell: yes
# timeout: 300
# expect: ^enable: exit 0$
# expect: \] cell: reading root-cell RAM at 0x40000000
# expect: ^FATAL: CPU [23]: unhandled data read at 0x40000000, 4 bytes \(PC 0x[0-9a-f]+, cell 'qemu-arm64-linux-demo'\)$
# expect: ^CPU [23] of cell 'qemu-arm64-linux-demo' parked: the access above$
# expect: ^failed CPUs: [23]$
# expect: ^root still runs on 0-1: yes$
# expect: ^destroy: exit 0$
# expect: ^cpus online after destroy: 0-3$
# expect: \] cell: done, action poweroff$
# expect: ^again: state shut down$
# expect: ^disable: exit 0$
# reject: \] cell: devmem returned
. /test/linux-cell.sh

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
linux_cell devmem
n=0
while [ -z "$(cat $sys/cells/1/cpus_failed_list)" ] && [ $n -lt 1200 ]; do
	sleep 0.1
	n=$((n + 1))
done
jailhouse console | grep -E "^(FATAL|CPU [0-9] of)" | tail -n 2
echo "failed CPUs: $(cat $sys/cells/1/cpus_failed_list)"
ok=yes
for cpu in 0 1; do
	[ "$(taskset -c $cpu echo x)" = x ] || ok=no
done
echo "root still runs on 0-1: $ok"
jailhouse cell destroy qemu-arm64-linux-demo
echo "destroy: exit $?"
echo "cpus online after destroy: $(cat /sys/devices/system/cpu/online)"
linux_cell poweroff
wait_state 1 "shut down" 120
echo "again: state $(cat $sys/cells/1/state)"
jailhouse cell destroy qemu-arm64-linux-demo
jailhouse disable
echo "disable: exit $?"
