#!/bin/sh
# The hypervisor's memory is invisible to the root cell: a read of it
# from CPU 3 (through /dev/mem) parks that CPU with one line saying what
# it did, while Linux on the other CPUs goes on; its log ring page, the
# one page the root cell may read, reads fine.
# artefacts: yes
# timeout: 120
# expect: ^enable: exit 0$
# expect: ^FATAL: CPU 3: unhandled data read at 0x7fc10000, 4 bytes \(PC 0x[0-9a-f]+, cell 'qemu-arm64'\)$
# expect: ^CPU 3 of cell 'qemu-arm64' parked: the access above$
# expect: ^CPU 0 still runs: yes$
cells=/usr/share/jailhouse/cells
# Linux does not know that CPU 3 will stop: keep init and this script
# (and what it starts) off it, so that they finish and power off.
taskset -p 0x7 1 >/dev/null
taskset -p 0x7 $$ >/dev/null
# and do not let the RCU stall detector report the stopped CPU while the
# machine powers off (that takes a while with a CPU that cannot stop)
echo 1 > /sys/module/rcupdate/parameters/rcu_cpu_stall_suppress
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
taskset -c 3 devmem 0x7fc10000 32 &
sleep 2
jailhouse console | grep -E 'FATAL|parked'
[ "$(taskset -c 0 echo yes)" = yes ] && echo "CPU 0 still runs: yes"
