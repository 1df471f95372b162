#!/bin/sh
# The life of a cell, as a user types it: create takes CPU 1 from Linux,
# gic-demo runs and its timer fires, cell list shows it running; after a
# shutdown uart-demo runs in the same cell; destroy gives CPU 1 back to
# Linux, which runs work on it again.  Then the hypervisor disables.
# artefacts: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: ^create: exit 0$
# expect: ^cpu1 online after create: 0$
# expect: ^ID      Name                    State             Assigned CPUs           Failed CPUs +$
# expect: ^0       qemu-arm64              running           0,2-3 +$
# expect: ^1       inmate-demo             shut down         1 +$
# expect: ^load gic-demo: exit 0$
# expect: Initializing the GIC
# expect: Timer fired, jitter: +[0-9]+ ns, min: +[0-9]+ ns, max: +[0-9]+ ns
# expect: ^start: exit 0$
# expect: ^1       inmate-demo             running           1 +$
# expect: ^timer interrupts in the cell: [1-9][0-9]*$
# expect: ^shutdown: exit 0$
# expect: ^per-CPU statistics: root cpu0 cpu2 cpu3, cell cpu1, equal: yes$
# expect: ^1       inmate-demo             shut down         1 +$
# expect: ^load uart-demo: exit 0$
# expect: Hello 1 from cell!
# expect: Hello 2 from cell!
# expect: ^destroy: exit 0$
# expect: ^cells after destroy: 0$
# expect: ^cpu1 online after destroy: 1$
# expect: ^work on CPU 1: ran on 1$
# expect: ^disable: exit 0$
# reject: ^FATAL
# reject: did not answer the shutdown request
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
sys=/sys/devices/jailhouse
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell
echo "create: exit $?"
echo "cpu1 online after create: $(cat /sys/devices/system/cpu/cpu1/online)"
jailhouse cell list
jailhouse cell load inmate-demo $inmates/gic-demo.bin
echo "load gic-demo: exit $?"
jailhouse cell start inmate-demo
rc=$?
sleep 2
echo "start: exit $rc"
jailhouse cell list
echo "timer interrupts in the cell: $(cat $sys/cells/1/statistics/vmexits_virt_irq)"
jailhouse cell shutdown inmate-demo
echo "shutdown: exit $?"
# stopped: its counters stand still
stats=$sys/cells/1/statistics
[ "$(cat $stats/vmexits_total)" = "$(cat $stats/cpu1/vmexits_total)" ] &&
	equal=yes || equal=no
echo "per-CPU statistics: root $(cd $sys/cells/0/statistics && echo cpu*)," \
	"cell $(cd $stats && echo cpu*), equal: $equal"
jailhouse cell list
jailhouse cell load inmate-demo $inmates/uart-demo.bin
echo "load uart-demo: exit $?"
jailhouse cell start inmate-demo
sleep 2
jailhouse cell destroy inmate-demo
echo "destroy: exit $?"
echo "cells after destroy: $(ls $sys/cells | grep -cv '^0$')"
echo "cpu1 online after destroy: $(cat /sys/devices/system/cpu/cpu1/online)"
echo "work on CPU 1: ran on $(taskset -c 1 awk '{print $39}' /proc/self/stat)"
jailhouse console | grep -E 'cell|Cell'
jailhouse disable
echo "disable: exit $?"
