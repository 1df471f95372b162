#!/bin/sh
# The inmate library's identity map: with it (the default) a cell's CPU
# runs with MMU and caches on, its image and comm region Normal
# write-back, the UART, the GIC and what is not the cell's Device (so an
# access there is still the hypervisor's to catch); map_range() changes
# a page.  Different images one after the other in the same cell, with
# the MMU on and off, each print their own lines: no stale instruction
# or data cache line of an earlier image or cell shows.  With mmu=off
# the MMU stays off.  The first line of each image can interleave with
# the root's "Started cell" on the shared UART: it anchors at the end.
# artefacts: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: MMU on, data cache on, instruction cache on$
# expect: ^mmu-test: image 0x2000: attr 0xff$
# expect: ^mmu-test: bss 0x[0-9a-f]+: attr 0xff$
# expect: ^mmu-test: comm region 0x80000000: attr 0xff$
# expect: ^mmu-test: uart 0x9000000: attr 0x04$
# expect: ^mmu-test: gicd 0x8000000: attr 0x04$
# expect: ^mmu-test: root ram 0x40000000: attr 0x04$
# expect: ^mmu-test: map_range: 0$
# expect: ^mmu-test: root ram 0x40000000: attr 0x44$
# expect: ^mmu-test: root ram \+ 4K 0x40001000: attr 0x04$
# expect: ^mmu-test: map_range back: 0$
# expect: ^mmu-test: root ram 0x40000000: attr 0x04$
# expect: ^mmu-test: bss word 0x5a5a5a5a00c0ffee$
# expect: ^mmu-test: done$
# expect: Hello 1 from cell!
# expect: Hello 2 from cell!
# expect: ^uart-demo: 1 +inmate-demo +running +1 *$
# expect: Initializing the GIC
# expect: Timer fired, jitter: +[0-9]+ ns
# expect: ^gic-demo: 1 +inmate-demo +running +1 *$
# expect: MMU off, data cache off, instruction cache off$
# expect: ^mmu-test: map_range: -1$
# expect: ^mmu-test: done$
# expect: Hello 1 from cell!
# expect: ^uart-demo mmu=off: 1 +inmate-demo +running +1 *$
# expect: MMU on, data cache on, instruction cache on$
# expect: ^mmu-test: done$
# expect: ^mmu-test again: 1 +inmate-demo +shut down +1 *$
# expect: ^destroy: exit 0$
# expect: ^disable: exit 0$
# reject: FATAL
# reject: ^mmu-test: .*: fault$
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell

# run NAME IMAGE [CMDLINE]: a fresh image in the cell, which is stopped
# first (not destroyed), and the cell's state a second later
run() {
	jailhouse cell shutdown inmate-demo 2>/dev/null
	if [ -n "$3" ]; then
		jailhouse cell load inmate-demo $inmates/$2 -s "$3" -a 0x1000
	else
		jailhouse cell load inmate-demo $inmates/$2
	fi
	jailhouse cell start inmate-demo
	sleep 1
	jailhouse cell list | grep inmate-demo | sed "s/^/$1: /"
}

run mmu-test mmu-test.bin
run uart-demo uart-demo.bin
# a new cell in the same memory on the same CPU
jailhouse cell destroy inmate-demo
jailhouse cell create $cells/qemu-arm64-inmate-demo.cell
run gic-demo gic-demo.bin
run mmu-test mmu-test.bin mmu=off
run "uart-demo mmu=off" uart-demo.bin mmu=off
run "mmu-test again" mmu-test.bin
jailhouse cell destroy inmate-demo
echo "destroy: exit $?"
jailhouse disable
echo "disable: exit $?"
