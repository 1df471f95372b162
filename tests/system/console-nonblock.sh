#!/bin/sh
# A non-blocking reader of /dev/jailhouse (upstream's "jailhouse console"
# without -f) gets the hypervisor log and then end of file, not EAGAIN;
# after disable, end of file at once.
# artefacts: yes
# programs: console-read
# expect: ^enable: exit 0$
# expect: ^console-read: [1-9][0-9]* bytes, then end of file$
# expect: ^again: console-read: [1-9][0-9]* bytes, then end of file$
# expect: ^disable: exit 0$
# expect: ^after disable: console-read: 0 bytes, then end of file$
modprobe jailhouse
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
echo "enable: exit $?"
/test/console-read
echo "again: $(/test/console-read)"
jailhouse disable
echo "disable: exit $?"
echo "after disable: $(/test/console-read)"
