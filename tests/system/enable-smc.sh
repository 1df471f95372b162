#!/bin/sh
# SMCs of the root cell: PSCI is answered, a SiP call that its
# configuration does not list is refused with NOT_SUPPORTED and logged
# once with the function ID, the cell and the CPU.
# artefacts: yes
# modules: smcprobe
# expect: ^enable: exit 0$
# expect: smcprobe: PSCI_VERSION = 0x1000[01]$
# expect: smcprobe: SiP 0xc2000001 = -1$
# expect: smcprobe: SiP 0xc2000001 again = -1$
# expect: ^refusals logged: 1$
# expect: ^SMC 0xc2000001 refused for cell 'qemu-arm64' \(CPU [0-3], PC 0x[0-9a-f]+\): not in its smc_ids$
# reject: FATAL
modprobe jailhouse
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
echo "enable: exit $?"
insmod /test/modules/smcprobe.ko
echo "refusals logged: $(jailhouse console | grep -c 'SMC 0xc2000001 refused')"
jailhouse console | grep 'SMC 0xc2000001 refused'
jailhouse disable
