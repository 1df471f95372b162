#!/bin/sh
# The partitioning demo, run by scripts/main.sh inside the QEMU guest.
# It grows with the project: each step that lands adds its part.
set -e
echo "demo: kernel $(uname -r) on $(nproc) CPUs"
insmod /test/modules/elprobe.ko
dmesg | sed -n 's/.*elprobe: /demo: /p'
echo "demo: memory reserved for the hypervisor and its cells:"
grep ' : reserved$' /proc/iomem | grep -v '^ ' | sed 's/^/demo:   /'
if [ -x /usr/sbin/jailhouse ]; then
	modprobe jailhouse
	jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
	jailhouse console
	jailhouse disable
else
	echo "demo: jailhouse enable arrives with step 3 (see README status)"
fi
