#!/bin/sh
# Bad input to enable and disable: each refused with its reason, and
# Linux unharmed: it still enables and disables afterwards.
# artefacts: yes
# configs: qemu-hv-in-ram
# timeout: 120
# expect: ^JAILHOUSE_DISABLE: Invalid argument$
# expect: ^the hypervisor is not enabled$
# expect: ^disable when not enabled: exit 1$
# expect: ^/tmp/bad-signature.cell: signature: JXSYS: not a system configuration
# expect: ^corrupt signature: exit 1$
# expect: ^/tmp/bad-revision.cell: revision: 13: configuration revision 13, expected 15
# expect: ^wrong revision: exit 1$
# expect: ^/tmp/truncated.cell: size: 600: file truncated
# expect: ^truncated file: exit 1$
# expect: ^JAILHOUSE_ENABLE: Invalid argument$
# expect: ^hypervisor memory 0x6fc00000\+4M is System RAM: reserve it with a no-map reserved-memory node
# expect: ^memory not reserved: exit 1$
# expect: ^hwcheck: FAIL hypervisor memory 0x6fc00000-0x6fffffff is System RAM \(Linux uses it\): reserve it with a no-map reserved-memory node in the device tree \(patches/linux, patch 3\)$
# expect: ^hardware check of it: exit 2$
# expect: ^JAILHOUSE_ENABLE: No such file or directory$
# expect: ^firmware jailhouse.bin not found \(-2\): install it as /lib/firmware/jailhouse.bin
# expect: ^firmware missing: exit 1$
# expect: ^first enable: exit 0$
# expect: ^JAILHOUSE_ENABLE: Device or resource busy$
# expect: ^the hypervisor is already enabled: disable it first$
# expect: ^second enable: exit 1$
# expect: ^disable: exit 0$
# expect: ^still alive: 4 CPUs
# reject: FATAL
cells=/usr/share/jailhouse/cells
good=$cells/qemu-arm64.cell
modprobe jailhouse

jailhouse disable
echo "disable when not enabled: exit $?"

# poke(file, offset, bytes): overwrite bytes of a copy of the good config
poke() {
	cp $good "$1"
	printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
poke /tmp/bad-signature.cell 0 'JX'
jailhouse enable /tmp/bad-signature.cell
echo "corrupt signature: exit $?"
poke /tmp/bad-revision.cell 6 '\015'
jailhouse enable /tmp/bad-revision.cell
echo "wrong revision: exit $?"
head -c 600 $good > /tmp/truncated.cell
jailhouse enable /tmp/truncated.cell
echo "truncated file: exit $?"

jailhouse enable /test/qemu-hv-in-ram.cell
echo "memory not reserved: exit $?"
jailhouse hardware check /test/qemu-hv-in-ram.cell | grep "^FAIL hypervisor memory" | sed "s/^/hwcheck: /"
echo "hardware check of it: exit $(jailhouse hardware check /test/qemu-hv-in-ram.cell > /dev/null 2>&1; echo $?)"

mv /lib/firmware/jailhouse.bin /tmp/
jailhouse enable $good
echo "firmware missing: exit $?"
mv /tmp/jailhouse.bin /lib/firmware/

jailhouse enable $good
echo "first enable: exit $?"
jailhouse enable $good
echo "second enable: exit $?"
jailhouse disable
echo "disable: exit $?"
echo "still alive: $(nproc) CPUs"
