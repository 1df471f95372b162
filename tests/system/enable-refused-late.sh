#!/bin/sh
# Refusals that only the driver or the hypervisor can see, each with its
# reason, and Linux as it was afterwards:
# - a root cell CPU that Linux has offline;
# - a root cell whose page tables do not fit the hypervisor's memory: all
#   four CPUs enter, the hypervisor fails and every CPU gives EL2 back.
# artefacts: yes
# configs: qemu-tiny-pool
# timeout: 120
# expect: ^CPU 3 of the root cell is not online: bring it online
# expect: ^offline CPU: exit 1$
# expect: ^JAILHOUSE_ENABLE: Cannot allocate memory$
# expect: ^hypervisor: out of memory for the root cell's page tables: enlarge hypervisor_memory.size \(the page pool has [0-9]+ pages\)$
# expect: ^pool too small: exit 1$
# expect: ^then enable: exit 0$
# expect: ^follow: Activating hypervisor$
# expect: ^then disable: exit 0$
# reject: FATAL
cells=/usr/share/jailhouse/cells
modprobe jailhouse
echo 0 > /sys/devices/system/cpu/cpu3/online
jailhouse enable $cells/qemu-arm64.cell
echo "offline CPU: exit $?"
echo 1 > /sys/devices/system/cpu/cpu3/online

jailhouse enable /test/qemu-tiny-pool.cell
echo "pool too small: exit $?"

jailhouse enable $cells/qemu-arm64.cell
echo "then enable: exit $?"
timeout 2 jailhouse console -f | grep '^Activating' | sed 's/^/follow: /'
jailhouse disable
echo "then disable: exit $?"
