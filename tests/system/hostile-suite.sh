#!/bin/sh
# The hostile suite (Documentation/isolation.md): a cell on CPUs 2 and 3
# runs one attack per life cycle (inmates/tests/arm64/hostile.c) next to
# a witness cell on CPU 4 and the root cell on CPUs 0, 1 and 5.  Each
# attack passes only if
#  - it ended as Documentation/isolation.md says (survives: the attack
#    returned; parked: the hypervisor stopped the cell; spins: the cell
#    runs on, attacking; quiet: it runs on, doing nothing; ends: the
#    cell shut itself down), and the cell saw nothing it must not;
#  - the root cell runs on each of its CPUs;
#  - nothing outside the cell changed: canaries in root RAM and in the
#    root's IVSHMEM output section, the distributor state of the root's
#    UART (INTID 33), GICD_CTLR, the SGI/PPI enables and priorities of
#    root CPUs 0 and 1, the witness's memory and heartbeat;
#  - "cell destroy" finishes (within 60 s) and the page pool is back at
#    its size after enable.
# "disable" must finish at the end.  An SGI that reached the root would
# show as a kernel warning, which run.py rejects (Call trace).
# artefacts: yes
# smp: 6
# configs: qemu-root-6cpu qemu-hostile-cell qemu-witness-cell
# timeout: 1500
# expect: ^enable: exit 0$
# expect: ^witness: running$
# expect: ^hostile suite: ([4-9][0-9]|[1-9][0-9][0-9]) attacks, all passed$
# expect: ^disable: exit 0$
# reject: ^FAIL: attack
# reject: hostile: saw
# reject: witness: my memory changed
inmates=/usr/share/jailhouse/inmates
sys=/sys/devices/jailhouse
ROOT_CANARY=0x7f200000		# root-owned reserved RAM, no cell's
ROOT_IVSHMEM_OUT=0x7fa0a000	# peer 0's output section
RESULT=0x7f1ff000		# the hostile cell's shared page
HEARTBEAT=0x7f0ff000		# the witness's shared page
GICD=0x08000000
GICR0=0x080a0000
GICR1=0x080c0000

# attack:outcome, as Documentation/isolation.md lists them
ATTACKS="
mem-root-write:parked
mem-root-read:parked
mem-hypervisor:parked
mem-witness:parked
mem-own-phys:parked
mem-high:parked
mem-ivshmem-state:parked
mem-ivshmem-out0:parked
mem-exec-outside:parked
mem-dc-zva:parked
ldp-gicd:parked
writeback-gicd:parked
byte-gicd-ctlr:parked
misaligned-gicd:parked
wide-isenabler:parked
gicd-set-enable:survives
gicd-clear-enable:survives
gicd-set-pending:survives
gicd-clear-pending:survives
gicd-set-active:survives
gicd-clear-active:survives
gicd-group:survives
gicd-priority:survives
gicd-config:survives
gicd-route:survives
gicd-route-upper:survives
gicd-ctlr-off:survives
gicd-read-foreign:survives
gicd-sweep-write:survives
gicd-sweep-read:survives
gicd-storm:spins
gicr-foreign-read:survives
gicr-foreign-sgi:survives
gicr-sgi0-priority:spins
gicr-waker:survives
gicr-propbaser:survives
gicr-pendbaser:survives
gicr-byte-enable:parked
gicr-sweep:survives
sgi-root:survives
sgi-all-targets:survives
sgi-broadcast:survives
sgi-aff1:survives
sgi-kick-sibling:survives
sgi-storm:spins
psci-on-foreign:survives
psci-on-self:survives
psci-on-bad-entry:parked
psci-affinity-foreign:survives
psci-off:quiet
psci-suspend-storm:spins
psci-on-off-race:spins
psci-system-off:ends
psci-system-reset:ends
psci-unknown:survives
smc-sip64:parked
smc-sip32:parked
smc-oem:parked
smc-standard:survives
smc-trusted-os:survives
smc-hypervisor:survives
smc-flood:spins
hvc-other:parked
hypercall-denied:survives
hypercall-unknown:survives
hypercall-info-garbage:survives
hypercall-storm:spins
console-flood:spins
sysreg-actlr:survives
sysreg-impdef:survives
timer-storm:spins
pmu-storm:spins
dc-set-way:survives
masked-spin:spins
masked-wfi:quiet
pci-sweep:parked
pci-bar-on-root:parked
ivshmem-doorbell-storm:spins
ivshmem-doorbell-bad:survives
ivshmem-rw-section:survives
uart-disable:survives
comm-deny:spins
comm-garbage:spins
both-cpus-spin:spins
kick-storm-both:spins
sibling-started-off:survives
"

hex32() { printf '0x%08x' "$(devmem $(($1)) 32)"; }

# What the cell may not change, as one line.
outside() {
	gicd_33="$(( ($(devmem $((GICD + 0x104)) 32) >> 1) & 1 ))"
	gicd_33="$gicd_33 $(( ($(devmem $((GICD + 0x84)) 32) >> 1) & 1 ))"
	gicd_33="$gicd_33 $(devmem $((GICD + 0x421)) 8)"
	gicd_33="$gicd_33 $(( ($(devmem $((GICD + 0xc08)) 32) >> 2) & 3 ))"
	gicd_33="$gicd_33 $(devmem $((GICD + 0x6108)) 64)"
	sgis=""
	for r in $GICR0 $GICR1; do
		sgis="$sgis $(devmem $((r + 0x10100)) 32)"
		sgis="$sgis $(devmem $((r + 0x10400)) 32)"
		sgis="$sgis $(devmem $((r + 0x10080)) 32)"
	done
	echo "canaries $(hex32 $ROOT_CANARY) $(hex32 $ROOT_IVSHMEM_OUT)" \
	     "gicd $(devmem $GICD 32) int33 $gicd_33 sgi/ppi$sgis"
}

# the sysfs directory of cell NAME (they go by id)
cell_dir() {
	for d in $sys/cells/*; do
		[ "$(cat $d/name)" = "$1" ] && echo $d && return
	done
}

phase_now() { echo $(( $(devmem $((RESULT + 4)) 32) )); }
cell_state() { cat "$(cell_dir $1)/state" 2>/dev/null; }
failed_cpus() { cat "$(cell_dir $1)/cpus_failed_list" 2>/dev/null; }

# heartbeat COUNTER_ADDRESS: does it move within 0.3 s?
moving() {
	a=$(hex32 "$1"); sleep 0.3; b=$(hex32 "$1")
	[ "$a" != "$b" ]
}

root_runs() {
	for c in 0 1 5; do
		[ "$(taskset -c $c echo yes)" = yes ] || return 1
	done
}

# outcome: what the attack left, from the cell's state and shared page
# (a cell whose program returned shows as shut down: the library says so)
outcome() {
	state=$(cell_state hostile)
	phase=$(phase_now)
	# one CPU parked is enough: its sibling may never have started
	if [ -n "$(failed_cpus hostile)" ]; then
		echo parked
		return
	fi
	case $phase in
	4) echo "wrong value $(hex32 $((RESULT + 8)))"; return ;;
	2) echo survives; return ;;
	esac
	# (a failed cell has failed CPUs: parked above)
	[ "$state" = "shut down" ] && { echo ends; return; }
	case $phase in
	3) if moving $((RESULT + 12)); then echo spins; else echo stuck; fi ;;
	1) echo quiet ;;
	*) echo "not started (phase $phase, state $state)" ;;
	esac
}

modprobe jailhouse
uartcr=$(devmem 0x09000030 32)
devmem $ROOT_CANARY 32 0x600dcafe
jailhouse enable /test/qemu-root-6cpu.cell
echo "enable: exit $?"
devmem $ROOT_IVSHMEM_OUT 32 0x0071f00d
jailhouse cell create /test/qemu-witness-cell.cell &&
jailhouse cell load witness $inmates/witness.bin -s mmu=off -a 0x1000 &&
jailhouse cell start witness
sleep 0.5
baseline=$(cat $sys/mem_pool_used)
total=0 passed=0
for entry in $ATTACKS; do
	name=${entry%%:*} want=${entry#*:}
	total=$((total + 1))
	before=$(outside)
	problems=""
	jailhouse cell create /test/qemu-hostile-cell.cell >/dev/null &&
	devmem $RESULT 32 0 &&
	jailhouse cell load hostile $inmates/hostile.bin \
		-s "attack=$name mmu=off" -a 0x1000 >/dev/null &&
	jailhouse cell start hostile >/dev/null ||
		problems="$problems; could not run it"
	# wait for the attack to settle: up to 2 s
	for i in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.2
		[ "$(phase_now)" -ge 2 ] && break
		[ "$(cell_state hostile)" != running ] && break
		[ -n "$(failed_cpus hostile)" ] && break
	done
	got=$(outcome)
	seen="state '$(cell_state hostile)', phase $(hex32 $((RESULT + 4))),"
	seen="$seen CPUs failed '$(failed_cpus hostile)'"
	# the shared UART, which uart-disable switched off
	[ "$name" = uart-disable ] && devmem 0x09000030 32 $uartcr
	[ "$got" = "$want" ] || problems="$problems; outcome $got, not $want"
	root_runs || problems="$problems; a root CPU does not run"
	moving $((HEARTBEAT + 4)) || problems="$problems; witness stopped"
	[ "$(hex32 $((HEARTBEAT + 8)))" = 0x00000001 ] ||
		problems="$problems; witness memory changed"
	after=$(outside)
	[ "$after" = "$before" ] ||
		problems="$problems; changed outside: $before -> $after"
	if [ "$name" = comm-deny ]; then
		# denied twice: each destroy ends, refused; the third one works
		for i in 1 2; do
			timeout 60 jailhouse cell destroy hostile 2>&1 |
				grep -q "Operation not permitted" ||
				problems="$problems; denial $i not reported"
		done
	fi
	timeout 60 jailhouse cell destroy hostile >/dev/null ||
		problems="$problems; destroy did not finish"
	for c in 2 3; do
		[ "$(cat /sys/devices/system/cpu/cpu$c/online)" = 1 ] &&
		[ "$(timeout 5 taskset -c $c echo yes)" = yes ] ||
			problems="$problems; CPU $c not back in Linux"
	done
	used=$(cat $sys/mem_pool_used)
	[ "$used" = "$baseline" ] ||
		problems="$problems; page pool $used, not $baseline"
	if [ -z "$problems" ]; then
		passed=$((passed + 1))
		echo "attack $name: PASS ($got)"
	else
		echo "FAIL: attack $name${problems} ($seen)"
		jailhouse console | tail -5
		[ -n "$(cell_dir hostile)" ] &&
			timeout 60 jailhouse cell destroy hostile
	fi
done
echo "witness: $(cell_state witness), heartbeat $(hex32 $((HEARTBEAT + 4)))"
[ "$passed" = "$total" ] && echo "hostile suite: $total attacks, all passed" ||
	echo "hostile suite: $total attacks, $passed passed"
jailhouse cell destroy witness
timeout 120 jailhouse disable
echo "disable: exit $?"
