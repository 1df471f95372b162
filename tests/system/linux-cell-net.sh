#!/bin/sh
# The ivshmem-net link between the root cell and a Linux cell (QEMU VETH
# device 00:01.0): carrier only while both ends run, 100 pings each way
# without loss, 64 MiB over TCP each way with the data checked end to end
# (sha256 of what was sent against what arrived), and the link going down
# and up again as the cell is destroyed and created again.
# artefacts: yes
# linux-cell: yes
# timeout: 900
# expect: ^enable: exit 0$
# expect: ^root: eth0 on ivshmem-net, MTU 16384, carrier 0 without a peer$
# expect: \] cell: net: eth0 up as 192.168.0.2/24, MTU 16384$
# expect: \] cell: serving commands on port 23$
# expect: ^root: carrier 1 with the cell running$
# expect: ^root -> cell: 100 packets transmitted, 100 packets received, 0% packet loss$
# expect: ^cell -> root: 100 packets transmitted, 100 packets received, 0% packet loss$
# expect: ^tcp root -> cell: 67108864 bytes, the cell got the same sha256$
# expect: ^tcp cell -> root: 67108864 bytes, the root got the same sha256$
# expect: ^root: interrupts of the link counted: yes$
# expect: ^destroy: exit 0, carrier 0$
# expect: ^root: a ping to the destroyed cell: no answer$
# expect: \] cell: serving commands on port 23$
# expect: ^again: carrier 1, ping answered$
# expect: ^again: cell -> root: 10 packets transmitted, 10 packets received, 0% packet loss$
# expect: ^destroy: exit 0, carrier 0$
# expect: ^rmmod ivshmem-net: exit 0$
# expect: ^disable: exit 0$
# reject: WARNING:
# reject: ivshmem-net.*(bad|invalid)
. /test/linux-cell.sh

# the link's interrupts so far, on all CPUs the root cell has
link_irqs() {
	awk '/ivshmem-net/ { s = 0
		for (i = 2; $i ~ /^[0-9]+$/; i++) s += $i
		print s }' /proc/interrupts
}

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
veth_up
sleep 1
echo "root: $veth on ivshmem-net, MTU $(cat /sys/class/net/$veth/mtu)," \
	"carrier $(cat /sys/class/net/$veth/carrier) without a peer"

linux_cell serve
wait_carrier "$veth" 1 300 || echo "root: no carrier after 300 s"
wait_ping 60 || echo "root: the cell does not answer"
sleep 2
echo "root: carrier $(cat /sys/class/net/$veth/carrier) with the cell running"
irqs_before=$(link_irqs)

echo "root -> cell: $(ping -c 100 -i 0.02 -W 2 $cell_ip | grep transmitted)"
echo "cell -> root: $(in_cell "ping -c 100 -i 0.02 -W 2 $root_ip" |
	grep transmitted)"

# root -> cell: the cell sums what arrives on port 5001
size=67108864
in_cell "(sleep 3600 | nc -l -p 5001 | sha256sum > /tmp/rx.sum) \
	< /dev/null > /dev/null 2>&1 &"
sleep 1
mkfifo /tmp/tx
sha256sum < /tmp/tx > /tmp/tx.sum &
head -c $size /dev/urandom | tee /tmp/tx | nc $cell_ip 5001
wait
n=0
while [ -z "$(in_cell "cat /tmp/rx.sum 2>/dev/null")" ] && [ $n -lt 60 ]; do
	sleep 1
	n=$((n + 1))
done
if [ "$(in_cell "cat /tmp/rx.sum")" = "$(cat /tmp/tx.sum)" ]; then
	echo "tcp root -> cell: $size bytes, the cell got the same sha256"
else
	echo "tcp root -> cell: sent $(cat /tmp/tx.sum), the cell got" \
		"$(in_cell "cat /tmp/rx.sum")"
fi

# cell -> root: the root sums what arrives on port 5002
(sleep 3600 | nc -l -p 5002 | sha256sum > /tmp/rx.sum) < /dev/null &
sleep 1
in_cell "mkfifo /tmp/tx; sha256sum < /tmp/tx > /tmp/tx.sum &
	head -c $size /dev/urandom | tee /tmp/tx | nc $root_ip 5002; wait"
n=0
while [ ! -s /tmp/rx.sum ] && [ $n -lt 60 ]; do sleep 1; n=$((n + 1)); done
if [ "$(in_cell "cat /tmp/tx.sum")" = "$(cat /tmp/rx.sum)" ]; then
	echo "tcp cell -> root: $size bytes, the root got the same sha256"
else
	echo "tcp cell -> root: the cell sent $(in_cell "cat /tmp/tx.sum")," \
		"the root got $(cat /tmp/rx.sum)"
fi
irqs_after=$(link_irqs)
counted=no
[ "$irqs_after" -gt $((irqs_before + 100)) ] && counted=yes
echo "root: interrupts of the link counted: $counted"

# the peer goes away: carrier off at once, nothing waits for it
destroy_demo
if ping -c 2 -W 1 $cell_ip > /dev/null 2>&1; then
	echo "root: a ping to the destroyed cell: answered"
else
	echo "root: a ping to the destroyed cell: no answer"
fi

# and comes back: the handshake again, the link carries traffic
linux_cell serve
wait_carrier "$veth" 1 300
wait_ping 60 && answered=answered || answered="not answered"
sleep 2
echo "again: carrier $(cat /sys/class/net/$veth/carrier), ping $answered"
echo "again: cell -> root: $(in_cell "ping -c 10 -i 0.02 -W 2 $root_ip" |
	grep transmitted)"
destroy_demo
ip link set "$veth" down
rmmod ivshmem-net
echo "rmmod ivshmem-net: exit $?"
jailhouse disable
echo "disable: exit $?"
