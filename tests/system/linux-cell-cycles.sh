#!/bin/sh
# Ten times in one boot: "jailhouse cell linux" boots Linux in a cell,
# which powers itself off; the cell is destroyed.  Every boot reaches the
# cell's init, CPUs 2 and 3 come back to the root cell every time, and
# the page pool is back at its value after enable after every destroy.
# artefacts: yes
# linux-cell: yes
# timeout: 600
# expect: ^enable: exit 0$
# expect: ^cycles done: 10 of 10$
# expect: ^cell init reached: 10 of 10$
# expect: ^cpus 2-3 back online: 10 of 10$
# expect: ^page pool back at its baseline: 10 of 10$
# expect: ^disable: exit 0$
# reject: ^FATAL
# reject: ^cycle [0-9]+ failed
. /test/linux-cell.sh

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
baseline=$(cat $sys/mem_pool_used)

done=0 reached=0 online=0 pool=0
for n in $(seq 10); do
	if linux_cell poweroff && wait_state 1 "shut down" 120; then
		reached=$((reached + 1))
	else
		echo "cycle $n failed: state $(cat $sys/cells/1/state)"
	fi
	jailhouse cell destroy qemu-arm64-linux-demo && done=$((done + 1))
	[ "$(cat /sys/devices/system/cpu/online)" = 0-3 ] &&
		online=$((online + 1))
	[ "$(cat $sys/mem_pool_used)" = "$baseline" ] && pool=$((pool + 1))
done
echo "cycles done: $done of 10"
echo "cell init reached: $reached of 10"
echo "cpus 2-3 back online: $online of 10"
echo "page pool back at its baseline: $pool of 10"
jailhouse disable
echo "disable: exit $?"
