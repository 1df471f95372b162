#!/bin/sh
# Every refusal of "jailhouse cell linux", provoked once on the target:
# each fails with exit status 1 and one line naming the file, field or
# numbers and what to do, and leaves no cell behind; Linux goes on.
# artefacts: yes
# linux-cell: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: ^jailhouse cell linux: /usr/share/jailhouse/linux-demo/rootfs\.cpio\.gz \(decompressed\): not an arm64 Image: magic 0x[0-9a-f]{8} at offset 56, wanted 0x644d5241 .*pass arch/arm64/boot/Image or Image\.gz$
# expect: ^not an Image: exit 1, cells 0$
# expect: ^jailhouse cell linux: kernel, initrd and device tree need [0-9.]+ MiB \(0x[0-9a-f]+ bytes\) from the start of a RAM region; the largest RAM region of .*qemu-arm64-linux-demo\.cell, 0x70000000, has 128 MiB: it is [0-9.]+ MiB short: enlarge the cell's RAM region or use a smaller initrd$
# expect: ^too large: exit 1, cells 0$
# expect: ^jailhouse cell linux: .*qemu-arm64-inmate-demo\.cell has no RAM region for Linux: one with the flags READ \| WRITE \| EXECUTE \| DMA
# expect: ^no RAM region: exit 1, cells 0$
# expect: ^jailhouse cell linux: /usr/share/jailhouse/linux-demo/Image: not a device tree blob: .*; pass the \.dtb
# expect: ^not a DTB: exit 1, cells 0$
# expect: ^jailhouse cell linux: No device tree specified
# expect: ^no DTB: exit 1, cells 0$
# expect: ^jailhouse cell linux: linux-loader\.bin not found \(tried /usr/libexec/jailhouse/linux-loader\.bin.*\): install it with make install
# expect: ^no loader: exit 1, cells 0$
# expect: ^first: exit 0$
# expect: ^jailhouse cell linux: cell 'qemu-arm64-linux-demo' already exists: destroy it first \(jailhouse cell destroy qemu-arm64-linux-demo\)$
# expect: ^exists: exit 1, cells 1$
# expect: ^root still runs: yes$
# expect: ^disable: exit 0$
# reject: ^FATAL
. /test/linux-cell.sh

# try WHAT ARGS...: one "cell linux" that must be refused
try() {
	local what=$1
	shift
	jailhouse cell linux "$@" 2>&1
	echo "$what: exit $?, cells $(ls $sys/cells | grep -cv '^0$')"
}

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
try "not an Image" $demo $linux/rootfs.cpio.gz -d $dtb
dd if=/dev/zero of=/tmp/big bs=1M count=130 2>/dev/null
try "too large" $demo $linux/Image -d $dtb -i /tmp/big
rm /tmp/big
try "no RAM region" $cells/qemu-arm64-inmate-demo.cell $linux/Image -d $dtb
try "not a DTB" $demo $linux/Image -d $linux/Image
try "no DTB" $demo $linux/Image
mv /usr/libexec/jailhouse/linux-loader.bin /tmp/
try "no loader" $demo $linux/Image -d $dtb
mv /tmp/linux-loader.bin /usr/libexec/jailhouse/
# While the cell's Linux boots it prints on the shared UART: the root's
# lines are kept until it is gone, so that the two do not interleave.
linux_cell idle
first=$?
try "exists" $demo $linux/Image -d $dtb -i $linux/rootfs.cpio.gz > /tmp/exists
jailhouse cell destroy qemu-arm64-linux-demo
echo "first: exit $first"
cat /tmp/exists
[ "$(taskset -c 0 echo yes)" = yes ] && echo "root still runs: yes"
jailhouse disable
echo "disable: exit $?"
