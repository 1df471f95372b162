#!/usr/bin/python3
"""The build as a Yocto recipe runs it, and what it installs.

A copy of the tree (the files git knows) is built the way meta-ti and
meta-imx drive upstream's Makefile: CC is an arm64 compiler with
--sysroot pointing to a Debian arm64 sysroot (scripts/arm64-libs.sh
--sysroot), CFLAGS and LDFLAGS are set, CROSS_COMPILE names binutils of a
prefix for which no gcc exists on PATH, KDIR is the bench kernel; then
"make install DESTDIR=... DEPMOD=echo".  The installed tree must be
exactly tests/layer/install-manifest.txt (paths and modes), the tools
must be dynamically linked against the sysroot's C library, and those
dynamic tools, with the sysroot's libraries copied into the guest, must
enable the hypervisor, create, load, start and destroy a cell and
disable it again on the QEMU bench.
"""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests"))
sys.path.insert(0, os.path.join(TOP, "scripts"))
from results import Results  # noqa: E402
import benchlib as bench  # noqa: E402

BUILD = os.path.join(TOP, "build", "packaging")
MANIFEST = os.path.join(TOP, "tests", "layer", "install-manifest.txt")
PREFIX = "aarch64-poky-linux-"
BINUTILS = ("ld", "ar", "objcopy", "objdump", "readelf", "nm", "strip",
            "as")
# the recipe's flags: meta-ti style, and an LDFLAGS the tools must take;
# OE's CC carries tuning and hardening flags, which the firmware, the
# inmates and the configurations must override
CC_FLAGS = ("-mcpu=cortex-a53 -fstack-protector-strong -D_FORTIFY_SOURCE=2 "
            "-Wformat -Wformat-security -Werror=format-security")
CFLAGS = "-O2 -pipe -g -feliminate-unused-debug-types"
LDFLAGS = "-Wl,-O1 -Wl,--hash-style=gnu -Wl,--as-needed"
LIBS = ("ld-linux-aarch64.so.1", "libc.so.6", "libfdt.so.1", "libz.so.1")

GUEST = """#!/bin/sh
export LD_LIBRARY_PATH=/lib/aarch64-linux-gnu
echo "tool: $(head -c 4 /usr/sbin/jailhouse | od -An -c | tr -d ' ')"
jailhouse --version
# as NXP's guide loads it (no depmod: the image build would run it)
insmod /lib/modules/$(uname -r)/extra/driver/jailhouse.ko
echo "insmod: exit $?"
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
echo "enable: exit $?"
jailhouse cell create /usr/share/jailhouse/cells/qemu-arm64-inmate-demo.cell
echo "create: exit $?"
jailhouse cell load inmate-demo /usr/share/jailhouse/inmates/uart-demo.bin
echo "load: exit $?"
jailhouse cell start inmate-demo
echo "start: exit $?"
sleep 1
jailhouse cell list
jailhouse cell destroy inmate-demo
echo "destroy: exit $?"
jailhouse disable
echo "disable: exit $?"
"""
GUEST_EXPECT = [r"^tool: 177ELF$", r"^Jailhouse management tool v",
                r"^insmod: exit 0$", r"^enable: exit 0$",
                r"^create: exit 0$", r"^load: exit 0$", r"^start: exit 0$",
                r"Hello [2-9] from cell!", r"^destroy: exit 0$",
                r"^disable: exit 0$",
                r"^bench: test script exit status 0$"]


def copy_tree(dst):
    """The files git knows, as a fresh clone has them (work tree state)."""
    shutil.rmtree(dst, ignore_errors=True)
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                            "--exclude-standard"], cwd=TOP, check=True,
                           stdout=subprocess.PIPE).stdout.split(b"\0")
    for name in filter(None, files):
        src = os.path.join(TOP, name.decode())
        if not os.path.isfile(src):
            continue
        out = os.path.join(dst, name.decode())
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.copy2(src, out)


def binutils_dir(path):
    """A bin directory with PREFIX-ld and friends but no PREFIX-gcc."""
    os.makedirs(path, exist_ok=True)
    for tool in BINUTILS:
        link = os.path.join(path, PREFIX + tool)
        if not os.path.exists(link):
            os.symlink(shutil.which("aarch64-linux-gnu-" + tool), link)
    return path


def recipe_env(sysroot):
    env = dict(os.environ)
    env["PATH"] = binutils_dir(os.path.join(BUILD, "bin")) + ":" + \
        env["PATH"]
    for var in ("CC", "CFLAGS", "LDFLAGS", "CROSS_COMPILE", "MAKEFLAGS"):
        env.pop(var, None)
    return env


def recipe_make(src, sysroot, kdir, *args):
    gcc = shutil.which("aarch64-linux-gnu-gcc")
    cc = f"{gcc} {CC_FLAGS} --sysroot={sysroot}"
    cmd = ["make", "-s", "-C", src, f"CC={cc}", f"KERNEL_CC={gcc}",
           f"CFLAGS={CFLAGS}",
           f"LDFLAGS={LDFLAGS}", f"CROSS_COMPILE={PREFIX}", f"KDIR={kdir}",
           "ARCH=arm64"] + list(args)
    return subprocess.run(cmd, env=recipe_env(sysroot), text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def installed(root, kver):
    """MODE PATH of every file under ROOT, <KVER> for the release."""
    out = set()
    for base, _, files in os.walk(root):
        for name in files:
            path = os.path.join(base, name)
            mode = os.stat(path).st_mode & 0o7777
            rel = "/" + os.path.relpath(path, root)
            out.add(f"{mode:04o} {rel.replace('/' + kver + '/', '/<KVER>/')}")
    return out


def manifest():
    with open(MANIFEST) as f:
        return {line.strip() for line in f
                if line.strip() and not line.startswith("#")}


def interpreter(path):
    out = subprocess.run(["aarch64-linux-gnu-readelf", "-lW", path],
                         stdout=subprocess.PIPE, text=True).stdout
    m = re.search(r"Requesting program interpreter: ([^\]]+)\]", out)
    return m.group(1) if m else None


def guest_run(results, dest, sysroot):
    """The dynamic tools from the recipe build, in the QEMU guest."""
    stage = os.path.join(BUILD, "guest")
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(dest, stage, symlinks=True)
    libdir = os.path.join(stage, "lib", "aarch64-linux-gnu")
    os.makedirs(libdir, exist_ok=True)
    for lib in LIBS:
        for base in ("lib/aarch64-linux-gnu", "usr/lib/aarch64-linux-gnu"):
            src = os.path.join(sysroot, base, lib)
            if os.path.exists(src):
                shutil.copy(os.path.realpath(src), os.path.join(libdir, lib))
                break
    shutil.copy(os.path.join(libdir, "ld-linux-aarch64.so.1"),
                os.path.join(stage, "lib", "ld-linux-aarch64.so.1"))
    # the bench's own test inmates are not installed: uart-demo is a demo
    os.makedirs(os.path.join(stage, "test"))
    with open(os.path.join(stage, "test", "run.sh"), "w") as f:
        f.write(GUEST)
    os.chmod(os.path.join(stage, "test", "run.sh"), 0o755)
    overlay = bench.make_overlay(stage, stage + ".cpio.gz")
    log, timed_out, _ = bench.boot(bench.kernel_dir("6.1"),
                                   [bench.base_initramfs(), overlay],
                                   timeout=120)
    with open(os.path.join(BUILD, "guest.log"), "w") as f:
        f.write(log)
    lines = log.splitlines()
    missing = bench.unmatched_in_order(log, GUEST_EXPECT)
    results.report(not timed_out and not missing,
                   "dynamic tools of the recipe build: enable, cell "
                   "create/load/start/destroy, disable in the guest",
                   ("timed out\n" if timed_out else "") +
                   "\n".join(f"missing /{p}/" for p in missing) +
                   "\n" + "\n".join(lines[-20:]))


def main():
    results = Results()
    kdir = bench.kernel_dir("6.1")
    with open(os.path.join(kdir, "include", "config",
                           "kernel.release")) as f:
        kver = f.read().strip()
    sysroot = bench.last_line([os.path.join(TOP, "scripts",
                                            "arm64-libs.sh"), "--sysroot"])
    src = os.path.join(BUILD, "src")
    dest = os.path.join(BUILD, "dest")
    copy_tree(src)
    shutil.rmtree(dest, ignore_errors=True)

    gcc = shutil.which(PREFIX + "gcc", path=recipe_env(sysroot)["PATH"])
    results.report(gcc is None, f"no {PREFIX}gcc on the recipe's PATH",
                   f"found {gcc}")
    build = recipe_make(src, sysroot, kdir)
    results.report(build.returncode == 0,
                   "make with the recipe's CC (tuning, hardening, --sysroot), "
                   "KERNEL_CC, CFLAGS, LDFLAGS, CROSS_COMPILE (binutils "
                   "only), KDIR", build.stdout[-3000:])
    inst = recipe_make(src, sysroot, kdir, "install", f"DESTDIR={dest}",
                       "DEPMOD=echo")
    results.report(inst.returncode == 0, "make install DESTDIR= DEPMOD=echo",
                   inst.stdout[-3000:])
    if build.returncode or inst.returncode:
        print(f"packaging: {results.passed} passed, {results.failed} failed")
        return 1

    got, want = installed(dest, kver), manifest()
    results.report(got == want, "installed tree = install-manifest.txt "
                   "(paths and modes)",
                   "\n".join([f"not installed: {p}" for p in
                              sorted(want - got)] +
                             [f"not in the manifest: {p}" for p in
                              sorted(got - want)]))
    for tool in ("usr/sbin/jailhouse", "usr/bin/ivshmem-demo",
                 "usr/bin/uio_send", "usr/bin/uio_read"):
        interp = interpreter(os.path.join(dest, tool))
        results.report(interp == "/lib/ld-linux-aarch64.so.1",
                       f"/{tool}: dynamically linked (the recipe did not ask "
                       "for STATIC=yes)", f"interpreter {interp}")
    tests = [p for p in got if "/inmates/" in p and
             re.search(r"/(bad-|smp-demo|hvc-test|gpio-toggle|eint-irq)", p)]
    results.report(not tests, "no test inmates installed", "\n".join(tests))
    guest_run(results, dest, sysroot)
    print(f"packaging: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
