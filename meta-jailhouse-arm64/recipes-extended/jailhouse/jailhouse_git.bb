SUMMARY = "Jailhouse-compatible partitioning hypervisor for arm64"
DESCRIPTION = "A static partitioning hypervisor for arm64 SoCs, a drop-in \
replacement for Jailhouse v0.12 with the MediaTek extensions: the EL2 \
firmware (jailhouse.bin), the driver (jailhouse.ko), the IVSHMEM UIO \
driver and the ivshmem-net network driver, the jailhouse tool, the cell \
configurations and inmate device trees of the machine, the bare-metal \
demo inmates and the Linux loader."
HOMEPAGE = "https://jailhouse-arm64.invalid/"
SECTION = "kernel"
LICENSE = "GPL-2.0-only"
LIC_FILES_CHKSUM = "file://COPYING;md5=b234ee4d69f5fce4486a80fdaf4a4263"

# The sources: this repository. Point JAILHOUSE_SRC at your mirror in
# local.conf, with SRCREV:pn-jailhouse set to the commit to build (or use
# externalsrc on a checkout, see the layer's README).
JAILHOUSE_SRC ?= "git://jailhouse-arm64.invalid/jailhouse-arm64.git;protocol=https;branch=main"
SRC_URI = "${JAILHOUSE_SRC} \
           file://linux-demo.sh.in"
SRCREV ?= "${AUTOREV}"

# PV from the repository's VERSION file ("v0.12-arm64.1" -> "0.12+arm64.1",
# so that it sorts after upstream's 0.12); "+git" makes bitbake add the
# commit to the package version.
def jailhouse_version(d):
    import os
    path = os.path.join(d.getVar('JAILHOUSE_TOPDIR') or '', 'VERSION')
    try:
        with open(path) as f:
            version = f.read().strip()
    except OSError:
        return '0.0'
    if version.startswith('v'):
        version = version[1:]
    return version.replace('-', '+').replace('_', '+')

PV = "${@jailhouse_version(d)}+git"

# scarthgap unpacks into WORKDIR; later series into UNPACKDIR.
JH_UNPACKDIR = "${@d.getVar('UNPACKDIR') or d.getVar('WORKDIR')}"
S = "${JH_UNPACKDIR}/${@d.getVar('BB_GIT_DEFAULT_DESTSUFFIX') or 'git'}"
# The top-level Makefile builds in the source tree.
B = "${S}"

# module-base, not module: module.bbclass's do_compile and do_install
# run "make KERNEL_PATH=... CC=${KERNEL_CC} LD=${KERNEL_LD} O=..." with
# CFLAGS and LDFLAGS unset, which would build the tools with the kernel's
# compiler and without the sysroot; module-base gives ARCH, the kernel's
# build directory (make-mod-scripts), KERNEL_VERSION and MACHINE_ARCH
# packaging, and the Makefile drives kbuild itself.
# kernel-module-split: kernel-module-jailhouse, kernel-module-uio-ivshmem,
# kernel-module-ivshmem-net, /etc/modules-load.d from
# KERNEL_MODULE_AUTOLOAD.
# bash-completion: ${PN}-bash-completion.
# python3native: the build finds a Python 3 with Mako (python3-mako-native)
# if the Makefile runs the generator's templates; the target's generator
# runs python3 from RDEPENDS.
# No deploy: nothing is needed outside the root file system (the driver
# loads jailhouse.bin with request_firmware).
inherit module-base kernel-module-split bash-completion python3native

# virtual/kernel: the driver is built against it; dtc-native compiles the
# inmate device trees; dtc (libfdt) and zlib are linked into the tool
# ("cell linux" patches device trees and unpacks Image.gz). zlib-native
# (with dtc-native's libfdt): the build machine's copy of the tool that
# "make" also builds (build/host/jailhouse, HOSTCC below).
DEPENDS = "virtual/kernel dtc-native dtc zlib python3-mako-native zlib-native"

# What the Makefiles honour (Documentation/packaging.md): CC, the target
# compiler with its --sysroot, and CROSS_COMPILE's binutils build
# everything; CFLAGS and LDFLAGS are added for the programs that run under
# Linux (jailhouse, ivshmem-demo, uio_send, uio_read) only, the firmware,
# inmates and cells keep flags of their own; KDIR is the kernel build tree;
# the directories are those of the install layout (README.md of this
# layer).
EXTRA_OEMAKE = " \
    ARCH=arm64 \
    CROSS_COMPILE=${TARGET_PREFIX} \
    CC='${CC}' \
    CFLAGS='${CFLAGS}' \
    LDFLAGS='${LDFLAGS}' \
    KDIR=${STAGING_KERNEL_BUILDDIR} \
    prefix=${prefix} \
    sbindir=${sbindir} \
    libexecdir=${libexecdir} \
    datadir=${datadir} \
    firmwaredir=${nonarch_base_libdir}/firmware \
    INSTALL_MOD_PATH=${D} \
    MODLIB=${D}${nonarch_base_libdir}/modules/${KERNEL_VERSION} \
    DEPMOD=echo \
    DESTDIR=${D} \
"
# The build machine's programs (the host tool, the generator's ABI module)
# with the native sysroot's libfdt and zlib; and the kernel's own compiler
# for kbuild (what module.bbclass gives it as CC: the target CC above
# carries the tune, --sysroot and security flags of user space, and
# KERNEL_CC the prefix maps that keep build paths out of the .ko).
EXTRA_OEMAKE += "HOSTCC='${BUILD_CC} ${BUILD_CFLAGS} ${BUILD_LDFLAGS}' \
                 KERNEL_CC='${KERNEL_CC}'"

COMPATIBLE_HOST = "aarch64.*-linux"
COMPATIBLE_MACHINE ?= "^(qemuarm64|am62xx-evm|imx8mm-lpddr4-evk|imx8mq-evk|genio-510-evk|genio-700-evk|genio-720-evk)$"

# Per machine: the root cell (JH_SYSCONFIG_CELL), the cells installed
# (JH_CELL_FILES, patterns), the Linux demo's cell, device tree and
# command line (from the device tree's /chosen/bootargs). Set
# "JH_CELL_FILES:<machine> = ..." in local.conf to change one.
JH_SYSCONFIG_CELL ?= ""
JH_CELL_FILES ?= "*.cell"
JH_INMATE_DTB ?= ""
JH_LINUX_DEMO_CELL ?= ""
JH_CMDLINE ?= ""

JH_SYSCONFIG_CELL:qemuarm64 ?= "qemu-arm64.cell"
JH_CELL_FILES:qemuarm64 ?= "qemu-arm64.cell qemu-arm64-*.cell"
JH_INMATE_DTB:qemuarm64 ?= "inmate-qemu-arm64.dtb"
JH_LINUX_DEMO_CELL:qemuarm64 ?= "qemu-arm64-linux-demo.cell"
JH_CMDLINE:qemuarm64 ?= "earlycon=pl011,mmio32,0x09000000 keep_bootcon printk.devkmsg=on"

JH_SYSCONFIG_CELL:am62xx-evm ?= "k3-am625-sk.cell"
JH_CELL_FILES:am62xx-evm ?= "k3-am625-sk.cell k3-am625-sk-*.cell"
JH_INMATE_DTB:am62xx-evm ?= "inmate-k3-am625-sk.dtb"
JH_LINUX_DEMO_CELL:am62xx-evm ?= "k3-am625-sk-linux-demo.cell"
JH_CMDLINE:am62xx-evm ?= "console=ttyS1,115200n8 earlycon"

JH_SYSCONFIG_CELL:imx8mm-lpddr4-evk ?= "imx8mm.cell"
JH_CELL_FILES:imx8mm-lpddr4-evk ?= "imx8mm.cell imx8mm-*.cell"
JH_INMATE_DTB:imx8mm-lpddr4-evk ?= "inmate-imx8mm-evk.dtb"
JH_LINUX_DEMO_CELL:imx8mm-lpddr4-evk ?= "imx8mm-linux-demo.cell"
JH_CMDLINE:imx8mm-lpddr4-evk ?= "console=ttymxc3,115200 earlycon=ec_imx6q,0x30890000,115200"

JH_SYSCONFIG_CELL:imx8mq-evk ?= "imx8mq.cell"
JH_CELL_FILES:imx8mq-evk ?= "imx8mq.cell imx8mq-*.cell"
JH_INMATE_DTB:imx8mq-evk ?= "inmate-imx8mq-evk.dtb"
JH_LINUX_DEMO_CELL:imx8mq-evk ?= "imx8mq-linux-demo.cell"
JH_CMDLINE:imx8mq-evk ?= "console=ttymxc1,115200 earlycon=ec_imx6q,0x30860000,115200"

# The Genio boards have no Linux demo cell (yet): root cell, UART demo,
# IVSHMEM demo and the Zephyr cell.
JH_SYSCONFIG_CELL:genio-510-evk ?= "genio-510-evk.cell"
JH_CELL_FILES:genio-510-evk ?= "genio-510-evk.cell genio-510-evk-*.cell"
JH_SYSCONFIG_CELL:genio-700-evk ?= "genio-700-evk.cell"
JH_CELL_FILES:genio-700-evk ?= "genio-700-evk.cell genio-700-evk-*.cell"
JH_SYSCONFIG_CELL:genio-720-evk ?= "genio-720-evk.cell"
JH_CELL_FILES:genio-720-evk ?= "genio-720-evk.cell genio-720-evk-*.cell"

do_compile() {
    oe_runmake
}

do_install() {
    oe_runmake install
}

# Only this machine's cells and inmate device tree, and the Linux demo
# script (TI's linux-demo.sh, made from the variables above).
do_install:append() {
    for f in ${D}${datadir}/jailhouse/cells/*.cell; do
        [ -e "$f" ] || continue
        keep=
        for pattern in ${JH_CELL_FILES}; do
            case "$(basename "$f")" in
            $pattern) keep=1 ;;
            esac
        done
        [ -n "$keep" ] || rm -f "$f"
    done
    for f in ${D}${datadir}/jailhouse/*.dtb; do
        [ -e "$f" ] || continue
        [ "$(basename "$f")" = "${JH_INMATE_DTB}" ] || rm -f "$f"
    done
    if [ -n "${JH_LINUX_DEMO_CELL}" ]; then
        sed -e 's|@MACHINE@|${MACHINE}|g' \
            -e 's|@DATADIR@|${datadir}|g' \
            -e 's|@SYSCONFIG@|${JH_SYSCONFIG_CELL}|g' \
            -e 's|@LINUX_CELL@|${JH_LINUX_DEMO_CELL}|g' \
            -e 's|@DTB@|${JH_INMATE_DTB}|g' \
            -e 's|@CMDLINE@|${JH_CMDLINE}|g' \
            ${JH_UNPACKDIR}/linux-demo.sh.in > ${D}${datadir}/jailhouse/linux-demo.sh
        chmod 0755 ${D}${datadir}/jailhouse/linux-demo.sh
    fi
}

# The packages (the install layout is in the layer's README.md). The
# manual pages go to ${PN}-doc and the completion to ${PN}-bash-completion,
# as their classes do; the modules to kernel-module-<name>.
PACKAGE_BEFORE_PN += "${PN}-cells ${PN}-inmates ${PN}-demos ${PN}-config-create"

FILES:${PN} = " \
    ${nonarch_base_libdir}/firmware/jailhouse.bin \
    ${sbindir}/jailhouse \
    ${libexecdir}/jailhouse/linux-loader.bin \
"
FILES:${PN}-cells = " \
    ${datadir}/jailhouse/cells/*.cell \
    ${datadir}/jailhouse/*.dtb \
    ${datadir}/jailhouse/linux-demo.sh \
"
FILES:${PN}-inmates = "${datadir}/jailhouse/inmates/*.bin"
FILES:${PN}-demos = "${bindir}/ivshmem-demo ${bindir}/uio_send ${bindir}/uio_read"
FILES:${PN}-config-create = " \
    ${libexecdir}/jailhouse/jailhouse-config-create \
    ${libexecdir}/jailhouse/jailhouse_config_defs.py \
    ${libexecdir}/jailhouse/templates \
"

SUMMARY:${PN}-cells = "Jailhouse cell configurations and inmate device trees for ${MACHINE}"
SUMMARY:${PN}-inmates = "Jailhouse bare-metal demo inmates (gic-demo, uart-demo, ivshmem-demo)"
SUMMARY:${PN}-demos = "Linux side of the Jailhouse IVSHMEM demo, NXP's uio_send and uio_read"
SUMMARY:${PN}-config-create = "Generator of Jailhouse root cell configurations (Python 3, Mako)"

RRECOMMENDS:${PN} += "kernel-module-jailhouse"
RDEPENDS:${PN}-cells += "${PN}"
# tarfile (--collected) is in python3-compression
RDEPENDS:${PN}-config-create += "python3-core python3-mako python3-compression"

# The kernel modules are split at packaging time; name them here so that
# images and package groups can ask for them.
PACKAGES_DYNAMIC += "^kernel-module-jailhouse$ ^kernel-module-uio-ivshmem$ \
    ^kernel-module-ivshmem-net$"
KERNEL_MODULE_AUTOLOAD += "jailhouse"
