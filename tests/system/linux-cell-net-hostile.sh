#!/bin/sh
# A hostile peer on the ivshmem-net link: the Linux cell writes garbage
# into its own output section (an avail index 3000 entries ahead, then,
# after a restart of the link, a descriptor pointing outside the section)
# and rings the root cell's doorbell.  The root's driver refuses each with
# one line naming the device, stops receiving until the link restarts,
# and nothing hangs or warns; a new cell gets a working link.
# artefacts: yes
# linux-cell: yes
# timeout: 600
# expect: ^enable: exit 0$
# expect: ^root: carrier 1, ping answered$
# expect: ivshmem-net 0001:00:01\.0 eth0: bad rx avail index [0-9]+: [0-9]+ entries past [0-9]+ in a ring of 2048; receive stopped until the link restarts$
# expect: ^after the bad avail index: root alive, ping answered: no$
# expect: ^destroy: exit 0, carrier 0$
# expect: ^again: carrier 1, ping answered$
# expect: ivshmem-net 0001:00:01\.0 eth0: bad rx descriptor [0-9]+: flags 0x0, [0-9]+ bytes at 0xfffff000 \(section 0x7f000, data from 0xd080\); receive stopped until the link restarts$
# expect: ^after the bad descriptor: root alive, ping answered: no$
# expect: ^destroy: exit 0, carrier 0$
# expect: ^third cell: carrier 1, ping answered$
# expect: ^rmmod ivshmem-net: exit 0$
# expect: ^disable: exit 0$
# reject: WARNING:
. /test/linux-cell.sh

# the cell's output section (peer 1) and where its ring lives in it:
# 2048 descriptors of 16 bytes, then avail.flags, avail.idx
out=$((0x7fb80000))
avail_idx=$((out + 0x8002))

start_cell() {
	linux_cell serve
	wait_carrier "$veth" 1 300
	wait_ping 60 && answered=answered || answered="not answered"
	sleep 2
}

# in_cell_quiet COMMANDS: run COMMANDS in the cell a second after its
# connection closed, when the cell sends nothing: any frame it sent in
# between would rewrite its avail index
in_cell_quiet() {
	in_cell "(sleep 1; $*) < /dev/null > /dev/null 2>&1 &"
	sleep 3
}

# the cell's commands to ring peer 0's doorbell (its BAR0 + 0x0c)
ring_root='bar=$(head -n 1 /sys/bus/pci/devices/0000:00:01.0/resource |
	cut -d" " -f1); devmem $((bar + 12)) 32 0'

# attack WHAT COMMANDS: the cell runs COMMANDS on its own section and
# rings the root; then whether the root still answers, and the cell goes
attack() {
	in_cell_quiet "$2; $ring_root"
	ping -c 2 -W 1 $cell_ip > /dev/null 2>&1 && answered=yes || answered=no
	echo "after the $1: root alive, ping answered: $answered"
	destroy_demo
}

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
veth_up

start_cell
echo "root: carrier $(cat /sys/class/net/$veth/carrier), ping $answered"
attack "bad avail index" "idx=\$(devmem $avail_idx 16)
	devmem $avail_idx 16 \$(( (idx + 3000) & 0xffff ))"

start_cell
echo "again: carrier $(cat /sys/class/net/$veth/carrier), ping $answered"
# the next descriptor the cell will post, made to point far outside the
# section, and published
attack "bad descriptor" "idx=\$(devmem $avail_idx 16); slot=\$((idx & 2047))
	devmem \$(($out + slot * 16)) 64 0xfffff000
	devmem \$(($out + 0x8004 + slot * 2)) 16 \$slot
	devmem $avail_idx 16 \$(( (idx + 1) & 0xffff ))"

start_cell
echo "third cell: carrier $(cat /sys/class/net/$veth/carrier), ping $answered"
jailhouse cell destroy qemu-arm64-linux-demo
ip link set "$veth" down
rmmod ivshmem-net
echo "rmmod ivshmem-net: exit $?"
jailhouse disable
echo "disable: exit $?"
