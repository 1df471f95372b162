SUMMARY = "The Jailhouse-compatible hypervisor on the target: what an image needs"
DESCRIPTION = "The hypervisor firmware and tool, the driver, this machine's \
cell configurations and, recommended, the IVSHMEM UIO and ivshmem-net \
drivers, the demo inmates, the Linux-side IVSHMEM demo and the shell \
completion."
LICENSE = "MIT"

# The jailhouse packages are machine-specific (module-base), so is this.
PACKAGE_ARCH = "${MACHINE_ARCH}"
inherit packagegroup

RDEPENDS:${PN} = " \
    jailhouse \
    jailhouse-cells \
    kernel-module-jailhouse \
"
RRECOMMENDS:${PN} = " \
    kernel-module-uio-ivshmem \
    kernel-module-ivshmem-net \
    jailhouse-inmates \
    jailhouse-demos \
    jailhouse-bash-completion \
"
