#!/bin/sh
# A cell that writes outside its memory or makes a firmware call it may
# not is stopped with one line that says what it did; the cell shows as
# failed, Linux goes on, and the cell can be destroyed and created again.
# A cell that writes the state of an interrupt it does not own (as a GIC
# init does) is not stopped: the writes are dropped, logged once, and the
# root's interrupt keeps working.  PSCI SYSTEM_OFF from a cell ends the
# cell, not the machine.
# artefacts: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: bad-write: writing to 0x40000000
# expect: ^FATAL: CPU 1: unhandled data write at 0x40000000, 4 bytes \(PC 0x[0-9a-f]+, cell 'inmate-demo'\)$
# expect: ^CPU 1 of cell 'inmate-demo' parked: the access above$
# expect: ^bad-write: 1 +inmate-demo +failed +1 +1 *$
# expect: ^bad-write: root still runs: yes$
# expect: bad-irq: writing the state of INTID 33
# expect: bad-irq: still running
# expect: ^Cell 'inmate-demo': write to INTID 33 dropped: not its interrupt \(GICD_ISENABLER1, PC 0x[0-9a-f]+\)$
# expect: ^bad-irq: 1 +inmate-demo +shut down +1 *$
# expect: ^bad-irq: root still runs: yes$
# expect: ^bad-irq: log lines about INTID 33: 1$
# expect: ^bad-irq: INTID 33 in the distributor: enabled 1, state unchanged: yes$
# expect: bad-smc: calling SMC 0xc2000001
# expect: ^FATAL: CPU 1: SMC 0xc2000001 not permitted for cell 'inmate-demo' \(PC 0x[0-9a-f]+\): not in its smc_ids$
# expect: ^bad-smc: 1 +inmate-demo +failed +1 +1 *$
# expect: ^bad-smc: root still runs: yes$
# expect: Hello 1 from cell!
# expect: bad-smc: calling SMC 0x84000008
# expect: ^Cell 'inmate-demo' shut itself down \(PSCI SYSTEM_OFF on CPU 1\)$
# expect: ^system-off: 1 +inmate-demo +shut down +1 *$
# expect: ^system-off: root still runs: yes$
# expect: ^disable: exit 0$
# reject: bad-write: still running
# reject: bad-smc: still running
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"

# run_inmate NAME IMAGE [CMDLINE]
run_inmate() {
	jailhouse cell create $cells/qemu-arm64-inmate-demo.cell || return
	if [ -n "$3" ]; then
		jailhouse cell load inmate-demo $inmates/$2 -s "$3" -a 0x1000
	else
		jailhouse cell load inmate-demo $inmates/$2
	fi
	jailhouse cell start inmate-demo
	sleep 1
	jailhouse console | grep -E '^(FATAL|CPU 1 of|Cell )' | tail -2
	jailhouse cell list | grep inmate-demo | sed "s/^/$1: /"
	[ "$(taskset -c 0 echo yes)" = yes ] && echo "$1: root still runs: yes"
}

run_inmate bad-write bad-write.bin
jailhouse cell destroy inmate-demo
# INTID 33 (the root's UART) as the distributor holds it: enable bit,
# priority, configuration and route
gic_state() {
	echo "$(( ($(devmem 0x08000104 32) >> 1) & 1 ))" \
		"$(devmem 0x08000421 8) $(( ($(devmem 0x08000c08 32) >> 2) & 3 ))" \
		"$(devmem 0x08006108 64)"
}
before=$(gic_state)
run_inmate bad-irq bad-irq.bin
echo "bad-irq: log lines about INTID 33: $(jailhouse console | grep -c 'INTID 33')"
after=$(gic_state)
[ "$after" = "$before" ] && same=yes || same="no: $before -> $after"
echo "bad-irq: INTID 33 in the distributor: enabled ${after%% *}, state unchanged: $same"
jailhouse cell destroy inmate-demo
run_inmate bad-smc bad-smc.bin
# a failed cell restarts
jailhouse cell shutdown inmate-demo
jailhouse cell load inmate-demo $inmates/uart-demo.bin
jailhouse cell start inmate-demo
sleep 1
jailhouse cell destroy inmate-demo
run_inmate system-off bad-smc.bin "smc=0x84000008"
jailhouse cell destroy inmate-demo
jailhouse disable
echo "disable: exit $?"
