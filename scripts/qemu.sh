#!/bin/bash
# Boot a kernel on the QEMU bench: virt with GICv3 and EL2, 4 CPUs, 1 GiB,
# a device tree that reserves memory for the hypervisor and its cells.
#
#   scripts/qemu.sh --kernel IMAGE --initrd A.cpio.gz [--initrd B.cpio.gz]
#                   [--cpu cortex-a57|max] [--smp N] [--icount]
#                   [--append ARGS] [--no-reserve] [--no-el2]
#                   [-- extra qemu args]
#
# The serial console is on stdin/stdout.  --icount makes the run
# deterministic: one guest instruction per virtual nanosecond, so the
# generic timer counts instructions (see shared qemu-bench facts).
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${JH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-bench}
CPU=cortex-a57
SMP=4
MEM=1G
ICOUNT=0
RESERVE=1
EL2=on
KERNEL=
APPEND=
INITRDS=()

usage() {
	sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) KERNEL=${2:?}; shift ;;
	--initrd) INITRDS+=("${2:?}"); shift ;;
	--cpu) CPU=${2:?}; shift ;;
	--smp) SMP=${2:?}; shift ;;
	--append) APPEND=${2:?}; shift ;;
	--icount) ICOUNT=1 ;;
	--no-reserve) RESERVE=0 ;;
	--no-el2) EL2=off ;;
	--) shift; break ;;
	*) usage ;;
	esac
	shift
done
[ -n "$KERNEL" ] && [ ${#INITRDS[@]} -gt 0 ] || usage

MACHINE=virt,gic-version=3,virtualization=$EL2,its=off
if [ "$ICOUNT" = 1 ]; then
	MACHINE=$MACHINE,dtb-randomness=off
	TIMING=(-icount shift=0,sleep=off,align=off
		-rtc base=2020-01-01T00:00:00,clock=vm)
else
	TIMING=()
fi
BASE=(qemu-system-aarch64 -machine "$MACHINE" -cpu "$CPU" -smp "$SMP"
      -m "$MEM" -nographic -no-reboot -nic none)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# QEMU's own device tree plus the bench's reserved-memory node.
make_dtb() {
	"${BASE[@]}" -machine "$MACHINE,dumpdtb=$work/virt.dtb" \
		>/dev/null 2>&1 || true
	[ -s "$work/virt.dtb" ] || {
		echo "qemu.sh: QEMU did not dump its device tree" >&2
		exit 1
	}
	dtc -q -I dtb -O dts -o "$work/virt.dts" "$work/virt.dtb"
	cat "$TOP/scripts/guest/reserved-memory.dtsi" >> "$work/virt.dts"
	dtc -q -I dts -O dtb -o "$work/bench.dtb" "$work/virt.dts"
}

cat "${INITRDS[@]}" > "$work/initrd"
DTB=()
if [ "$RESERVE" = 1 ]; then
	make_dtb
	DTB=(-dtb "$work/bench.dtb")
fi
"${BASE[@]}" "${TIMING[@]}" "${DTB[@]}" -kernel "$KERNEL" \
	-initrd "$work/initrd" \
	-append "console=ttyAMA0 earlycon panic=-1 $APPEND" "$@"
