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
	$cells/qemu-arm64-ivshmem-demo.cell $cells/qemu-arm64-linux-demo.cell |
	sed 's/^/demo: /'
if [ -e /lib/firmware/jailhouse.bin ]; then
	modprobe jailhouse
	jailhouse enable $cells/qemu-arm64.cell
	jailhouse console
	jailhouse disable
else
	echo "demo: jailhouse enable arrives with step 3 (see README status)"
fi
