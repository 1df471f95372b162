#!/bin/sh
# Contain, do not punish: a cell that owns SPIs 40 and 41 runs an RTOS's
# GIC init, which disables, clears, prioritises, configures and routes
# every SPI of the distributor.  The cell keeps running with its own two
# SPIs set up (it is not parked: it ends by itself when its main
# returns); the root cell's interrupts (the UART's INTID 33 as the
# witness) are as before; each foreign INTID is logged once at most,
# within the cell's log budget; destroy and disable finish.
# artefacts: yes
# configs: qemu-two-spi-cell
# timeout: 150
# expect: ^enable: exit 0$
# expect: gic-init: [0-9]+ INTIDs, routing to 0x1$
# expect: gic-init: still running
# expect: gic-init: own SPIs 40 and 41 written: yes
# expect: ^gic-init: 1 +two-spis +(running|shut down) +1 *$
# expect: ^gic-init: root still runs: yes$
# expect: ^gic-init: INTID 33 in the distributor: state unchanged: yes$
# expect: ^gic-init: an INTID logged twice: no$
# expect: ^destroy: exit 0$
# expect: ^disable: exit 0$
# reject: ^FATAL
# reject: parked
# reject: failed
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
# INTID 33 as the distributor holds it: enable, priority, config, route
gic_state() {
	echo "$(( ($(devmem 0x08000104 32) >> 1) & 1 ))" \
		"$(devmem 0x08000421 8) $(( ($(devmem 0x08000c08 32) >> 2) & 3 ))" \
		"$(devmem 0x08006108 64)"
}
before=$(gic_state)
jailhouse cell create /test/qemu-two-spi-cell.cell
jailhouse cell load two-spis $inmates/gic-init.bin -s "own=40" -a 0x1000
jailhouse cell start two-spis
sleep 1
jailhouse cell list | grep two-spis | sed "s/^/gic-init: /"
[ "$(taskset -c 0 echo yes)" = yes ] && echo "gic-init: root still runs: yes"
after=$(gic_state)
[ "$after" = "$before" ] && same=yes || same="no: $before -> $after"
echo "gic-init: INTID 33 in the distributor: state unchanged: $same"
# every INTID a dropped-write line names, single or in a run, once
jailhouse console | grep "^Cell 'two-spis': write" |
	sed -n 's/.*INTIDs* \([0-9]*\)\(-\([0-9]*\)\)\{0,1\} dropped.*/\1 \3/p' |
	while read first last; do
		seq "$first" "${last:-$first}"
	done | sort | uniq -d > /tmp/twice
[ -s /tmp/twice ] && twice="yes: $(head -3 /tmp/twice | tr '\n' ' ')" || \
	twice=no
echo "gic-init: an INTID logged twice: $twice"
jailhouse cell destroy two-spis
echo "destroy: exit $?"
jailhouse disable
echo "disable: exit $?"
