# linux-imx (imx8mm-lpddr4-evk, imx8mq-evk): the patches and
# jailhouse.cfg, which kernel-yocto (inherited by linux-imx.inc) merges.
require ${JAILHOUSE_LAYERDIR}/recipes-kernel/linux/jailhouse-kernel.inc
