#!/bin/sh
# NXP's uio_send / uio_read against the bare-metal ivshmem-demo (peer 1):
# uio_read waits for the inmate's 3 doorbells and shows its output section
# (its "sent" counter 1, 2, 3) each time; uio_send rings the inmate 3
# times with "ping #i" in the root's output section, the inmate counts 3
# interrupts and reads the last ping's count; /proc/interrupts shows 3 more
# for the root's uio_ivshmem line.  Bad input (no such device, not a UIO
# device, peer out of range or the own ID, vector 1, a bad count, no
# interrupt in time) gives one line on stderr, exit 1 and no ping.
# artefacts: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: ^device: /dev/uio[0-9]$
# expect: IVSHMEM: ID = 1$
# expect: IVSHMEM: Interrupt #1$
# expect: IVSHMEM: Interrupt #2$
# expect: IVSHMEM: Interrupt #3$
# expect: IVSHMEM: in@0x0000 = 3$
# expect: IVSHMEM: done: 3 sent, 3 received$
# expect: ^send: \[UIO\] opening file /dev/uio[0-9]$
# expect: ^send: \[UIO\] count is 3$
# expect: ^send: \[UIO\] writingV 0$
# expect: ^send: \[UIO\] to peer 1 \(this is peer 0 of 3\), doorbell value 0x00010000, every 200 ms$
# expect: ^send: \[UIO\] state is 1$
# expect: ^send: \[UIO\] ping #0$
# expect: ^send: \[UIO\]   wrote 1 "ping #0" into the output section, rang 0x00010000$
# expect: ^send: \[UIO\] ping #1$
# expect: ^send: \[UIO\]   wrote 2 "ping #1" into the output section, rang 0x00010000$
# expect: ^send: \[UIO\] ping #2$
# expect: ^send: \[UIO\]   wrote 3 "ping #2" into the output section, rang 0x00010000$
# expect: ^send: \[UIO\] Exiting\.\.\.$
# expect: ^uio_send: exit 0$
# expect: ^read: \[UIO\] opening file /dev/uio[0-9]$
# expect: ^read: \[UIO\] count is 3$
# expect: ^read: \[UIO\] this is peer 0 of 3$
# expect: ^read: \[UIO\] state set to 1 \(was 0\): peers see peer 0 running$
# expect: ^read: \[UIO\] interrupts enabled, waiting$
# expect: ^read: \[UIO\] interrupt #1$
# expect: ^read: \[UIO\]   state table: 1 2 0$
# expect: ^read: \[UIO\]   rw section: [0-9a-f]{8} 00001001 00000000 00000000  \|
# expect: ^read: \[UIO\]   output of peer 1: 0000000[0-3] 00000001 00000000 00000000  \|
# expect: ^read: \[UIO\] interrupt #2$
# expect: ^read: \[UIO\]   output of peer 1: 0000000[0-3] 00000002 00000000 00000000  \|
# expect: ^read: \[UIO\] interrupt #3$
# expect: ^read: \[UIO\]   output of peer 1: 0000000[0-3] 00000003 00000000 00000000  \|
# expect: ^read: \[UIO\] Exiting\.\.\.$
# expect: ^uio_read: exit 0, 24 lines$
# expect: ^uio_ivshmem interrupts: 3 more$
# expect: ^bad device: exit 1, 1 line, 0 pings: uio_send: /dev/uio7: cannot open: No such file or directory$
# expect: ^not UIO: exit 1, 1 line, 0 pings: uio_send: /dev/null: a mem device, not a UIO device \(/dev/uioN\)$
# expect: ^bad peer: exit 1, 1 line, 0 pings: uio_send: /dev/uio[0-9]: peer 3 out of range \(0-2\): the device has 3 peers$
# expect: ^own peer: exit 1, 1 line, 0 pings: uio_send: /dev/uio[0-9]: peer 0 is this device's own ID: ring another one \(0-2\)$
# expect: ^bad vector: exit 1, 1 line, 0 pings: uio_send: /dev/uio[0-9]: vector 1 out of range \(0-0\): the device signals INTx, one vector$
# expect: ^bad count: exit 1, 1 line, 0 pings: uio_send: /dev/uio[0-9]: count "x" is not a number \(decimal or 0x hex\)$
# expect: ^bad read count: exit 1, 1 line, 0 pings: uio_read: /dev/uio[0-9]: count -1 out of range \(0-1000000000\)$
# expect: ^no interrupt: exit 1, 1 line, 0 pings: uio_read: /dev/uio[0-9]: no interrupt within 1 s \(got 0 of 1\)$
# expect: ^final: \[UIO\] count is 0$
# expect: ^final: \[UIO\]   state table: 1 2 0$
# expect: ^final: \[UIO\]   output of peer 0 \(own\): 00000003 676e6970 00322320 00000000  \|\.\.\.\.ping #2\.\.\.\.\.\|$
# expect: ^final: \[UIO\]   output of peer 1: 00000003 00000003 00000000 00000000  \|\.{16}\|$
# expect: ^final: \[UIO\]   output of peer 2: 
# expect: ^final: \[UIO\] Exiting\.\.\.$
# expect: ^disable: exit 0$
# reject: IVSHMEM: Interrupt #4
# reject: ^FATAL
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
pci=/sys/bus/pci/devices/0001:00:00.0
modprobe jailhouse
modprobe uio_ivshmem
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
sleep 1
uio=/dev/$(ls $pci/uio)
echo "device: $uio"
irq=$(cat $pci/irq)
# the interrupts of the root's demo device, all CPUs
interrupts() {
	awk -v irq="$irq:" '$1 == irq { n = 0
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i
		print n }' /proc/interrupts
}

# The inmate starts once the root's state is set (uio_read does), then
# rings the root 3 times, a second apart; it prints the shared memory a
# second after the last.
jailhouse cell create $cells/qemu-arm64-ivshmem-demo.cell
jailhouse cell load ivshmem-demo $inmates/ivshmem-demo.bin \
	-s "target=0 count=3 period=1000000" -a 0x1000
jailhouse cell start ivshmem-demo
sleep 1
before=$(interrupts)

# the tools' output to files, printed afterwards: the inmate writes the
# UART directly, and lines of both would mix
uio_read -w 20 $uio 3 >/tmp/read.log 2>&1 &
reader=$!
n=0
while ! grep -q 'waiting$' /tmp/read.log && [ $n -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
uio_send -i 200 $uio 3 0 1 >/tmp/send.log 2>&1
send=$?
wait $reader
read=$?
after=$(interrupts)
# the inmate's last lines
sleep 2
sed 's/^/send: /' /tmp/send.log
echo "uio_send: exit $send"
sed 's/^/read: /' /tmp/read.log
echo "uio_read: exit $read, $(wc -l </tmp/read.log) lines"
grep uio_ivshmem /proc/interrupts
echo "uio_ivshmem interrupts: $((after - before)) more"

# LABEL COMMAND...: its exit status, stderr and the pings it printed
bad() {
	label=$1
	shift
	err=$("$@" 2>&1 >/tmp/bad.out)
	rc=$?
	echo "$label: exit $rc, $(echo "$err" | wc -l) line," \
		"$(grep -c 'ping #' /tmp/bad.out) pings: $err"
}
bad "bad device" uio_send -i 0 /dev/uio7 1 0 1
bad "not UIO" uio_send -i 0 /dev/null 1 0 1
bad "bad peer" uio_send -i 0 $uio 1 0 3
bad "own peer" uio_send -i 0 $uio 1 0 0
bad "bad vector" uio_send -i 0 $uio 1 1 1
bad "bad count" uio_send -i 0 $uio x 0 1
bad "bad read count" uio_read $uio -1
bad "no interrupt" uio_read -w 1 $uio 1
# nothing rang: the inmate still has 3
uio_read $uio 0 | sed 's/^/final: /'

jailhouse cell destroy ivshmem-demo
jailhouse disable
echo "disable: exit $?"
