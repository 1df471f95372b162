#!/bin/sh
# The partitioning demo, run by scripts/main.sh inside the QEMU guest.
# It grows with the project: each step that lands adds its part.
set -e
echo "demo: kernel $(uname -r) on $(nproc) CPUs"
insmod /test/modules/elprobe.ko
dmesg | sed -n 's/.*elprobe: /demo: /p'
echo "demo: memory reserved for the hypervisor and its cells:"
grep ' : reserved$' /proc/iomem | grep -v '^ ' | sed 's/^/demo:   /'
cells=/usr/share/jailhouse/cells
jailhouse config check $cells/qemu-arm64.cell $cells/qemu-arm64-inmate-demo.cell \
	$cells/qemu-arm64-ivshmem-demo.cell | sed 's/^/demo: /'
jailhouse config check $cells/qemu-arm64.cell $cells/qemu-arm64-inmate-demo.cell \
	$cells/qemu-arm64-linux-demo.cell | sed 's/^/demo: /'
echo "demo: modprobe jailhouse; jailhouse enable qemu-arm64.cell"
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
root=/sys/devices/jailhouse/cells/0
echo "demo: Linux is the root cell '$(cat $root/name)' on CPUs" \
	"$(cat $root/cpus_assigned_list), all online:" \
	"$(cat /sys/devices/system/cpu/online)"
echo "demo: page pool: $(cat /sys/devices/jailhouse/mem_pool_used) of" \
	"$(cat /sys/devices/jailhouse/mem_pool_size) pages used"
inmates=/usr/share/jailhouse/inmates
echo "demo: jailhouse cell create qemu-arm64-inmate-demo.cell"
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell
echo "demo: CPUs online in Linux now: $(cat /sys/devices/system/cpu/online)"
echo "demo: jailhouse cell load inmate-demo gic-demo.bin; cell start"
jailhouse cell load inmate-demo $inmates/gic-demo.bin
jailhouse cell start inmate-demo
sleep 1
jailhouse cell list | sed 's/^/demo: /'
echo "demo: jailhouse cell shutdown, load uart-demo.bin, start"
jailhouse cell shutdown inmate-demo
jailhouse cell load inmate-demo $inmates/uart-demo.bin
jailhouse cell start inmate-demo
sleep 2
jailhouse cell stats inmate-demo | sed 's/^/demo: /'
echo "demo: jailhouse cell destroy inmate-demo"
jailhouse cell destroy inmate-demo
echo "demo: CPUs online in Linux again: $(cat /sys/devices/system/cpu/online)"
echo "demo: IVSHMEM: the root cell's virtual PCI device, uio_ivshmem"
modprobe uio_ivshmem
ls /sys/bus/pci/drivers/uio_ivshmem | grep : | sed 's/^/demo:   /'
echo "demo: jailhouse cell create qemu-arm64-ivshmem-demo.cell; load" \
	"ivshmem-demo.bin; start"
jailhouse cell create $cells/qemu-arm64-ivshmem-demo.cell
jailhouse cell load ivshmem-demo $inmates/ivshmem-demo.bin \
	-s "target=0 count=3 period=300000" -a 0x1000
jailhouse cell start ivshmem-demo
sleep 1
echo "demo: ivshmem-demo in the root cell, 3 interrupts each way"
ivshmem-demo -d /dev/uio0 -t 1 -c 3 -i 400 | sed 's/^/demo: /'
jailhouse cell destroy ivshmem-demo
echo "demo: modprobe ivshmem-net: the network link 00:01.0 to the Linux cell"
modprobe ivshmem-net
sleep 1
veth=$(ls /sys/bus/pci/drivers/ivshmem-net/0001:00:01.0/net)
ip addr add 192.168.0.3/24 dev "$veth"
ip link set "$veth" up
echo "demo: $veth is 192.168.0.3, carrier $(cat /sys/class/net/$veth/carrier)" \
	"(no peer yet)"
echo "demo: Linux in a cell on CPUs 2-3: jailhouse cell linux" \
	"qemu-arm64-linux-demo.cell Image -d inmate-qemu-arm64.dtb" \
	"-i rootfs.cpio.gz -c \"... jh_action=idle\""
linux=/usr/share/jailhouse/linux-demo
jailhouse cell linux $cells/qemu-arm64-linux-demo.cell $linux/Image \
	-d /usr/share/jailhouse/inmate-qemu-arm64.dtb -i $linux/rootfs.cpio.gz \
	-c "earlycon=pl011,mmio32,0x09000000 keep_bootcon printk.devkmsg=on jh_action=idle"
echo "demo: CPUs online in Linux now: $(cat /sys/devices/system/cpu/online)"
n=0
while ! ping -c 1 -W 1 192.168.0.2 > /dev/null 2>&1 && [ $n -lt 120 ]; do
	n=$((n + 1))
done
sleep 2
echo "demo: the cell's init brought up its end as 192.168.0.2; carrier" \
	"$(cat /sys/class/net/$veth/carrier); ping 192.168.0.2:"
ping -c 3 192.168.0.2 | sed 's/^/demo:   /'
jailhouse cell list | sed 's/^/demo: /'
echo "demo: jailhouse cell destroy qemu-arm64-linux-demo"
jailhouse cell destroy qemu-arm64-linux-demo
echo "demo: CPUs online in Linux again: $(cat /sys/devices/system/cpu/online)"
sleep 1
echo "demo: $veth carrier after the destroy: $(cat /sys/class/net/$veth/carrier)"
echo "demo: jailhouse console"
jailhouse console | sed 's/^/demo:   /'
echo "demo: jailhouse disable"
jailhouse disable
echo "demo: hypervisor enabled: $(cat /sys/devices/jailhouse/enabled)"
