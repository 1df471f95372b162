#!/bin/bash
# The main job (README): set up a fresh Debian 12 machine, build the bench
# kernel and everything in the project, and run the partitioning demo on
# QEMU.  Pass --shell to end in an interactive shell on the guest instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-host.sh
scripts/kernel.sh --version 6.1 >/dev/null
scripts/kernel.sh --version 6.1 --inmate >/dev/null
# the bench's build: with its test tables (common/common.mk)
make -s all SOC_TEST_TABLES=yes
exec scripts/demo.py "$@"
