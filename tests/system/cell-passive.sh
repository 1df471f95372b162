#!/bin/sh
# A cell with JAILHOUSE_CELL_PASSIVE_COMMREG is never asked: uart-demo
# told to deny shutdown requests is stopped at once all the same, while
# the same program in an ordinary cell keeps running (it denies).
# artefacts: yes
# configs: qemu-passive-cell
# timeout: 90
# expect: ^passive: shutdown: exit 0$
# expect: ^passive: 1 +passive +shut down +1 +$
# expect: ^JAILHOUSE_CELL_LOAD: Operation not permitted$
# expect: ^ordinary: 1 +inmate-demo +running +1 +$
# expect: ^destroy: exit 0$
# expect: ^disable: exit 0$
# reject: ^FATAL
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
# run NAME CONFIG: uart-demo denying the first shutdown request
run() {
	jailhouse cell create $2
	jailhouse cell load $1 $inmates/uart-demo.bin -s "deny-shutdown=1" \
		-a 0x1000
	jailhouse cell start $1
	sleep 1
}
run passive /test/qemu-passive-cell.cell
jailhouse cell shutdown passive
echo "passive: shutdown: exit $?"
echo "passive: $(jailhouse cell list | grep passive)"
jailhouse cell destroy passive
run inmate-demo $cells/qemu-arm64-inmate-demo.cell
jailhouse cell shutdown inmate-demo 2>&1
echo "ordinary: $(jailhouse cell list | grep inmate-demo)"
jailhouse cell destroy inmate-demo
echo "destroy: exit $?"
jailhouse disable
echo "disable: exit $?"
