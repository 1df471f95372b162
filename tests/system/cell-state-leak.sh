#!/bin/sh
# Nothing of a CPU's last owner reaches its next one: a cell fills FP/SIMD
# registers, timer deadlines, the PMU and a breakpoint and a watchpoint on
# CPU 1; after it is destroyed (and root Linux ran on CPU 1 again) a new
# cell on CPU 1 finds all of them clean.  ACTLR_EL1 reads as 0 in a
# cell, said once.  (So do the IMPLEMENTATION DEFINED registers, through
# HCR_EL2.TIDCP, on hardware: QEMU 7.2 does not implement that trap, so
# the inmate's L2CTLR_EL1 line is shown, not checked.)
# artefacts: yes
# timeout: 150
# expect: ^enable: exit 0$
# expect: state-leak: dirty done
# expect: ^Cell 'inmate-demo': CPU 1 reads ACTLR_EL1 \(ESR 0x[0-9a-f]+, PC 0x[0-9a-f]+\): reads as 0, writes ignored$
# expect: state-leak: fp clean: yes
# expect: state-leak: timers clean: yes
# expect: state-leak: pmu clean: yes
# expect: state-leak: debug clean: yes
# expect: state-leak: actlr 0x0$
# expect: ^check: root still runs: yes$
# expect: ^disable: exit 0$
# reject: clean: NO
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"

# run_mode MODE: the inmate on CPU 1, then the cell destroyed
run_mode() {
	jailhouse cell create $cells/qemu-arm64-inmate-demo.cell || return
	jailhouse cell load inmate-demo $inmates/state-leak.bin \
		-s "mode=$1" -a 0x1000
	jailhouse cell start inmate-demo
	sleep 1
	[ "$(taskset -c 0 echo yes)" = yes ] && echo "$1: root still runs: yes"
	jailhouse cell destroy inmate-demo
}

run_mode dirty
# root Linux on CPU 1 in between, with FP use of its own
taskset -c 1 sh -c 'i=0; while [ $i -lt 2000 ]; do i=$((i + 1)); done'
run_mode check
jailhouse disable
echo "disable: exit $?"
