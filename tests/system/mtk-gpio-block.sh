#!/bin/sh
# The MediaTek GPIO mediation end to end, on the bench's test block (a
# reserved RAM page with the GPIO layout, trapped for every cell): the
# gpio-demo cell owns pins 4-7 of it, the root cell the rest.  Each
# side's writes reach only its own pins, reads show only its own pins,
# foreign bits are logged once, a cell's write to an undescribed register
# is dropped; on destroy the pins (and their values)
# are the root cell's again.
# artefacts: yes
# configs: qemu-gpio-root qemu-gpio-cell
# timeout: 120
# expect: ^enable: exit 0$
# expect: ^root DOUT0 before: 0x0000000f$
# expect: gpio-toggle: DOUT0 = 0x000000f0
# expect: gpio-toggle: MODE0 = 0x77770000
# expect: gpio-toggle: MISC = 0x00000000
# expect: ^root DOUT0 with the cell: 0x00000000$
# expect: gpio-toggle: DOUT0 later = 0x000000f0
# expect: ^Cell 'gpio-demo' wrote to pins it does not own: GPIO test block \(QEMU bench\) at 0x7fb00000, DOUT0 \(\+0x100\), bits 0xffffff0f dropped \(logged once\)$
# expect: ^Cell 'gpio-demo' wrote to pins it does not own: GPIO test block \(QEMU bench\) at 0x7fb00000, DOUT_SET0 \(\+0x104\), bits 0xffffff0f dropped \(logged once\)$
# expect: ^Cell 'gpio-demo' wrote to pins it does not own: GPIO test block \(QEMU bench\) at 0x7fb00000, MODE0 \(\+0x300\), bits 0x00007777 dropped \(logged once\)$
# expect: ^Cell 'gpio-demo' wrote to an undescribed register of the GPIO test block \(QEMU bench\) at 0x7fb00000 \(\+0x600\): dropped \(logged once\)$
# expect: ^root DOUT0 after destroy: 0x000000f0$
# expect: ^root MODE0 after destroy: 0x77770000$
# expect: ^disable: exit 0$
# reject: ^FATAL
inmates=/usr/share/jailhouse/inmates
gpio=0x7fb00000
modprobe jailhouse
jailhouse enable /test/qemu-gpio-root.cell
echo "enable: exit $?"
rd() {
	printf '0x%08x' $(devmem $(( gpio + $1 )) 32)
}
devmem $(( gpio + 0x100 )) 32 0x0000000f
devmem $(( gpio + 0x300 )) 32 0
echo "root DOUT0 before: $(rd 0x100)"
jailhouse cell create /test/qemu-gpio-cell.cell
jailhouse cell load gpio-demo $inmates/gpio-toggle.bin
jailhouse cell start gpio-demo
sleep 1
# the root cell clears everything it can
devmem $(( gpio + 0x100 )) 32 0
echo "root DOUT0 with the cell: $(rd 0x100)"
sleep 2
jailhouse console | grep "^Cell 'gpio-demo'"
jailhouse cell destroy gpio-demo
echo "root DOUT0 after destroy: $(rd 0x100)"
echo "root MODE0 after destroy: $(rd 0x300)"
jailhouse disable
echo "disable: exit $?"
