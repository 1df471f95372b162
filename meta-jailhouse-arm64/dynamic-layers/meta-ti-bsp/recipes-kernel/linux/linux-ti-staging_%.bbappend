# linux-ti-staging (am62xx-evm): the patches, and jailhouse.cfg through
# KERNEL_CONFIG_FRAGMENTS: this recipe does not inherit kernel-yocto, its
# do_configure (setup-defconfig.inc) merges that list with merge_config.sh.
require ${JAILHOUSE_LAYERDIR}/recipes-kernel/linux/jailhouse-kernel.inc

KERNEL_CONFIG_FRAGMENTS:append = "${@bb.utils.contains('DISTRO_FEATURES', 'jailhouse', ' ${JH_UNPACKDIR}/${JH_KERNEL_FRAGMENT}', '', d)}"
JH_UNPACKDIR = "${@d.getVar('UNPACKDIR') or d.getVar('WORKDIR')}"

# TI_EXTRAS = "tie-jailhouse" switches the kernel to TI's Jailhouse
# branch, which carries its own form of these changes and the reserved
# memory: apply none of the patches then, only the fragment.  (One
# variable, so that no machine override of the patch lists can win over
# this one.)
JH_KERNEL_APPLY_PATCHES:tie-jailhouse = "0"
