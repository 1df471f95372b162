#!/bin/sh
# TI's linux-demo.sh with its crash test (-c -b) on the bench: it boots
# the Linux cell, brings up the root cell's end of the ivshmem-net link
# and pings the cell once a second.  The cell then fails (both its CPUs
# read root-cell RAM and are parked): the root's carrier goes off, and the
# crash test reports the first ping after the failure, "No response
# received for packet N".  The cell is destroyed and started again by
# linux-demo.sh without -c; the link comes back.
# artefacts: yes
# linux-cell: yes
# timeout: 600
# expect: ^usage: .*linux-demo.sh \[-c \[-b\] \[-n COUNT\] \[-v\]\] \[KERNEL \[INITRD\]\]$
# expect: ^linux-demo.sh -x: exit 2$
# expect: ^Crash test running in the background \(PID [0-9]+\)$
# expect: ^Crash test: eth0 \(192\.168\.0\.3/24\), waiting up to 120 s for the Linux cell at 192\.168\.0\.2$
# expect: ^Crash test: the Linux cell at 192\.168\.0\.2 answers; one ping a second$
# expect: ^before the failure: carrier 1, packets answered: yes$
# expect: ^FATAL: CPU [23]: unhandled data read at 0x40000000, 4 bytes
# expect: ^FATAL: CPU [23]: unhandled data read at 0x40000000, 4 bytes
# expect: ^cell state: failed, carrier 0$
# expect: ^No response received for packet [0-9]+$
# expect: ^crash test: the first ping after the failure has no response: yes$
# expect: ^destroy: exit 0$
# expect: ^again: carrier 1, ping answered$
# expect: ^disable: exit 0$
# reject: WARNING:
. /test/linux-cell.sh

demo=/usr/share/jailhouse/linux-demo.sh
$demo -x 2>&1 | grep "^usage"
$demo -x > /dev/null 2>&1
echo "linux-demo.sh -x: exit $?"

export JH_CMDLINE_APPEND="jh_action=serve"
$demo -c -b -v $linux/Image $linux/rootfs.cpio.gz > /tmp/crash.log 2>&1
n=0
until grep -q "answers; one ping" /tmp/crash.log || [ $n -ge 3000 ]; do
	sleep 0.1
	n=$((n + 1))
done
sleep 3
veth=$(veth_if)
# only now: the root's lines would mix with the cell's boot log
grep "^Crash test" /tmp/crash.log
answered=no
grep -q "^Response received for packet 1$" /tmp/crash.log && answered=yes
echo "before the failure: carrier $(cat /sys/class/net/$veth/carrier)," \
	"packets answered: $answered"

# both CPUs of the cell read root-cell RAM: the cell fails
last=$(grep "^Response received" /tmp/crash.log | tail -n 1)
in_cell "taskset -c 0 devmem 0x40000000 32 & taskset -c 1 devmem 0x40000000 32" \
	> /dev/null 2>&1 &
wait_state 1 failed 60
wait_carrier "$veth" 0 10
jailhouse console | grep "^FATAL: CPU" | tail -n 2
echo "cell state: $(cat $sys/cells/1/state), carrier" \
	"$(cat /sys/class/net/$veth/carrier)"
n=0
until grep -q "^No response received" /tmp/crash.log || [ $n -ge 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
# the last answered packet before the failure was seen by the test, so the
# first unanswered one is at most two packets later (one more may have
# been answered while the two CPUs were being parked)
last=${last##* }
first=$(grep -m 1 "^No response received" /tmp/crash.log)
echo "$first"
first=${first##* }
prompt=no
[ -n "$first" ] && [ "$first" -le $((last + 2)) ] && prompt=yes
echo "crash test: the first ping after the failure has no response: $prompt"
[ $prompt = yes ] || cat /tmp/crash.log
killall linux-demo.sh 2>/dev/null
jailhouse cell destroy qemu-arm64-linux-demo
echo "destroy: exit $?"

$demo $linux/Image $linux/rootfs.cpio.gz > /dev/null 2>&1
wait_carrier "$veth" 1 300
wait_ping 60 && answered=answered || answered="not answered"
sleep 2
echo "again: carrier $(cat /sys/class/net/$veth/carrier), ping $answered"
jailhouse cell destroy qemu-arm64-linux-demo
jailhouse disable
echo "disable: exit $?"
