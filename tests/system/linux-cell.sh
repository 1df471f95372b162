#!/bin/sh
# A second Linux in a cell, the way the vendor guides start it: "jailhouse
# cell linux" takes CPUs 2 and 3 and 128 MiB from the root cell, the cell
# boots to its init, which shows two CPUs, its own RAM and nothing of the
# root's, the virtual PCI device, and runs a checksum workload on both
# CPUs while the root cell runs one too; "poweroff" in the cell ends the
# cell, not the machine.  Then the CPUs come back to the root cell.
# artefacts: yes
# linux-cell: yes
# timeout: 240
# expect: ^enable: exit 0$
# expect: linux-loader: starting Linux at 0x70200000, device tree at 0x70000000
# expect: Booting Linux on physical CPU 0x0000000002
# expect: Machine model: Jailhouse cell on the QEMU arm64 bench
# expect: \] cell: up: kernel 6\.1\.
# expect: \] cell: nproc 2$
# expect: \] cell: MemTotal: 1[0-3][0-9]{4} kB$
# expect: \] cell: iomem 70000000-77ffffff : System RAM$
# expect: \] cell: pci 0000:00:00\.0 0x110a:0x4106$
# expect: \] cell: workload on CPU 0: 4 runs, 1 distinct checksums$
# expect: \] cell: workload on CPU 1: 4 runs, 1 distinct checksums$
# expect: \] cell: done, action poweroff$
# expect: ^Cell 'qemu-arm64-linux-demo' shut itself down \(PSCI SYSTEM_OFF on CPU [23]\)$
# expect: ^cell linux: exit 0$
# expect: ^cpus online in the root while the cell ran: 0-1$
# expect: ^cell state after poweroff: shut down$
# expect: ^root workload: [1-9][0-9]* runs, 0 wrong$
# expect: ^1 +qemu-arm64-linux-demo +shut down +2-3 *$
# expect: ^destroy: exit 0$
# expect: ^cpus online after destroy: 0-3$
# expect: ^page pool: same as after enable$
# expect: ^disable: exit 0$
# reject: ^FATAL
# reject: \] cell: iomem 4[0-9a-f]{7}-
# reject: did not answer the shutdown request
. /test/linux-cell.sh

modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
baseline=$(cat $sys/mem_pool_used)

# the root's checksum workload on its CPUs while the cell lives
reference=$(seq 1 20000 | sha256sum | cut -d' ' -f1)
(
	runs=0 wrong=0
	while [ ! -e /tmp/stop ]; do
		[ "$(taskset -c 0,1 sh -c 'seq 1 20000 | sha256sum' |
		     cut -d' ' -f1)" = "$reference" ] || wrong=$((wrong + 1))
		runs=$((runs + 1))
	done
	echo "root workload: $runs runs, $wrong wrong" > /tmp/workload
) &

linux_cell poweroff > /tmp/out 2>&1
rc=$?
online=$(cat /sys/devices/system/cpu/online)
wait_state 1 "shut down" 120
state=$(cat $sys/cells/1/state)
touch /tmp/stop
wait
cat /tmp/out
echo "cell linux: exit $rc"
echo "cpus online in the root while the cell ran: $online"
echo "cell state after poweroff: $state"
cat /tmp/workload
jailhouse cell list
jailhouse cell destroy qemu-arm64-linux-demo
echo "destroy: exit $?"
echo "cpus online after destroy: $(cat /sys/devices/system/cpu/online)"
pool_report $baseline "after destroy"
jailhouse disable
echo "disable: exit $?"
