# linux-mtk (genio-510-evk, genio-700-evk, genio-720-evk): the patches and
# jailhouse.cfg, which kernel-yocto (through linux-yocto.inc) merges.
# Patch 3 is not applied: the BSP's device trees are genio-*-evk.dts, not
# mainline's mt8390-genio-700-evk.dts; the reserved-memory nodes go into
# the BSP's device tree (README.md of this layer).
require ${JAILHOUSE_LAYERDIR}/recipes-kernel/linux/jailhouse-kernel.inc
