#!/bin/sh
# A sub-page I/O region: the root cell's PL011 is trapped register by
# register, and the console keeps working through the hypervisor.
# artefacts: yes
# configs: qemu-subpage-uart
# timeout: 120
# expect: ^enable: exit 0$
# expect: ^line 100 through the trapped UART$
# expect: ^MMIO exits for 100 lines: ([2-9][0-9][0-9]|[0-9]{4,})$
# expect: ^disable: exit 0$
# reject: FATAL
modprobe jailhouse
jailhouse enable /test/qemu-subpage-uart.cell
echo "enable: exit $?"
stats=/sys/devices/jailhouse/cells/0/statistics
before=$(cat $stats/vmexits_mmio)
for n in $(seq 1 100); do echo "line $n through the trapped UART"; done
after=$(cat $stats/vmexits_mmio)
# every line takes UART register accesses, each of them a trap
echo "MMIO exits for 100 lines: $((after - before))"
jailhouse disable
echo "disable: exit $?"
