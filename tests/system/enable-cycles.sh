#!/bin/sh
# 20 enable/disable cycles in one boot: each succeeds, and the page pool
# holds the same number of pages after every enable.
# artefacts: yes
# timeout: 90
# expect: ^cycle 1: enabled, pool used [0-9]+
# expect: ^cycle 20: enabled, pool used [0-9]+
# expect: ^cycles: 20 of 20, pool usage always the same$
# reject: ^cycle .*: (enable|disable) failed
# reject: FATAL
cells=/usr/share/jailhouse/cells
modprobe jailhouse
ok=0
first=
same=yes
for n in $(seq 1 20); do
	if ! jailhouse enable $cells/qemu-arm64.cell; then
		echo "cycle $n: enable failed"
		break
	fi
	used=$(cat /sys/devices/jailhouse/mem_pool_used)
	echo "cycle $n: enabled, pool used $used"
	[ -z "$first" ] && first=$used
	[ "$used" = "$first" ] || same=no
	if ! jailhouse disable; then
		echo "cycle $n: disable failed"
		break
	fi
	ok=$((ok + 1))
done
[ "$same" = yes ] && echo "cycles: $ok of 20, pool usage always the same"
