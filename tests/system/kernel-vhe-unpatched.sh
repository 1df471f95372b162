#!/bin/sh
# Negative control for kernel-el1-max: without the patch series the same
# kernel on the same CPU switches itself to VHE and keeps EL2, so no
# hypervisor could be loaded.  Shows that the EL1 tests can fail.
# kernel: 6.1-unpatched
# cpu: max
# expect: CPU features: detected: Virtualization Host Extensions
# expect: CPU: All CPU\(s\) started at EL2
# expect: ^bench: guest up, 4 CPUs
dmesg | grep -E 'VHE|Virtualization Host|started at'
