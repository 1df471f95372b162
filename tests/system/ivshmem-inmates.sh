#!/bin/sh
# IVSHMEM v2 between two bare-metal cells (peers 1 and 2 of 00:00.0), the
# root cell reading the shared memory: each finds the device, rings the
# other 3 times and gets exactly 3 interrupts, at the INTID its config
# names; the state table and the R/W section show both; a write into the
# other's output section stops the writer; a destroyed peer reads as gone
# (and the other one hears it); created again, it reconnects.
# artefacts: yes
# configs: qemu-ivshmem-peer2
# timeout: 150
# expect: ^enable: exit 0$
# expect: ^create: exit 0 0$
# expect: IVSHMEM: Enabled IRQ: 140
# expect: IVSHMEM: Enabled IRQ: 152
# expect: ^state table: 0 2 3$
# expect: ^rw section: 0x00001001 0x00001002$
# expect: ^peer 1: received 3, sent 3$
# expect: ^peer 2: received 3, sent 3$
# expect: ^FATAL: CPU 3: unhandled data write at 0x7fa0c000, 4 bytes \(PC 0x[0-9a-f]+, cell 'ivshmem-peer2'\)$
# expect: ^peer 1's output section: 4$
# expect: ^after peer 2 failed: state table: 0 2 0$
# expect: ^peer 1: received 4, sent 3$
# expect: ^after peer 2 was created again: state table: 0 2 3$
# expect: ^disable: exit 0$
# reject: IVSHMEM: still running
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
shmem=0x7fa00000
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
jailhouse cell create $cells/qemu-arm64-ivshmem-demo.cell
a=$?
jailhouse cell create /test/qemu-ivshmem-peer2.cell
echo "create: exit $a $?"

word() {
	printf '0x%08x' $(devmem $(( $1 )) 32)
}
state_table() {
	echo "$(( $(word $shmem) )) $(( $(word $shmem+4) )) $(( $(word $shmem+8) ))"
}
# the output section of peer N: [0] received, [1] sent
counts() {
	out=$(( shmem + 0x1000 + 0x9000 + $1 * 0x2000 ))
	echo "peer $1: received $(( $(word $out) )), sent $(( $(word $out+4) ))"
}

jailhouse cell load ivshmem-demo $inmates/ivshmem-demo.bin \
	-s "target=2 count=3 period=300000" -a 0x1000
jailhouse cell load ivshmem-peer2 $inmates/ivshmem-demo.bin \
	-s "target=1 count=3 period=300000 write-other=1 write-delay=3000000" \
	-a 0x1000
jailhouse cell start ivshmem-demo
jailhouse cell start ivshmem-peer2
sleep 2.5
echo "state table: $(state_table)"
echo "rw section: $(word $shmem+0x1000+4) $(word $shmem+0x1000+8)"
counts 1
counts 2
sleep 3
jailhouse console | grep FATAL
echo "peer 1's output section: $(( $(word $shmem+0xa000+0x2000) ))"
echo "after peer 2 failed: state table: $(state_table)"
counts 1
jailhouse cell destroy ivshmem-peer2
jailhouse cell create /test/qemu-ivshmem-peer2.cell
jailhouse cell load ivshmem-peer2 $inmates/ivshmem-demo.bin \
	-s "target=1 count=0" -a 0x1000
jailhouse cell start ivshmem-peer2
sleep 1
echo "after peer 2 was created again: state table: $(state_table)"
jailhouse cell destroy ivshmem-peer2
jailhouse cell destroy ivshmem-demo
jailhouse disable
echo "disable: exit $?"
