#!/bin/sh
# "jailhouse config create" on the bench: the target side collects its
# device tree and /proc files and passes "hardware check" (with the
# generated configurations); the configurations that the generator wrote
# on the host from the bench's own device tree
# (tests/system/configs/generated-qemu-*.c, kept equal to its output by
# tests/generator/run.py) enable the hypervisor, and gic-demo's timer fires
# in the generated inmate-demo cell (CPU 3, the hypervisor's console).
# artefacts: yes
# configs: generated-qemu-root generated-qemu-demo
# timeout: 150
# expect: ^/tmp/c.tar: [0-9]+ files, device tree from /sys/firmware/fdt$
# expect: ^collect: exit 0$
# expect: ^archive: sys/firmware/fdt proc/iomem .*jailhouse-collect.txt$
# expect: ^PASS /proc/iomem readable$
# expect: ^PASS driver loaded$
# expect: ^PASS hypervisor memory 0x7fc00000-0x7fffffff reserved$
# expect: ^PASS hypervisor memory clear of the kernel image
# expect: ^PASS root cell RAM: [0-9]+ regions in System RAM or reserved$
# expect: ^PASS all CPUs started at EL2 \(kernel log\)$
# expect: ^PASS VHE off: Linux runs at EL1, the hyp stub at EL2$
# expect: ^PASS KVM does not hold EL2
# expect: ^PASS reserved-memory: jailhouse-cells@70000000 0x70000000-0x7fbfffff, no-map$
# expect: ^PASS reserved-memory: jailhouse@7fc00000 0x7fc00000-0x7fffffff, no-map$
# expect: ^PASS GICv3: /intc@8000000 \(arm,gic-v3\)$
# expect: ^PASS PSCI by SMC \(/psci\)$
# expect: ^PASS cell 'inmate-demo': none of its devices is enabled in the root's device tree$
# expect: ^PASS CPU hotplug: /sys/devices/system/cpu/cpu1/online$
# expect: ^hardware check: [0-9]+ passed, [0-9]+ warnings, 0 failed$
# expect: ^hardware check: exit 0$
# expect: ^config check: exit 0$
# expect: ^enable: exit 0$
# expect: ^root cell: qemu-arm64-generated running 0-3$
# expect: ^create: exit 0$
# expect: ^cpu3 online after create: 0$
# expect: ^load gic-demo: exit 0$
# expect: Timer fired, jitter: +[0-9]+ ns, min: +[0-9]+ ns, max: +[0-9]+ ns
# expect: ^start: exit 0$
# expect: ^timer interrupts in the cell: [1-9][0-9]*$
# expect: ^destroy: exit 0$
# expect: ^cpu3 online after destroy: 1$
# expect: ^disable: exit 0$
# reject: ^FAIL
# reject: ^FATAL
# reject: unhandled data (read|write)
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
sys=/sys/devices/jailhouse
modprobe jailhouse
jailhouse config collect /tmp/c.tar
echo "collect: exit $?"
if command -v tar >/dev/null; then
	echo "archive: $(tar tf /tmp/c.tar | tr '\n' ' ' | sed 's/ $//')"
fi
jailhouse hardware check /test/generated-qemu-root.cell \
	/test/generated-qemu-demo.cell
echo "hardware check: exit $?"
jailhouse config check /test/generated-qemu-root.cell \
	/test/generated-qemu-demo.cell
echo "config check: exit $?"
jailhouse enable /test/generated-qemu-root.cell
echo "enable: exit $?"
root=$sys/cells/0
echo "root cell: $(cat $root/name) $(cat $root/state) $(cat $root/cpus_assigned_list)"
jailhouse cell create /test/generated-qemu-demo.cell
echo "create: exit $?"
echo "cpu3 online after create: $(cat /sys/devices/system/cpu/cpu3/online)"
jailhouse cell load inmate-demo $inmates/gic-demo.bin
echo "load gic-demo: exit $?"
jailhouse cell start inmate-demo
rc=$?
sleep 2
echo "start: exit $rc"
echo "timer interrupts in the cell: $(cat $sys/cells/1/statistics/vmexits_virt_irq)"
jailhouse cell list
jailhouse cell destroy inmate-demo
echo "destroy: exit $?"
echo "cpu3 online after destroy: $(cat /sys/devices/system/cpu/cpu3/online)"
jailhouse console | grep -E 'cell|Cell'
jailhouse disable
echo "disable: exit $?"
