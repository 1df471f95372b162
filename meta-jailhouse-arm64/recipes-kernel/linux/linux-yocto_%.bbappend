# linux-yocto (qemuarm64 and any machine on the Yocto kernel): the
# patches and jailhouse.cfg, which kernel-yocto merges.  One append per
# kernel recipe rather than linux-%.bbappend, which would also match
# linux-libc-headers, linux-firmware and linux-dummy.
require ${JAILHOUSE_LAYERDIR}/recipes-kernel/linux/jailhouse-kernel.inc
