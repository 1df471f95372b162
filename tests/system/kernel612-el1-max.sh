#!/bin/sh
# The 6.12 series: on a CPU with VHE the patched 6.12 kernel stays at EL1 with the hyp
# stub at EL2: kernel patch 1 works, and the exports are there.
# kernel: 6.12
# cpu: max
# modules: elprobe
# expect: CPU: All CPU\(s\) started at EL2
# expect: ^bench: guest up, 4 CPUs
# expect: elprobe: CPU implements FEAT_VHE: yes
# expect: elprobe: CurrentEL=EL1$
# expect: elprobe: hyp mode available: yes
# expect: elprobe: 4 of 4 driver symbols resolved
# expect: ^module loaded$
# reject: Virtualization Host Extensions
insmod /test/modules/elprobe.ko && echo "module loaded"
dmesg | grep -E 'elprobe|VHE|Virtualization Host|started at'
