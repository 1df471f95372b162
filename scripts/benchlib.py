"""Helpers of the QEMU bench shared by the system tests and the demo."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
CROSS = "aarch64-linux-gnu-"

_kdirs = {}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def last_line(cmd):
    return run(cmd, stdout=subprocess.PIPE).stdout.strip().splitlines()[-1]


def kernel_dir(spec):
    """Build, or find in the cache, a bench kernel: '6.1', '6.1-unpatched',
    '6.12', or the kernel of the Linux in a cell, '6.1-inmate'.  Returns its
    build directory."""
    if spec not in _kdirs:
        version, _, variant = spec.partition("-")
        cmd = [os.path.join(TOP, "scripts", "kernel.sh"), "--version", version]
        if variant in ("unpatched", "inmate"):
            cmd.append("--" + variant)
        elif variant:
            raise SystemExit(f"unknown kernel variant in '{spec}'")
        _kdirs[spec] = last_line(cmd)
    return _kdirs[spec]


def base_initramfs():
    return last_line([os.path.join(TOP, "scripts", "initramfs.sh")])


def install(stage, kdir):
    """The project's make install and install-tests (the test inmates)
    under STAGE, built for KDIR, with the bench's test tables
    (SOC_TEST_TABLES=yes: its stand-in MediaTek blocks).  Its output
    (depmod's warnings about the in-tree module lists a DESTDIR lacks) is
    shown only if it fails."""
    proc = subprocess.run(["make", "-s", "-C", TOP, f"KDIR={kdir}",
                           "SOC_TEST_TABLES=yes", "install", "install-tests",
                           f"DESTDIR={stage}"],
                          text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    if proc.returncode:
        print(proc.stdout)
        raise SystemExit(f"make install failed ({proc.returncode})")


CELL_MODULES = os.path.join(TOP, "build", "cell-modules")


def cell_modules():
    """ivshmem-net.ko built for the kernel of the Linux in a cell, from a
    copy of its sources under build/cell-modules (kbuild builds in the
    source tree, which holds the root cell's build).  Returns its path."""
    src = os.path.join(CELL_MODULES, "src")
    os.makedirs(os.path.join(src, "jailhouse"), exist_ok=True)
    shutil.copy(os.path.join(TOP, "driver", "ivshmem-net.c"), src)
    for header in ("ivshmem-net.h", "ivshmem-regs.h"):
        shutil.copy(os.path.join(TOP, "include", "jailhouse", header),
                    os.path.join(src, "jailhouse"))
    with open(os.path.join(src, "Kbuild"), "w") as f:
        f.write("obj-m := ivshmem-net.o\nccflags-y := -I$(src)\n")
    run(["make", "-s", "-C", kernel_dir("6.1-inmate"), "ARCH=arm64",
         f"CROSS_COMPILE={CROSS}", f"M={src}", "modules"],
        stdout=subprocess.DEVNULL)
    return os.path.join(src, "ivshmem-net.ko")


def stage_linux_cell(stage):
    """Put what the root cell needs to boot Linux in a cell under STAGE:
    the inmate kernel and the cell's initramfs, in /usr/share/jailhouse/
    linux-demo/ (Image, rootfs.cpio.gz).  The initramfs is the cached
    busybox one with a second archive appended that carries ivshmem-net.ko
    built for the cell's kernel in /lib/modules."""
    dst = os.path.join(stage, "usr", "share", "jailhouse", "linux-demo")
    os.makedirs(dst, exist_ok=True)
    kdir = kernel_dir("6.1-inmate")
    shutil.copy(os.path.join(kdir, "arch", "arm64", "boot", "Image"),
                os.path.join(dst, "Image"))
    rootfs = os.path.join(dst, "rootfs.cpio.gz")
    shutil.copy(last_line([os.path.join(TOP, "scripts", "initramfs.sh"),
                           "--cell"]), rootfs)
    with tempfile.TemporaryDirectory() as tmp:
        mods = os.path.join(tmp, "tree", "lib", "modules")
        os.makedirs(mods)
        shutil.copy(cell_modules(), mods)
        make_overlay(os.path.join(tmp, "tree"),
                     os.path.join(tmp, "modules.cpio.gz"))
        with open(rootfs, "ab") as out, \
                open(os.path.join(tmp, "modules.cpio.gz"), "rb") as extra:
            shutil.copyfileobj(extra, out)
    script = os.path.join(stage, "usr", "share", "jailhouse", "linux-demo.sh")
    with open(script, "w") as f:
        f.write(linux_demo_script())
    os.chmod(script, 0o755)
    return dst


RECIPE = os.path.join(TOP, "meta-jailhouse-arm64", "recipes-extended",
                      "jailhouse")


def linux_demo_script(machine="qemuarm64"):
    """TI's linux-demo.sh for MACHINE, made as the layer's recipe makes it:
    its template with the recipe's JH_* values for that machine."""
    recipe = open(os.path.join(RECIPE, "jailhouse_git.bb")).read()
    values = {"MACHINE": machine, "DATADIR": "/usr/share"}
    for key, var in (("SYSCONFIG", "JH_SYSCONFIG_CELL"),
                     ("LINUX_CELL", "JH_LINUX_DEMO_CELL"),
                     ("DTB", "JH_INMATE_DTB"), ("CMDLINE", "JH_CMDLINE")):
        m = re.search(rf'^{var}:{machine} \?= "([^"]*)"$', recipe, re.M)
        if not m:
            raise SystemExit(f"{var}:{machine} not in the jailhouse recipe")
        values[key] = m.group(1)
    text = open(os.path.join(RECIPE, "files", "linux-demo.sh.in")).read()
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def build_module(name, kdir, outdir):
    """Build tests/modules/NAME against KDIR in OUTDIR; returns the .ko."""
    src = os.path.join(TOP, "tests", "modules", name)
    dst = os.path.join(outdir, name)
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    run(["make", "-s", "-C", kdir, "ARCH=arm64", f"CROSS_COMPILE={CROSS}",
         f"M={dst}", f"JH_TOP={TOP}", "modules"], stdout=subprocess.DEVNULL)
    return os.path.join(dst, name + ".ko")


def build_config(source, cell):
    """Compile a configuration source as configs/Makefile does."""
    obj = cell + ".o"
    run([CROSS + "gcc", "-std=gnu11", "-O2", "-Wall", "-Werror",
         "-fno-common", "-I", os.path.join(TOP, "include"),
         "-I", os.path.join(TOP, "configs", "arm64"),
         "-I", os.path.dirname(source), "-c", "-o", obj, source])
    run([CROSS + "objcopy", "-O", "binary", "-j", ".data", obj, cell])
    os.unlink(obj)
    return cell


def make_overlay(stage, archive):
    """Pack directory STAGE as a gzip'd newc cpio archive (owned by root)
    that the kernel unpacks on top of the base initramfs."""
    files = run(["find", "."], cwd=stage, stdout=subprocess.PIPE).stdout
    cpio = subprocess.run(["cpio", "-o", "-H", "newc", "-R", "0:0", "--quiet"],
                          cwd=stage, input=files.encode(), check=True,
                          stdout=subprocess.PIPE).stdout
    with open(archive, "wb") as f:
        f.write(subprocess.run(["gzip", "-n"], input=cpio, check=True,
                               stdout=subprocess.PIPE).stdout)
    return archive


def boot(kdir, initrds, cpu="cortex-a57", timeout=60, interactive=False,
         icount=False, el2=True, smp=None):
    """Boot KDIR's Image with INITRDS on the bench (SMP CPUs, by default
    qemu.sh's four).  Returns (serial log, timed out, seconds), or the
    exit status when interactive."""
    cmd = [os.path.join(TOP, "scripts", "qemu.sh"),
           "--kernel", os.path.join(kdir, "arch", "arm64", "boot", "Image"),
           "--cpu", cpu]
    if smp:
        cmd += ["--smp", str(smp)]
    if icount:
        cmd.append("--icount")
    if not el2:
        cmd.append("--no-el2")
    for initrd in initrds:
        cmd += ["--initrd", initrd]
    # for debugging a run, e.g. "-monitor unix:/tmp/mon.sock,server,nowait"
    extra = os.environ.get("JH_QEMU_EXTRA", "").split()
    if extra:
        cmd += ["--"] + extra
    if interactive:
        return subprocess.call(cmd)
    start = time.monotonic()
    # its own process group: on a timeout QEMU goes too, not only qemu.sh
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        timed_out = True
    return (out or b"").decode(errors="replace"), timed_out, \
        time.monotonic() - start


def unmatched_in_order(log, patterns):
    """The regular expressions of @patterns that do not match lines of
    @log in their order (each after the line the one before matched)."""
    lines = log.splitlines()
    pos, missing = 0, []
    for pattern in patterns:
        rx = re.compile(pattern)
        for i in range(pos, len(lines)):
            if rx.search(lines[i]):
                pos = i + 1
                break
        else:
            missing.append(pattern)
    return missing


def scratch():
    return tempfile.TemporaryDirectory(prefix="jh-bench-")
