#!/bin/sh
# The unpatched kernel on a CPU with VHE keeps EL2 for itself: the driver
# still loads, and enable names the missing kernel patch instead of
# failing obscurely; Linux goes on.
# kernel: 6.1-unpatched
# cpu: max
# artefacts: yes
# expect: CPU features: detected: Virtualization Host Extensions
# expect: jailhouse: driver v.* loaded
# expect: ^JAILHOUSE_ENABLE: No such device$
# expect: ^Linux runs at EL2 with VHE, so EL2 is taken: apply kernel patch 1 \(patches/linux\) or boot with id_aa64mmfr1.vh=0$
# expect: ^enable: exit 1$
# expect: ^still alive: 4 CPUs$
# expect: ^hwcheck: FAIL Linux runs at EL2 with VHE, so EL2 is taken: apply kernel patch 1 \(patches/linux\) or boot with id_aa64mmfr1.vh=0$
# expect: ^hardware check: exit 2$
# reject: FATAL
modprobe jailhouse
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
echo "enable: exit $?"
echo "still alive: $(nproc) CPUs"
# "hardware check" names the same prerequisite before any enable
jailhouse hardware check /usr/share/jailhouse/cells/qemu-arm64.cell | grep -E "^FAIL|^hardware check:" | sed "s/^/hwcheck: /"
echo "hardware check: exit $(jailhouse hardware check /usr/share/jailhouse/cells/qemu-arm64.cell > /dev/null 2>&1; echo $?)"
