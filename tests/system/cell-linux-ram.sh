#!/bin/sh
# A cell given memory that Linux still uses as System RAM (the user did
# not reserve it) is refused at create, naming the range and the fix,
# before anything of it is loaded; Linux's memory is untouched.
# artefacts: yes
# configs: qemu-linux-ram-cell
# timeout: 120
# expect: ^enable: exit 0$
# expect: ^JAILHOUSE_CELL_CREATE: Invalid argument$
# expect: ^cell 'in-linux-ram': mem_regions\[1\] 0x50000000-0x500fffff is System RAM of Linux: reserve it with a no-map reserved-memory node in the device tree \(patches/linux, patch 3\) or give the cell reserved memory; see /proc/iomem$
# expect: ^cells: 1$
# expect: ^cpus online: 0-3$
# expect: ^disable: exit 0$
# reject: ^FATAL
cells=/usr/share/jailhouse/cells
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
jailhouse cell create /test/qemu-linux-ram-cell.cell 2>&1
echo "cells: $(jailhouse cell list | tail -n +2 | wc -l)"
echo "cpus online: $(cat /sys/devices/system/cpu/online)"
jailhouse disable
echo "disable: exit $?"
