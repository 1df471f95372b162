#!/bin/sh
# The long-hand form of TI's guide (seed 001): "cell linux -w" writes the
# patched device tree and prints the create/load/start commands; turned
# into a script the way TI's linux-demo.sh is made (the loader's path
# filled in), they boot the same cell as "cell linux" itself.  Then a
# running Linux cell is shut down and destroyed from the root cell.
# artefacts: yes
# linux-cell: yes
# timeout: 300
# expect: ^enable: exit 0$
# expect: ^-w: exit 0$
# expect: ^-w: Modified device tree written\. Start Linux with the following commands \(adjusting paths as needed\):$
# expect: ^-w: jailhouse cell create /usr/share/jailhouse/cells/qemu-arm64-linux-demo\.cell$
# expect: ^-w: jailhouse cell load qemu-arm64-linux-demo linux-loader\.bin -a 0x0 -s "kernel=0x70200000 dtb=0x70000000" -a 0x1000 /usr/share/jailhouse/linux-demo/Image -a 0x70200000 /usr/share/jailhouse/linux-demo/rootfs\.cpio\.gz -a 0x[0-9a-f]+ /tmp/linux-demo\.dtb -a 0x70000000$
# expect: ^-w: jailhouse cell start qemu-arm64-linux-demo$
# expect: ^-w: cells: 0$
# expect: linux-loader: starting Linux at 0x70200000, device tree at 0x70000000
# expect: \] cell: nproc 2$
# expect: \] cell: MemTotal: 1[0-3][0-9]{4} kB$
# expect: \] cell: iomem 70000000-77ffffff : System RAM$
# expect: \] cell: pci 0000:00:00\.0 0x110a:0x4106$
# expect: \] cell: workload on CPU 1: 4 runs, 1 distinct checksums$
# expect: \] cell: done, action poweroff$
# expect: ^long-hand: exit 0, state shut down$
# expect: \] cell: done, action idle$
# expect: ^cell linux idle: exit 0$
# expect: ^running: running$
# expect: ^shutdown of a running Linux cell: exit 0, state shut down$
# expect: ^cpus online after shutdown: 0-1$
# expect: ^destroy: exit 0$
# expect: \] cell: done, action idle$
# expect: ^cell linux idle again: exit 0$
# expect: ^destroy of a running Linux cell: exit 0$
# expect: ^cpus online after destroy: 0-3$
# expect: ^disable: exit 0$
# reject: ^FATAL
. /test/linux-cell.sh

# the time a Linux cell needs to reach its init's last line, with margin
BOOT_WAIT=${BOOT_WAIT:-10}

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"

linux_cell poweroff -w /tmp/linux-demo.dtb > /tmp/w.out
echo "-w: exit $?"
sed 's/^/-w: /' /tmp/w.out
echo "-w: cells: $(ls $sys/cells | grep -cv '^0$')"
# as TI's recipe makes linux-demo.sh: the loader's path, no prose
sed -e '1d' -e '/^$/d' \
	-e 's| linux-loader.bin | /usr/libexec/jailhouse/linux-loader.bin |' \
	/tmp/w.out > /tmp/linux-demo.sh
sh -e /tmp/linux-demo.sh > /tmp/longhand.out 2>&1
rc=$?
wait_state 1 "shut down" 120
cat /tmp/longhand.out
echo "long-hand: exit $rc, state $(cat $sys/cells/1/state)"
jailhouse cell destroy qemu-arm64-linux-demo

# While the cell's Linux boots it prints on the shared UART: the root
# says its part after that, so that the two do not interleave.
linux_cell idle
rc=$?
sleep $BOOT_WAIT
echo "cell linux idle: exit $rc"
echo "running: $(cat $sys/cells/1/state)"
jailhouse cell shutdown qemu-arm64-linux-demo
echo "shutdown of a running Linux cell: exit $?, state $(cat $sys/cells/1/state)"
echo "cpus online after shutdown: $(cat /sys/devices/system/cpu/online)"
jailhouse cell destroy qemu-arm64-linux-demo
echo "destroy: exit $?"

linux_cell idle
rc=$?
sleep $BOOT_WAIT
echo "cell linux idle again: exit $rc"
jailhouse cell destroy qemu-arm64-linux-demo
echo "destroy of a running Linux cell: exit $?"
echo "cpus online after destroy: $(cat /sys/devices/system/cpu/online)"
jailhouse disable
echo "disable: exit $?"
