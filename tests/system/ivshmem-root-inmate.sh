#!/bin/sh
# IVSHMEM v2 between the root cell (Linux, uio_ivshmem + ivshmem-demo)
# and a bare-metal cell: each sees the other's ID and state, 3 interrupts
# go each way and 3 arrive, the root's INTx is the INTID its config names,
# the R/W section is shared; a destroyed inmate reads as gone in the root
# cell's state table and reconnects when created again.
# artefacts: yes
# timeout: 150
# expect: uio_ivshmem 0001:00:00.0: state table 0x1000, rw 0x9000, output 0x2000 \(x3 peers\) at 0x7fa00000, ID 0
# expect: ^enable: exit 0$
# expect: ^root INTx: GIC INTID 128$
# expect: ^ID = 0$
# expect: ^Maximum peers = 3$
# expect: ^state\[1\] = 2$
# expect: ^done: 3 sent, 3 received$
# expect: ^inmate: received 3, sent 3$
# expect: ^rw section: 0x00001000 0x00001001$
# expect: ^after destroy: state\[1\] = 0$
# expect: ^after create: state\[1\] = 2$
# expect: ^disable: exit 0$
# reject: ^FATAL
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
shmem=0x7fa00000
modprobe jailhouse
modprobe uio_ivshmem
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
sleep 1
irq=$(cat /sys/bus/pci/devices/0001:00:00.0/irq)
echo "root INTx: GIC INTID $(cat /sys/kernel/irq/$irq/hwirq)"

word() {
	printf '0x%08x' $(devmem $(( $1 )) 32)
}
jailhouse cell create $cells/qemu-arm64-ivshmem-demo.cell
jailhouse cell load ivshmem-demo $inmates/ivshmem-demo.bin \
	-s "target=0 count=3 period=300000" -a 0x1000
jailhouse cell start ivshmem-demo
sleep 1
ivshmem-demo -d /dev/uio0 -t 1 -c 3 -i 400
sleep 1
out=$(( shmem + 0x1000 + 0x9000 + 0x2000 ))
echo "inmate: received $(( $(word $out) )), sent $(( $(word $out+4) ))"
echo "rw section: $(word $shmem+0x1000) $(word $shmem+0x1004)"
jailhouse cell destroy ivshmem-demo
echo "after destroy: $(ivshmem-demo -c 0 -i 1 | grep 'state\[1\]')"
jailhouse cell create $cells/qemu-arm64-ivshmem-demo.cell
jailhouse cell load ivshmem-demo $inmates/ivshmem-demo.bin \
	-s "target=0 count=0" -a 0x1000
jailhouse cell start ivshmem-demo
sleep 1
echo "after create: $(ivshmem-demo -c 0 -i 1 | grep 'state\[1\]')"
jailhouse disable
echo "disable: exit $?"
