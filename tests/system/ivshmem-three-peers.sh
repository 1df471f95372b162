#!/bin/sh
# Three IVSHMEM peers, as in the TI chapter's layout: the root cell (peer
# 0, Linux) and two bare-metal cells (peers 1 and 2) ring each other in a
# ring 0 -> 1 -> 2 -> 0, 3 times each; every peer gets exactly 3
# interrupts, each at its own INTID (128, 140, 152).
# artefacts: yes
# configs: qemu-ivshmem-peer2
# timeout: 150
# expect: ^enable: exit 0$
# expect: IVSHMEM: Enabled IRQ: 140
# expect: IVSHMEM: Enabled IRQ: 152
# expect: ^state\[0\] = 0$
# expect: ^state\[1\] = 2$
# expect: ^state\[2\] = 3$
# expect: ^done: 3 sent, 3 received$
# expect: ^peer 1: received 3, sent 3$
# expect: ^peer 2: received 3, sent 3$
# expect: ^disable: exit 0$
# reject: ^FATAL
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
shmem=0x7fa00000
modprobe jailhouse
modprobe uio_ivshmem
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
word() {
	printf '0x%08x' $(devmem $(( $1 )) 32)
}
counts() {
	out=$(( shmem + 0x1000 + 0x9000 + $1 * 0x2000 ))
	echo "peer $1: received $(( $(word $out) )), sent $(( $(word $out+4) ))"
}
jailhouse cell create $cells/qemu-arm64-ivshmem-demo.cell
jailhouse cell create /test/qemu-ivshmem-peer2.cell
jailhouse cell load ivshmem-demo $inmates/ivshmem-demo.bin \
	-s "target=2 count=3 period=300000 wait-all=1" -a 0x1000
jailhouse cell load ivshmem-peer2 $inmates/ivshmem-demo.bin \
	-s "target=0 count=3 period=300000 wait-all=1" -a 0x1000
jailhouse cell start ivshmem-demo
jailhouse cell start ivshmem-peer2
sleep 1
ivshmem-demo -d /dev/uio0 -t 1 -c 3 -i 400
sleep 1
counts 1
counts 2
jailhouse cell destroy ivshmem-peer2
jailhouse cell destroy ivshmem-demo
jailhouse disable
echo "disable: exit $?"
