#!/bin/sh
# 50 create/load/start/destroy cycles in one boot, while Linux hashes a
# file on its other CPUs: every hash stays the same, CPU 1 comes back
# every time, and the page pool ends where it began.
# artefacts: yes
# timeout: 400
# expect: ^enable: exit 0$
# expect: ^cycles done: 50 of 50$
# expect: ^cpu1 back online: 50 of 50$
# expect: ^workload: [1-9][0-9]* runs, 0 wrong$
# expect: ^page pool: same as after enable$
# reject: ^FATAL
# reject: ^cycle [0-9]+ failed
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
sys=/sys/devices/jailhouse
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
baseline=$(cat $sys/mem_pool_used)

dd if=/dev/urandom of=/tmp/data bs=1M count=2 2>/dev/null
reference=$(sha256sum /tmp/data | cut -d' ' -f1)
(
	runs=0 wrong=0
	while [ ! -e /tmp/stop ]; do
		[ "$(taskset -c 0,2,3 sha256sum /tmp/data | cut -d' ' -f1)" = \
		  "$reference" ] || wrong=$((wrong + 1))
		runs=$((runs + 1))
	done
	echo "workload: $runs runs, $wrong wrong" > /tmp/workload
) &

done=0 online=0
for n in $(seq 50); do
	if [ $((n % 2)) = 0 ]; then demo=gic-demo; else demo=uart-demo; fi
	if jailhouse cell create $cells/qemu-arm64-inmate-demo.cell &&
	   jailhouse cell load inmate-demo $inmates/$demo.bin &&
	   jailhouse cell start inmate-demo &&
	   sleep 0.2 &&
	   jailhouse cell destroy inmate-demo; then
		done=$((done + 1))
	else
		echo "cycle $n failed"
		jailhouse cell destroy inmate-demo 2>/dev/null
	fi
	[ "$(cat /sys/devices/system/cpu/cpu1/online)" = 1 ] &&
		online=$((online + 1))
done
touch /tmp/stop
wait
echo "cycles done: $done of 50"
echo "cpu1 back online: $online of 50"
cat /tmp/workload
used=$(cat $sys/mem_pool_used)
if [ "$used" = "$baseline" ]; then
	echo "page pool: same as after enable"
else
	echo "page pool: $baseline pages after enable, $used after the cycles"
fi
jailhouse disable
echo "disable: exit $?"
