#!/bin/sh
# The shared EINT line goes to the cell owning the pending EINT: on the
# bench's EINT test block (line INTID 100, physically the root cell's),
# the eint-demo cell owns EINT 4-7 and enables the line (virtually);
# with EINT 5 pending, each time the line fires the cell gets it, sees
# only its own status bit, and the line comes back for the next time
# once the cell is done with it.
# artefacts: yes
# configs: qemu-gpio-root qemu-eint-cell
# timeout: 120
# expect: ^enable: exit 0$
# expect: eint-irq: waiting for INTID 100
# expect: eint-irq: interrupt 1 \(INTID 100\), STA0 = 0x00000020
# expect: eint-irq: interrupt 2 \(INTID 100\), STA0 = 0x00000020
# expect: ^interrupts in the cell: 2$
# expect: ^disable: exit 0$
# reject: ^FATAL
# reject: eint-irq: interrupt 3
inmates=/usr/share/jailhouse/inmates
eint=0x7fb01000
# the block is plain RAM: EINT 5 (the cell's) pending, none masked, set
# before the hypervisor traps the page
devmem $eint 32 0x20
devmem $(( eint + 0x80 )) 32 0
modprobe jailhouse
jailhouse enable /test/qemu-gpio-root.cell
echo "enable: exit $?"
jailhouse cell create /test/qemu-eint-cell.cell
jailhouse cell load eint-demo $inmates/eint-irq.bin
jailhouse cell start eint-demo
sleep 1
# the root cell enables the physical line (its own) and makes it fire
devmem 0x0800010c 32 0x10
for n in 1 2; do
	devmem 0x0800020c 32 0x10
	sleep 1
done
echo "interrupts in the cell: $(cat /sys/devices/jailhouse/cells/1/statistics/vmexits_virt_irq)"
jailhouse cell destroy eint-demo
jailhouse disable
echo "disable: exit $?"
