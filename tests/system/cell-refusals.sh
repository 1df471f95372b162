#!/bin/sh
# What cannot be done is refused, with the reason, and changes nothing:
# a CPU another cell has, memory another cell has, a name in use, a cell
# that does not exist, loading into a running cell, an image larger than
# its region, a cell command before enable, a shutdown the cell denies.  The cell that exists keeps
# running throughout.
# artefacts: yes
# configs: qemu-cpu1-cell qemu-overlap-cell
# timeout: 120
# expect: ^before enable: JAILHOUSE_CELL_CREATE: Invalid argument$
# expect: ^the hypervisor is not enabled: jailhouse enable SYSCONFIG first$
# expect: ^enable: exit 0$
# expect: ^JAILHOUSE_CELL_CREATE: Invalid argument$
# expect: ^cpu-thief: cpus: CPU 1: also assigned to cell 'inmate-demo' \(inmate-demo\); a CPU belongs to one cell$
# expect: ^JAILHOUSE_CELL_CREATE: Invalid argument$
# expect: ^overlap: mem_regions\[1\]\.phys_start: 0x7f080000: overlaps mem_regions\[1\] of cell 'inmate-demo' \(inmate-demo\); memory shared between cells must be JAILHOUSE_MEM_ROOTSHARED in both$
# expect: ^JAILHOUSE_CELL_CREATE: File exists$
# expect: ^a cell named 'inmate-demo' exists already \(id 1\)$
# expect: ^JAILHOUSE_CELL_START: No such file or directory$
# expect: ^no cell named 'nosuch' \(jailhouse cell list shows the cells\)$
# expect: ^JAILHOUSE_CELL_DESTROY: No such file or directory$
# expect: ^no cell with id 7 \(jailhouse cell list shows the cells\)$
# expect: ^JAILHOUSE_CELL_LOAD: Device or resource busy$
# expect: ^cell 'inmate-demo' is running: shut it down first \(jailhouse cell shutdown inmate-demo\)$
# expect: ^JAILHOUSE_CELL_LOAD: Invalid argument$
# expect: ^cell 'inmate-demo': image 0 of 1052672 bytes does not fit at 0x0: mem_regions\[1\] ends at 0xfffff, 4096 bytes short$
# expect: ^JAILHOUSE_CELL_DESTROY: Invalid argument$
# expect: ^'qemu-arm64' is the root cell: it is not created, loaded, started or destroyed$
# expect: ^JAILHOUSE_CELL_LOAD: Operation not permitted$
# expect: ^cell 'inmate-demo' denied the shutdown request$
# expect: ^Cell 'inmate-demo' denied the shutdown request$
# expect: ^after the denial: 1 +inmate-demo +running +1 +$
# expect: ^cells: 2$
# expect: ^cpus online: 0,2-3$
# expect: ^destroy: exit 0$
# expect: ^disable: exit 0$
# reject: ^FATAL
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell > /tmp/out 2>&1
echo "before enable: $(head -1 /tmp/out)"
tail -n +2 /tmp/out
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell
jailhouse cell load inmate-demo $inmates/uart-demo.bin
jailhouse cell start inmate-demo
jailhouse cell create /test/qemu-cpu1-cell.cell 2>&1
jailhouse cell create /test/qemu-overlap-cell.cell 2>&1
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell 2>&1
jailhouse cell start nosuch 2>&1
jailhouse cell destroy 7 2>&1
jailhouse cell load inmate-demo $inmates/gic-demo.bin 2>&1
jailhouse cell shutdown inmate-demo
dd if=/dev/zero of=/tmp/big.bin bs=4096 count=257 2>/dev/null
jailhouse cell load inmate-demo /tmp/big.bin 2>&1
jailhouse cell destroy qemu-arm64 2>&1
# the cell refuses the first shutdown request, approves the next
jailhouse cell load inmate-demo $inmates/uart-demo.bin -s "deny-shutdown=1" \
	-a 0x1000
jailhouse cell start inmate-demo
sleep 1
jailhouse cell shutdown inmate-demo 2>&1
jailhouse console | grep denied
echo "after the denial: $(jailhouse cell list | grep inmate-demo)"
echo "cells: $(ls /sys/devices/jailhouse/cells | wc -l)"
echo "cpus online: $(cat /sys/devices/system/cpu/online)"
jailhouse cell destroy inmate-demo
echo "destroy: exit $?"
jailhouse disable
echo "disable: exit $?"
