#!/bin/sh
# A machine that starts Linux at EL1 (QEMU without virtualization=on):
# enable says that there is no EL2 instead of crashing on the HVC.
# el2: no
# artefacts: yes
# expect: CPU: All CPU\(s\) started at EL1
# expect: ^JAILHOUSE_ENABLE: No such device$
# expect: ^no EL2 available: Linux was not started at EL2 on every CPU
# expect: ^enable: exit 1$
# expect: ^still alive: 4 CPUs$
# expect: ^hwcheck: FAIL Linux was started at EL1 \(kernel log\): no EL2 for the hypervisor; the boot loader must enter the kernel at EL2$
# expect: ^hardware check: exit 2$
modprobe jailhouse
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
echo "enable: exit $?"
echo "still alive: $(nproc) CPUs"
# "hardware check" names the same prerequisite
jailhouse hardware check /usr/share/jailhouse/cells/qemu-arm64.cell | grep -E "^FAIL|^hardware check:" | sed "s/^/hwcheck: /"
echo "hardware check: exit $(jailhouse hardware check /usr/share/jailhouse/cells/qemu-arm64.cell > /dev/null 2>&1; echo $?)"
