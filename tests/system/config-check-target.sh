#!/bin/sh
# The arm64 jailhouse tool runs on the target and checks configurations
# there as on the build machine: the shipped QEMU set passes, a cell of
# another board is refused with exit status 1 and the reasons.
# artefacts: yes
# expect: ^Jailhouse management tool v
# expect: ^config check: .*qemu-arm64.cell and 2 cell configurations: no errors, 0 warnings$
# expect: ^shipped set: exit 0$
# expect: genio-700-evk-zephyr.cell: irqchips\[0\].address: 0xc000000: not the GIC distributor 0x8000000
# expect: genio-700-evk-zephyr.cell: vendors\[0\]: GPIO pin 33: block 0x10005000: not a pin of the root cell
# expect: ^foreign cell: exit 1$
cells=/usr/share/jailhouse/cells
jailhouse --version
# the linux-demo takes CPUs 2-3 (as upstream's), the ivshmem-demo CPU 2:
# they are two sets
jailhouse config check $cells/qemu-arm64.cell $cells/qemu-arm64-inmate-demo.cell \
	$cells/qemu-arm64-linux-demo.cell
echo "shipped set: exit $?"
jailhouse config check $cells/qemu-arm64.cell $cells/genio-700-evk-zephyr.cell
echo "foreign cell: exit $?"
