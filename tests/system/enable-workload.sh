#!/bin/sh
# Linux as the root cell computes what it computed before: the same
# checksums on every CPU, timers ticking on every CPU, the console
# working, and its state unchanged after disable.
# artefacts: yes
# timeout: 180
# expect: ^before: [0-9a-f]{64} on CPUs 0 1 2 3$
# expect: ^enable: exit 0$
# expect: ^under the hypervisor: [0-9a-f]{64} on CPUs 0 1 2 3$
# expect: ^same checksums: yes$
# expect: ^timer interrupts on every CPU: yes$
# expect: ^disable: exit 0$
# expect: ^after: [0-9a-f]{64} on CPUs 0 1 2 3$
# reject: FATAL
cells=/usr/share/jailhouse/cells

# a checksum over data computed on CPU $1 (the same on every CPU)
work() {
	taskset -c "$1" sh -c \
		'seq 1 40000 | sha256sum | cut -d" " -f1' > /tmp/sum.$1
}

workload() {
	for cpu in 0 1 2 3; do work $cpu & done
	wait
	sums=$(cat /tmp/sum.0 /tmp/sum.1 /tmp/sum.2 /tmp/sum.3 | sort -u)
	if [ "$(echo "$sums" | wc -l)" = 1 ]; then
		echo "$1: $sums on CPUs 0 1 2 3"
	else
		echo "$1: CPUs disagree: $sums"
	fi
}

# arch_timer interrupt counts per CPU, one per line
timer_counts() {
	grep arch_timer /proc/interrupts | head -n 1 |
		awk '{ for (i = 2; i <= 5; i++) print $i }'
}

modprobe jailhouse
workload before
reference=$sums
jailhouse enable $cells/qemu-arm64.cell
echo "enable: exit $?"
timer_counts > /tmp/timers.before
workload "under the hypervisor"
[ "$sums" = "$reference" ] && echo "same checksums: yes" ||
	echo "same checksums: no"
sleep 1
timer_counts > /tmp/timers.after
ticking=yes
paste /tmp/timers.before /tmp/timers.after | while read a b; do
	[ "$b" -gt "$a" ] || echo "stuck"
done | grep -q stuck && ticking=no
echo "timer interrupts on every CPU: $ticking"
jailhouse disable
echo "disable: exit $?"
workload after
