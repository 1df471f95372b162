#!/bin/bash
# The project's test command (README, .ci/run): sets up a fresh Debian 12
# machine, builds the bench kernels and the project, then runs the unit,
# kernel-patch and QEMU system tests.  Every suite runs even when an
# earlier one failed; the last line sums them all up.
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "host packages"
scripts/setup-host.sh || exit 1
step "bench kernels (cached in ${JH_CACHE:-~/.cache/jailhouse-bench})"
for k in "--version 6.1" "--version 6.1 --unpatched" "--version 6.12" \
	"--version 6.1 --inmate"; do
	# shellcheck disable=SC2086
	scripts/kernel.sh $k || exit 1
done
step "build"
# the bench's build: with its test tables (common/common.mk)
make -s all tests SOC_TEST_TABLES=yes || exit 1

passed=0
failed=0
suite() {
	local name=$1 log
	shift
	step "$name tests"
	log=$(mktemp)
	"$@" 2>&1 | tee "$log"
	local rc=${PIPESTATUS[0]}
	local sums
	sums=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log" | tail -n 1)
	rm -f "$log"
	if [ -z "$sums" ]; then
		echo "$name: no summary line; counted as one failure"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + ${sums% *}))
	failed=$((failed + ${sums#* }))
	if [ "$rc" -ne 0 ] && [ "${sums#* }" -eq 0 ]; then
		failed=$((failed + 1))
	fi
}

suite unit make -s -C tests/unit check
suite fuzz tests/fuzz/run.py
suite configs tests/configs/run.py
suite tools tests/tools/run.py
suite generator tests/generator/run.py
suite kernel tests/kernel/run.py
suite layer tests/layer/run.py
suite docs tests/docs/run.py
suite packaging tests/packaging/run.py
suite system tests/system/run.py

echo
echo "all: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
