#!/usr/bin/python3
"""Host tests of the jailhouse tool's cell commands (tools/cell.c), of
"cell linux" (tools/cell-linux.c) and of "hardware check"
(tools/hardware-check.c).

The commands that only read sysfs (cell list, cell stats, console) run
against a fake sysfs tree that JAILHOUSE_SYSFS points to.  The commands
that need the driver are checked twice: without /dev/jailhouse (argument
parsing, file handling, the message that says to load the driver), and
with fake-driver.c preloaded, which records each ioctl and what it points
to, and fails it on request, so that the driver's reason is shown.

"cell linux" gets a fake arm64 Image (and its gzip), device trees that
dtc compiles from small sources, and the real qemu-arm64-linux-demo.cell
plus two test cells; where things must go is worked out here from the
placement rules and the cell's memory regions (read by cell-info.c
through the ABI header), the device trees it writes are read back with
fdtget, and what it loads is checked through the fake driver.

"hardware check" reads /proc/iomem and /sys from fake trees that
JAILHOUSE_PROC and JAILHOUSE_SYSFS_ROOT point to, one /proc per memory
layout, and the kernel log from the file JAILHOUSE_DMESG names; by
default the trees describe a machine that has every prerequisite (the
kernel log, /proc/kallsyms, /proc/config.gz, a device tree compiled here
with dtc), and each check is then made to fail once on a copy with one
thing changed.  Its expected lines are written from the command's
specification.

Every check runs both host builds, build/host/jailhouse and the one with
ASan/UBSan (which also fails a check on a leak), and passes only if both
give the expected exit status and output.
"""
import gzip
import importlib.util
import os
import pty
import random
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from results import Results  # noqa: E402

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOLS = [os.path.join(TOP, "build", "host", name)
         for name in ("jailhouse", "jailhouse-sanitized")]
CONFIGS = os.path.join(TOP, "configs", "arm64")
DEVICE = "/dev/jailhouse"
BUILD = os.path.join(TOP, "build", "tools-test")
FAKE_DRIVER = os.path.join(BUILD, "fake-driver.so")
CELL_INFO = os.path.join(BUILD, "cell-info")
NO_DRIVER = ("jailhouse: cannot open /dev/jailhouse: No such file or "
             "directory; load the driver first (modprobe jailhouse)\n")

# ioctl numbers (abi-facts 4.1)
CELL_CREATE = "ioctl 0x40100002"
CELL_LOAD = "ioctl 0x40300003"
CELL_START = "ioctl 0x40280004"
CELL_DESTROY = "ioctl 0x40280005"
DISABLE = "ioctl 0x00000001"

# upstream's usage lines of the cell commands
SYNTAX = {
    "create": "cell create CELLCONFIG",
    "list": "cell list",
    "load": 'cell load { ID | [--name] NAME } { IMAGE | { -s | --string } '
            '"STRING" } [-a | --address ADDRESS] ...',
    "start": "cell start { ID | [--name] NAME }",
    "shutdown": "cell shutdown { ID | [--name] NAME }",
    "destroy": "cell destroy { ID | [--name] NAME }",
    "linux": 'cell linux [-h] [-d | --dtb DTB] [-i | --initrd FILE] '
             '[-c | --cmdline "CMDLINE"] [-w | --write-params FILE] '
             '[-a | --arch ARCH] [-k | --kernel-decomp-factor FACTOR] '
             'CELLCONFIG KERNEL',
    "stats": "cell stats { ID | [--name] NAME }",
}

LONG_NAME = "linux-demo-with-a-name-of-31-ch"

# What the tool reads from the environment: never the caller's
TOOL_ENV = ("JAILHOUSE_SYSFS", "JAILHOUSE_PROC", "JAILHOUSE_SYSFS_ROOT",
            "JAILHOUSE_LINUX_LOADER", "JAILHOUSE_DMESG")

# The fake cells: directory, name, state, assigned and failed CPUs.
CELLS = [
    ("0", "root", "running", "0-1,3", ""),
    ("2", "inmate-demo", "shut down", "2,10", ""),
    ("10", LONG_NAME, "running/locked", "4-5", "5"),
]

# Cell 2's counters: total, cpu2, cpu10.  Cell 0 has totals only.
STATS = {
    "vmexits_total": (300, 100, 200),
    "vmexits_mmio": (30, 10, 20),
    "vmexits_management": (3, 1, 2),
    "vmexits_hypercall": (0, 0, 0),
    "vmexits_maintenance": (6, 2, 4),
    "vmexits_virt_irq": (90, 45, 45),
    "vmexits_virt_sgi": (12, 4, 8),
    "vmexits_psci": (2, 1, 1),
    "vmexits_smccc": (12345678901, 12345678900, 1),
}

# Column widths 8, 24, 18, 24, 24, left-aligned; "|" marks each line end.
EXPECTED_LIST = """\
ID      Name                    State             Assigned CPUs           Failed CPUs             |
0       root                    running           0-1,3                                           |
10      linux-demo-with-a-name-of-31-chrunning/locked    4-5                     5                       |
2       inmate-demo             shut down         2,10                                            |
""".replace("|\n", "\n")

# Name 24 wide left-aligned, each value 12 wide right-aligned.
EXPECTED_STATS_2 = """\
Statistics for inmate-demo cell
counter                        total        cpu2       cpu10
vmexits_total                    300         100         200
vmexits_mmio                      30          10          20
vmexits_management                 3           1           2
vmexits_hypercall                  0           0           0
vmexits_maintenance                6           2           4
vmexits_virt_irq                  90          45          45
vmexits_virt_sgi                  12           4           8
vmexits_psci                       2           1           1
vmexits_smccc            12345678901 12345678900           1
"""

EXPECTED_STATS_0 = """\
Statistics for root cell
counter                        total
vmexits_total                    300
vmexits_mmio                      30
vmexits_management                 3
vmexits_hypercall                  0
vmexits_maintenance                6
vmexits_virt_irq                  90
vmexits_virt_sgi                  12
vmexits_psci                       2
vmexits_smccc            12345678901
"""


def usage(cmd):
    return f"Usage: jailhouse {SYNTAX[cmd]}\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(text, bytes) else "w") as f:
        f.write(text)


def fake_sysfs(root):
    """The driver's sysfs directory with CELLS and STATS."""
    write(os.path.join(root, "console"), "hypervisor log\nsecond line\n")
    for cell, name, state, assigned, failed in CELLS:
        d = os.path.join(root, "cells", cell)
        write(os.path.join(d, "name"), name + "\n")
        write(os.path.join(d, "state"), state + "\n")
        write(os.path.join(d, "cpus_assigned_list"), assigned + "\n")
        write(os.path.join(d, "cpus_failed_list"), failed + "\n")
        for counter, (total, cpu2, cpu10) in STATS.items():
            stats = os.path.join(d, "statistics")
            write(os.path.join(stats, counter), f"{total}\n")
            if cell != "2":
                continue
            write(os.path.join(stats, "cpu10", counter), f"{cpu10}\n")
            write(os.path.join(stats, "cpu2", counter), f"{cpu2}\n")
    return root


class Checker:
    def __init__(self, results, sysfs, tmp):
        self.results = results
        self.sysfs = sysfs
        self.driver_log = os.path.join(tmp, "driver", "log")

    def run(self, tool, args, sysfs=None, env={}):
        """"TOOL ARGS" with the fake sysfs (or @sysfs) and @env"""
        full_env = {k: v for k, v in os.environ.items()
                    if k not in TOOL_ENV}
        full_env.update(env, JAILHOUSE_SYSFS=sysfs or self.sysfs)
        return subprocess.run([tool] + args, cwd=TOP, env=full_env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)

    def outcome(self, tool, args, rc, out, err, err_has, sysfs, env={}):
        """Run "TOOL ARGS": what differs from exit status @rc, stdout
        @out and stderr @err (None: not checked), and which text of
        @err_has stderr lacks."""
        name = os.path.basename(tool)
        proc = self.run(tool, args, sysfs, env)
        problems = []
        if proc.returncode != rc:
            problems.append(f"{name}: exit {proc.returncode}, wanted {rc}")
        if out is not None and proc.stdout != out:
            problems.append(f"{name}: stdout\n{proc.stdout!r}\nwanted\n"
                            f"{out!r}")
        if err is not None and proc.stderr != err:
            problems.append(f"{name}: stderr\n{proc.stderr!r}\nwanted\n"
                            f"{err!r}")
        for text in err_has:
            if text not in proc.stderr:
                problems.append(f"{name}: stderr lacks {text!r}:\n"
                                f"{proc.stderr}")
        return problems

    def expect(self, what, args, rc, out=None, err=None, err_has=(),
               sysfs=None, env={}):
        """"jailhouse ARGS" as outcome() wants it, with both builds."""
        problems = []
        for tool in TOOLS:
            problems += self.outcome(tool, args, rc, out, err, err_has,
                                     sysfs, env)
        self.results.report(not problems, what, "\n".join(problems))

    def expect_driver(self, what, args, log, blobs={}, rc=0, out="", err="",
                      errno=None, sysfs=None, env={}, fail_only=None):
        """The same with the fake driver, which must have logged @log
        exactly and been handed the bytes of @blobs (LOG.<key>).  With
        @errno, the ioctls fail (only the ioctl @fail_only, if given)."""
        env = dict(env, LD_PRELOAD=FAKE_DRIVER,
                   FAKE_DRIVER_LOG=self.driver_log,
                   ASAN_OPTIONS="verify_asan_link_order=0")
        if errno is not None:
            env["FAKE_DRIVER_ERRNO"] = str(errno)
        if fail_only is not None:
            env["FAKE_DRIVER_FAIL"] = fail_only
        problems = []
        for tool in TOOLS:
            name = os.path.basename(tool)
            shutil.rmtree(os.path.dirname(self.driver_log),
                          ignore_errors=True)
            os.makedirs(os.path.dirname(self.driver_log))
            problems += self.outcome(tool, args, rc, out, err, (), sysfs,
                                     env)
            got = read_or_none(self.driver_log, "r") or ""
            if got != log:
                problems.append(f"{name}: driver log\n{got}wanted\n{log}")
            for key, data in blobs.items():
                if read_or_none(f"{self.driver_log}.{key}", "rb") != data:
                    problems.append(f"{name}: driver got other bytes in "
                                    f"{key}")
        self.results.report(not problems, what, "\n".join(problems))


def read_or_none(path, mode):
    try:
        with open(path, mode) as f:
            return f.read()
    except FileNotFoundError:
        return None


def help_and_dispatch(check):
    wanted = "".join(f"   {line}\n" for line in SYNTAX.values())
    for tool in TOOLS:
        out = subprocess.run([tool, "--help"], stdout=subprocess.PIPE,
                             text=True).stdout
        check.results.report(wanted in out, f"--help lists the cell "
                             f"commands ({os.path.basename(tool)})", out)
    check.expect("cell: unknown sub-command", ["cell", "frobnicate", "x"],
                 1, out="", err_has=("jailhouse cell: unknown sub-command "
                                     "'frobnicate'\nUsage: jailhouse {",
                                     "   " + SYNTAX["stats"] + "\n"))
    check.expect("cell: no sub-command", ["cell"], 1, out="",
                 err_has=("jailhouse cell: unknown sub-command ''\n",))


def cell_list(check, tmp):
    check.expect("cell list: table in alphasort order",
                 ["cell", "list"], 0, out=EXPECTED_LIST, err="")
    check.expect("cell list: nothing without the cells directory",
                 ["cell", "list"], 0, out="", err="",
                 sysfs=os.path.join(tmp, "no-driver"))
    empty = os.path.join(tmp, "no-cells")
    os.makedirs(os.path.join(empty, "cells"))
    check.expect("cell list: no header without cells", ["cell", "list"], 0,
                 out="", err="", sysfs=empty)
    check.expect("cell list: extra argument", ["cell", "list", "0"], 1,
                 out="", err=usage("list"))

    broken = os.path.join(tmp, "broken")
    shutil.copytree(check.sysfs, broken)
    os.remove(os.path.join(broken, "cells", "2", "state"))
    check.expect("cell list: unreadable value shown as '-', exit 1",
                 ["cell", "list"], 1,
                 out=EXPECTED_LIST.replace("shut down", "-        "),
                 err=f"jailhouse cell list: {broken}/cells/2/state: No such "
                 "file or directory\n", sysfs=broken)


def cell_stats(check, tmp):
    check.expect("cell stats NAME: totals and per-CPU columns",
                 ["cell", "stats", "inmate-demo"], 0, out=EXPECTED_STATS_2,
                 err="")
    check.expect("cell stats ID", ["cell", "stats", "2"], 0,
                 out=EXPECTED_STATS_2, err="")
    check.expect("cell stats ID in hex (strtoll base 0)",
                 ["cell", "stats", "0x2"], 0, out=EXPECTED_STATS_2, err="")
    check.expect("cell stats --name NAME",
                 ["cell", "stats", "--name", "inmate-demo"], 0,
                 out=EXPECTED_STATS_2, err="")
    check.expect("cell stats: without per-CPU directories, totals only",
                 ["cell", "stats", "root"], 0, out=EXPECTED_STATS_0, err="")
    check.expect("cell stats: name truncated to 31 characters",
                 ["cell", "stats", LONG_NAME + "-and-more"], 0,
                 out=EXPECTED_STATS_0.replace("root", LONG_NAME), err="")
    check.expect("cell stats: unknown name", ["cell", "stats", "nosuch"], 1,
                 out="", err="jailhouse cell stats: no cell named 'nosuch'\n")
    check.expect("cell stats: unknown id", ["cell", "stats", "7"], 1,
                 out="", err="jailhouse cell stats: no cell with id 7\n")
    check.expect("cell stats --name forces a name",
                 ["cell", "stats", "--name", "2"], 1, out="",
                 err="jailhouse cell stats: no cell named '2'\n")
    check.expect("cell stats: negative number is a name",
                 ["cell", "stats", "-1"], 1, out="",
                 err="jailhouse cell stats: no cell named '-1'\n")
    check.expect("cell stats: no driver", ["cell", "stats", "0"], 1,
                 out="", err="jailhouse cell stats: no cell with id 0\n",
                 sysfs=os.path.join(tmp, "no-driver"))
    for args in ([], ["--name"], ["0", "1"]):
        check.expect(f"cell stats {' '.join(args) or '-'}: usage",
                     ["cell", "stats"] + args, 1, out="", err=usage("stats"))


def live_stats(check, tool, sysfs, change_after=None):
    """"cell stats inmate-demo" on a pseudo-terminal: returns (exit
    status, output, seconds).  After 1.5 s @change_after(), then q."""
    pid, fd = pty.fork()
    if pid == 0:
        env = {k: v for k, v in os.environ.items() if k not in TOOL_ENV}
        env["JAILHOUSE_SYSFS"] = sysfs
        os.execve(tool, [tool, "cell", "stats", "inmate-demo"], env)
    out, start, sent = b"", time.monotonic(), False
    while time.monotonic() - start < 8:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
        elapsed = time.monotonic() - start
        if not sent and elapsed > 2.6:
            os.write(fd, b"q")
            sent = True
        if change_after and elapsed > 1.5:
            change_after()
            change_after = None
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    os.close(fd)
    return (os.waitstatus_to_exitcode(status),
            out.decode(errors="replace"), time.monotonic() - start)


def cell_stats_live(check, tmp):
    """On a terminal, cell stats refreshes every second until q (as
    upstream's viewer); a counter that changes shows its new value."""
    sysfs = os.path.join(tmp, "live-sysfs")
    shutil.copytree(check.sysfs, sysfs)
    total = os.path.join(sysfs, "cells", "2", "statistics", "vmexits_total")

    def bump():
        write(total, "987654321\n")

    for tool in TOOLS:
        with open(total, "w") as f:
            f.write("123\n")
        rc, out, secs = live_stats(check, tool, sysfs, bump)
        name = os.path.basename(tool)
        frames = out.count("\033[H\033[2J")
        check.results.report(
            rc == 0 and frames >= 2 and "987654321" in out and
            "q or Ctrl-C quits" in out and secs < 6,
            f"{name}: cell stats on a terminal: refreshed, new values, q "
            "quits", f"exit {rc}, {frames} frames, {secs:.1f} s:\n{out}")

    # the cell goes while it is shown
    def destroy():
        shutil.rmtree(os.path.join(sysfs, "cells", "2"))

    rc, out, _ = live_stats(check, TOOLS[0], sysfs, destroy)
    check.results.report(rc == 0 and "The cell is gone." in out,
                         "cell stats on a terminal: the cell goes away",
                         f"exit {rc}:\n{out}")


def console(check, tmp):
    check.expect("console: reads JAILHOUSE_SYSFS/console", ["console"], 0,
                 out="hypervisor log\nsecond line\n", err="")
    missing = os.path.join(tmp, "no-driver")
    check.expect("console: names the missing file", ["console"], 1,
                 out="", err=f"jailhouse console: {missing}/console: No "
                 "such file or directory\n", sysfs=missing)


def cell_load_arguments(check, image):
    for what, args in [("no cell", []),
                       ("no image", ["0"]),
                       ("--name without name", ["--name"]),
                       ("-a without value", ["0", image, "-a"]),
                       ("-a before any image", ["0", "-a", "0x1000", image]),
                       ("-a twice", ["0", image, "-a", "1", "-a", "2"]),
                       ("-s without string", ["0", image, "-s"])]:
        check.expect(f"cell load: {what}: usage", ["cell", "load"] + args, 1,
                     out="", err=usage("load"))
    check.expect("cell load: missing file",
                 ["cell", "load", "0", "/nonexistent/image.bin"], 1, out="",
                 err="jailhouse cell load: /nonexistent/image.bin: No such "
                 "file or directory\n")
    check.expect("cell load: missing second file",
                 ["cell", "load", "0", image, "-a", "0", "missing.bin"], 1,
                 out="", err="jailhouse cell load: missing.bin: No such file "
                 "or directory\n")
    check.expect("cell load: bad address",
                 ["cell", "load", "0", image, "--address", "0x10zz"], 1,
                 out="", err="jailhouse cell load: invalid address "
                 "'0x10zz'\n")


def cell_create(check, tmp):
    check.expect("cell create: no argument", ["cell", "create"], 1, out="",
                 err=usage("create"))
    check.expect("cell create: missing file",
                 ["cell", "create", "/nonexistent.cell"], 1,
                 out="/nonexistent.cell: cannot open: No such file or "
                 "directory\n", err="")
    junk = os.path.join(tmp, "junk.cell")
    write(junk, "not a configuration\n")
    check.expect("cell create: not a cell configuration",
                 ["cell", "create", junk], 1, err=f"jailhouse cell create: "
                 f"{junk} has 1 error, not created\n")
    system = os.path.join(CONFIGS, "qemu-arm64.cell")
    check.expect("cell create: system configuration refused",
                 ["cell", "create", system], 1, err_has=(
                     f"jailhouse cell create: {system} has 1 error",))


def revision_14_cell(cell, tmp, system=False):
    """@cell in upstream's revision-14 layout (tests/configs/run.py)"""
    spec = importlib.util.spec_from_file_location(
        "configs_run", os.path.join(TOP, "tests", "configs", "run.py"))
    configs_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(configs_run)
    cell14 = os.path.join(tmp, os.path.basename(cell)[:-5] + "-v14.cell")
    configs_run.to_v14(cell, cell14, system)
    return cell14


def driver_commands(check, tmp, image):
    """Valid arguments: the tool gets as far as opening the device."""
    cell = os.path.join(CONFIGS, "qemu-arm64-inmate-demo.cell")
    cell14 = revision_14_cell(cell, tmp)
    check.expect("cell create: checked, then the driver",
                 ["cell", "create", cell], 1, out="", err=NO_DRIVER)
    check.expect("cell create: revision 14 converted",
                 ["cell", "create", cell14], 1,
                 out=f"{cell14}: revision: 14: note: upstream revision-14 "
                 "file, checked as converted to revision 15\n", err=NO_DRIVER)
    check.expect("cell load: images, strings and addresses",
                 ["cell", "load", "--name", "inmate-demo", image, "-a",
                  "0x1000", "--string", "kernel=0x0 dtb=0x0", "-a", "4096",
                  image, "-s", "", image, "--address", "0"], 1,
                 out="", err=NO_DRIVER)
    for cmd in ("start", "shutdown", "destroy"):
        for args in (["1"], ["inmate-demo"], ["--name", "1"]):
            check.expect(f"cell {cmd} {' '.join(args)}: the driver",
                         ["cell", cmd] + args, 1, out="", err=NO_DRIVER)
        for args in ([], ["--name"], ["1", "2"]):
            check.expect(f"cell {cmd} {' '.join(args) or '-'}: usage",
                         ["cell", cmd] + args, 1, out="", err=usage(cmd))


def fake_driver_ioctls(check, tmp, image):
    """What the commands hand the driver, and how its refusals show."""
    cell = os.path.join(CONFIGS, "qemu-arm64-inmate-demo.cell")
    with open(cell, "rb") as f:
        blob = f.read()
    with open(image, "rb") as f:
        image_data = f.read()
    empty = os.path.join(tmp, "empty.bin")
    write(empty, "")

    check.expect_driver("cell create: the configuration",
                        ["cell", "create", cell],
                        f"{CELL_CREATE} size={len(blob)} padding=0\n",
                        {"config": blob})
    cell14 = revision_14_cell(cell, tmp)
    check.expect_driver("cell create: revision 14 handed over converted",
                        ["cell", "create", cell14],
                        f"{CELL_CREATE} size={len(blob)} padding=0\n",
                        {"config": blob},
                        out=f"{cell14}: revision: 14: note: upstream "
                        "revision-14 file, checked as converted to revision "
                        "15\n")
    check.expect_driver(
        "cell load: files, strings, addresses, by name",
        ["cell", "load", "--name", "inmate-demo", image, "-a", "0x1000",
         "--string", "kernel=0x0 dtb=0x0", "-a", "4096", "-s", "", empty,
         "--address", "0xffffffff80000000", image],
        f"{CELL_LOAD} id=-1 padding=0 name='inmate-demo' terminated=1 "
        "images=5 padding=0\n"
        f"image 0 size={len(image_data)} target=0x1000 padding=0\n"
        "image 1 size=19 target=0x1000 padding=0\n"
        "image 2 size=1 target=0x0 padding=0\n"
        "image 3 size=0 target=0xffffffff80000000 padding=0\n"
        f"image 4 size={len(image_data)} target=0x0 padding=0\n",
        {"image0": image_data, "image1": b"kernel=0x0 dtb=0x0\0",
         "image2": b"\0", "image3": b"", "image4": image_data})
    check.expect_driver("cell load: by id", ["cell", "load", "0x10", image],
                        f"{CELL_LOAD} id=16 padding=0 name='' terminated=1 "
                        "images=1 padding=0\n"
                        f"image 0 size={len(image_data)} target=0x0 "
                        "padding=0\n", {"image0": image_data})
    check.expect_driver("cell shutdown: a load of no images",
                        ["cell", "shutdown", "2"],
                        f"{CELL_LOAD} id=2 padding=0 name='' terminated=1 "
                        "images=0 padding=0\n")
    check.expect_driver("cell start NAME", ["cell", "start", "inmate-demo"],
                        f"{CELL_START} id=-1 padding=0 name='inmate-demo' "
                        "terminated=1\n")
    check.expect_driver("cell destroy: name truncated to 31 characters",
                        ["cell", "destroy", "--name", LONG_NAME + "-more"],
                        f"{CELL_DESTROY} id=-1 padding=0 name='{LONG_NAME}' "
                        "terminated=1\n")

    reasons = os.path.join(tmp, "reasons")
    write(os.path.join(reasons, "last_error"), "cell 'x' is not known\n")
    check.expect_driver("refusal: the errno, then the driver's reason",
                        ["cell", "destroy", "x"],
                        f"{CELL_DESTROY} id=-1 padding=0 name='x' "
                        "terminated=1\n", rc=1, errno=2, sysfs=reasons,
                        err="JAILHOUSE_CELL_DESTROY: No such file or "
                        "directory\ncell 'x' is not known\n")
    check.expect_driver("refusal: cell create", ["cell", "create", cell],
                        f"{CELL_CREATE} size={len(blob)} padding=0\n",
                        rc=1, errno=17, sysfs=reasons,
                        err="JAILHOUSE_CELL_CREATE: File exists\n"
                        "cell 'x' is not known\n")
    check.expect_driver("refusal: cell shutdown", ["cell", "shutdown", "1"],
                        f"{CELL_LOAD} id=1 padding=0 name='' terminated=1 "
                        "images=0 padding=0\n", rc=1, errno=16,
                        sysfs=reasons, err="JAILHOUSE_CELL_LOAD: Device or "
                        "resource busy\ncell 'x' is not known\n")
    write(os.path.join(reasons, "last_error"), "not enabled")
    check.expect_driver("refusal: disable, reason without newline",
                        ["disable"], f"{DISABLE}\n", rc=1, errno=22,
                        sysfs=reasons, err="JAILHOUSE_DISABLE: Invalid "
                        "argument\nnot enabled\n")
    check.expect_driver("refusal: no reason given", ["cell", "start", "1"],
                        f"{CELL_START} id=1 padding=0 name='' "
                        "terminated=1\n", rc=1, errno=1,
                        err="JAILHOUSE_CELL_START: Operation not "
                        "permitted\n", sysfs=os.path.join(tmp, "no-driver"))


# ---- jailhouse cell linux ----

LINUX_CELL = os.path.join(CONFIGS, "qemu-arm64-linux-demo.cell")
LINUX_USAGE = f"Usage: jailhouse {SYNTAX['linux']}\n"
LINUX = "jailhouse cell linux: "

# Memory region flags (abi-facts 1, include/jailhouse/cell-config.h)
MEM_READ, MEM_WRITE, MEM_EXECUTE, MEM_DMA = 0x01, 0x02, 0x04, 0x08
MEM_IO, MEM_COMM_REGION, MEM_ROOTSHARED = 0x10, 0x20, 0x80
RAM_MASK = (MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | MEM_IO |
            MEM_COMM_REGION | MEM_ROOTSHARED)
RAM = MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA

KIB = 1 << 10
MIB = 1 << 20
IMAGE_MAGIC = 0x644D5241          # "ARM\x64" at offset 56 (booting.rst)
LOADER_ARGS = 0x1000              # the loader's string, after the loader

# Two test cells from tests/configs/broken/cell.h: its own RAM (1 MiB at
# 0, no DMA) is no RAM for Linux; "small" adds two regions that are, one
# 4 MiB and one 6 MiB, the second not 2 MiB aligned.
SMALL_CELL = """\
#define CELL_NAME "linux-small"
#define NUM_EXTRA_REGIONS 2
#define EXTRA_REGIONS \\
	{ .phys_start = 0x7f400000, .virt_start = 0x60000000, \\
	  .size = 0x00400000, .flags = MEM_LOADABLE | JAILHOUSE_MEM_DMA }, \\
	{ .phys_start = 0x7f800000, .virt_start = 0x61010000, \\
	  .size = 0x00600000, .flags = MEM_LOADABLE | JAILHOUSE_MEM_DMA },
#include "cell.h"
"""
NO_RAM_CELL = '#define CELL_NAME "linux-no-ram"\n#include "cell.h"\n'
# cell.h's RAM at 0 made 8 MiB with DMA: Linux's RAM, the loader in it
ZERO_CELL = """\
#define CELL_NAME "linux-at-zero"
#define RAM_SIZE 0x00800000
#define RAM_FLAGS (MEM_LOADABLE | JAILHOUSE_MEM_DMA)
#include "cell.h"
"""

DTS_HEAD = "/dts-v1/;\n/ {\n"
# 64-bit cells, two memory nodes to replace, bootargs to keep or replace
DTS_64 = DTS_HEAD + """\
	#address-cells = <2>;
	#size-cells = <2>;
	model = "cell linux test";
	memory@40000000 {
		device_type = "memory";
		reg = <0 0x40000000 0 0x10000000>;
	};
	ram@80000000 {
		device_type = "memory";
		reg = <0 0x80000000 0 0x1000>;
	};
	serial@9000000 {
		compatible = "arm,pl011", "arm,primecell";
		reg = <0 0x9000000 0 0x1000>;
	};
	chosen {
		bootargs = "from-the-dtb";
	};
};
"""
# 32-bit cells, no /chosen, no memory node
DTS_32 = DTS_HEAD + """\
	#address-cells = <1>;
	#size-cells = <1>;
	model = "cell linux test, 32-bit cells";
};
"""
DTS_NO_SIZE_CELLS = DTS_HEAD + """\
	#address-cells = <2>;
};
"""


def page(n):
    return (n + 0xfff) & ~0xfff


def align(n, a):
    return (n + a - 1) & ~(a - 1)


def human(n):
    """Sizes as the tool words them: 1023 bytes, 1.5 KiB, 128 MiB"""
    if n < 1024:
        return f"{n} bytes"
    value, units = n / 1024, ["KiB", "MiB", "GiB"]
    while value >= 1024 and len(units) > 1:
        value, units = value / 1024, units[1:]
    text = f"{value:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {units[0]}"


def arm64_image(size, text_offset, image_size, flags=0xa, seed=1):
    """A fake arm64 Image of @size bytes: the 64-byte header (little
    endian, 4K pages, placement anywhere), then random bytes."""
    header = struct.pack("<IIQQQQQQII", 0x14000010, 0, text_offset,
                         image_size, flags, 0, 0, 0, IMAGE_MAGIC, 0)
    return header + random.Random(seed).randbytes(size - len(header))


class Cell:
    """Name, cpu_reset_address and memory regions of a .cell file"""

    def __init__(self, path):
        lines = subprocess.run([CELL_INFO, path], stdout=subprocess.PIPE,
                               text=True, check=True).stdout.splitlines()
        self.path = path
        self.name, reset = lines[0].rsplit(" ", 1)
        self.reset = int(reset, 0)
        self.regions = [tuple(int(x, 0) for x in line.split())
                        for line in lines[1:]]
        with open(path, "rb") as f:
            self.blob = f.read()

    def ram(self):
        """RAM for Linux: the flag rule, not the loader's MiB at 0"""
        return [(virt, size) for virt, size, flags in self.regions
                if flags & RAM_MASK == RAM and not (virt == 0 and
                                                    size <= MIB)]


def place(cell, kernel, dtb_size, initrd=None, factor=1):
    """Where the placement rules put DTB, kernel and initrd: a dict, or
    for no fit the bytes needed from the start of the largest RAM region
    and that region."""
    text_offset, image_size = struct.unpack_from("<QQ", kernel, 8)
    if image_size == 0:
        text_offset, image_size = 0x80000, len(kernel)
    room = page(max(image_size, len(kernel)))
    largest = None
    for virt, size in cell.ram():
        dtb = virt + (0 if virt else 8 * KIB)
        at = {"dtb": dtb, "kernel": align(dtb + page(dtb_size), 2 * MIB) +
              text_offset}
        end = at["kernel"] + room
        if initrd is not None:
            at["initrd"] = page(end + factor * page(len(kernel)))
            end = at["initrd"] + len(initrd)
        at["need"] = end - virt
        if end - virt <= size:
            return at
        if largest is None or size > largest[1][1]:
            largest = (at["need"], (virt, size))
    return {"need": largest[0], "region": largest[1]}


def loader_args(at):
    return f"kernel=0x{at['kernel']:x} dtb=0x{at['dtb']:x}"


def written(cell, config, kernel, at, params, initrd=None, zipped=False):
    """The -w output (linux-inmate.md 3)"""
    load = (f"jailhouse cell load {cell.name} linux-loader.bin "
            f"-a 0x{cell.reset:x} -s \"{loader_args(at)}\" "
            f"-a 0x{cell.reset + LOADER_ARGS:x} "
            f"{kernel}{'-unzipped' if zipped else ''} "
            f"-a 0x{at['kernel']:x} ")
    if initrd:
        load += f"{initrd} -a 0x{at['initrd']:x} "
    load += f"{params} -a 0x{at['dtb']:x}"
    out = ("Modified device tree written. Start Linux with the following "
           "commands (adjusting paths as needed):\n\n"
           f"jailhouse cell create {config}\n{load}\n"
           f"jailhouse cell start {cell.name}\n")
    if zipped:
        out += (f"\nNote that {kernel} is zipped and requires "
                "decompression first.\n")
    return out


def fdtget(dtb, node, prop=None, kind=None):
    """A property (fdtget's text; None if absent), or with @prop None the
    subnodes of @node"""
    args = ["fdtget"] + (["-t", kind] if kind else []) + \
        ([dtb, node, prop] if prop else ["-l", dtb, node])
    proc = subprocess.run(args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode:
        return None
    return proc.stdout.strip() if prop else proc.stdout.split()


def cell_words(value, cells):
    return [value >> 32, value & 0xffffffff] if cells == 2 else [value]


def hex_words(words):
    return " ".join(f"{w:x}" for w in words)


def dtb_fixed_up(cell, cells, bootargs, initrd=None, keep=()):
    """A check of a written DTB: one memory node, memory@<first RAM>, its
    reg one pair per RAM region in @cells (address, size) cells, /chosen
    bootargs (None: absent), linux,initrd-start/end = @initrd (start,
    end) or absent, and the (node, property, value) of @keep unchanged."""
    def check(dtb):
        ram = cell.ram()
        node = f"memory@{ram[0][0]:x}"
        problems = []
        memory = [n for n in fdtget(dtb, "/") or []
                  if fdtget(dtb, "/" + n, "device_type") == "memory"]
        if memory != [node]:
            problems.append(f"memory nodes {memory}, wanted [{node}]")
        reg = hex_words(sum((cell_words(virt, cells[0]) +
                             cell_words(size, cells[1])
                             for virt, size in ram), []))
        got = fdtget(dtb, "/" + node, "reg", "x")
        if got != reg:
            problems.append(f"/{node} reg {got}, wanted {reg}")
        wanted = [("/chosen", "bootargs", None, bootargs)]
        for prop, value in zip(("linux,initrd-start", "linux,initrd-end"),
                               initrd or (None, None)):
            wanted.append(("/chosen", prop, "x", None if value is None
                           else hex_words(cell_words(value, cells[0]))))
        for node, prop, value in keep:
            wanted.append((node, prop, None, value))
        for node, prop, kind, value in wanted:
            got = fdtget(dtb, node, prop, kind)
            if got != value:
                problems.append(f"{node} {prop}: {got!r}, wanted {value!r}")
        return problems
    return check


def compile_cell(source, out, tmp):
    """A test cell: @source built like tests/configs' broken cells"""
    spec = importlib.util.spec_from_file_location(
        "configs_run", os.path.join(TOP, "tests", "configs", "run.py"))
    configs_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(configs_run)
    src = os.path.join(tmp, os.path.basename(out)[:-5] + ".c")
    write(src, source.replace('"cell.h"', '"' + os.path.join(
        TOP, "tests", "configs", "broken", "cell.h") + '"'))
    configs_run.compile_broken(src, out)
    return Cell(out)


class Linux:
    """The inputs of "cell linux" tests and how they are checked"""

    def __init__(self, check, tmp):
        self.check = check
        self.dir = os.path.join(tmp, "linux")
        os.makedirs(self.dir)
        self.cell = Cell(LINUX_CELL)
        self.small = compile_cell(SMALL_CELL, self.path("small.cell"),
                                  self.dir)
        self.no_ram = compile_cell(NO_RAM_CELL, self.path("no-ram.cell"),
                                   self.dir)
        self.zero = compile_cell(ZERO_CELL, self.path("zero.cell"), self.dir)
        # 1.5 MiB and a bit, image_size 3 MiB (bss), text_offset 0x80000
        self.image = self.file("Image", arm64_image(1536 * KIB + 4321,
                                                    0x80000, 3 * MIB))
        self.image_gz = self.file("Image.gz",
                                  gzip.compress(self.data(self.image),
                                                mtime=0))
        # before 3.17: no image_size, text_offset 0x80000 whatever it says
        self.image_old = self.file("Image-old", arm64_image(
            0x123456, 0, 0, flags=1, seed=2))
        self.image_be = self.file("Image-be", arm64_image(
            4096, 0, 8192, flags=0xb, seed=3))
        self.corrupt_gz = self.file("corrupt.gz",
                                    self.data(self.image_gz)[:50000])
        self.initrd = self.file("initrd.cpio",
                                random.Random(4).randbytes(700001))
        self.loader = self.file("linux-loader.bin",
                                b"linux-loader stand-in\n" * 100)
        self.dtb64 = self.dtb("cell64", DTS_64)
        self.dtb32 = self.dtb("cell32", DTS_32)
        self.dtb_no_size = self.dtb("no-size-cells", DTS_NO_SIZE_CELLS)
        self.env = {"JAILHOUSE_LINUX_LOADER": self.loader}

    def path(self, name):
        return os.path.join(self.dir, name)

    def file(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    @staticmethod
    def data(path):
        with open(path, "rb") as f:
            return f.read()

    def dtb(self, name, source):
        write(self.path(name + ".dts"), source)
        subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o",
                        self.path(name + ".dtb"), self.path(name + ".dts")],
                       check=True)
        return self.path(name + ".dtb")

    def expect(self, what, args, rc, out=None, err=None, **kwargs):
        self.check.expect("cell linux: " + what, ["cell", "linux"] + args,
                          rc, out=out, err=err,
                          env=dict(self.env, **kwargs.pop("env", {})),
                          **kwargs)

    def expect_written(self, what, args, wanted, dtb_check):
        """-w FILE (the last two of @args): stdout wanted(size of FILE),
        nothing on stderr, FILE a DTB that passes @dtb_check."""
        params = args[-1]
        problems = []
        for tool in TOOLS:
            name = os.path.basename(tool)
            if os.path.exists(params):
                os.remove(params)
            proc = self.check.run(tool, ["cell", "linux"] + args,
                                  env=self.env)
            dtb = read_or_none(params, "rb")
            if proc.returncode or proc.stderr or dtb is None:
                problems.append(f"{name}: exit {proc.returncode}, "
                                f"stderr {proc.stderr!r}, "
                                f"DTB written: {dtb is not None}")
                continue
            out = wanted(len(dtb))
            if proc.stdout != out:
                problems.append(f"{name}: stdout\n{proc.stdout}wanted\n"
                                f"{out}")
            problems += [f"{name}: {p}" for p in dtb_check(params)]
        self.check.results.report(not problems, "cell linux -w: " + what,
                                  "\n".join(problems))
        return read_or_none(params, "rb")

    def load_log(self, cell, images):
        """The driver log of create, one load of @images (data, target)
        and start"""
        log = (f"{CELL_CREATE} size={len(cell.blob)} padding=0\n"
               f"{CELL_LOAD} id=-1 padding=0 name='{cell.name}' "
               f"terminated=1 images={len(images)} padding=0\n")
        for n, (data, target) in enumerate(images):
            log += (f"image {n} size={len(data)} target=0x{target:x} "
                    "padding=0\n")
        return log

    def images(self, cell, kernel, dtb, at, initrd=None):
        images = [(self.data(self.loader), cell.reset), (kernel, at["kernel"]),
                  (dtb, at["dtb"])]
        if initrd is not None:
            images.append((initrd, at["initrd"]))
        images.append(((loader_args(at) + "\0").encode(),
                       cell.reset + LOADER_ARGS))
        return images


def linux_written(lx):
    """-w: the printed commands and the device tree written"""
    cell, out = lx.cell, lx.path("out.dtb")
    initrd = lx.data(lx.initrd)
    cmdline = "console=ttyAMA0 earlycon=pl011,0x09000000"
    keep = [("/", "model", "cell linux test"),
            ("/serial@9000000", "compatible", "arm,pl011 arm,primecell")]

    def output(kernel, factor=1, zipped=False):
        """stdout for a DTB of a given size, with the initrd"""
        return lambda size: written(cell, LINUX_CELL, kernel, place(
            cell, lx.data(lx.image if zipped else kernel), size, initrd,
            factor), out, initrd=lx.initrd, zipped=zipped)

    def fixed_up(kernel, cells, bootargs, factor=1, keep=()):
        """the DTB check, with the initrd where place() puts it"""
        def check(dtb):
            at = place(cell, lx.data(kernel), os.path.getsize(dtb), initrd,
                       factor)
            return dtb_fixed_up(cell, cells, bootargs, (
                at["initrd"], at["initrd"] + len(initrd)), keep)(dtb)
        return check

    lx.expect_written("Image, initrd, cmdline, 64-bit cells",
                      [LINUX_CELL, lx.image, "-d", lx.dtb64, "-i", lx.initrd,
                       "-c", cmdline, "-w", out], output(lx.image),
                      fixed_up(lx.image, (2, 2), cmdline, keep=keep))
    lx.expect_written("Image.gz: the same places, -unzipped and the note",
                      [LINUX_CELL, lx.image_gz, "-d", lx.dtb64, "-i",
                       lx.initrd, "-c", cmdline, "-w", out],
                      output(lx.image_gz, zipped=True),
                      fixed_up(lx.image, (2, 2), cmdline, keep=keep))
    lx.expect_written("long options, -k 3, the DTB's bootargs kept",
                      [f"--dtb={lx.dtb64}", "--initrd", lx.initrd,
                       "--kernel-decomp-factor", "3", "--arch", "arm64",
                       LINUX_CELL, lx.image, "--write-params", out],
                      output(lx.image, factor=3),
                      fixed_up(lx.image, (2, 2), "from-the-dtb", factor=3))
    lx.expect_written(
        "image_size 0: text_offset 0x80000, 32-bit cells, /chosen added",
        [LINUX_CELL, lx.image_old, "-d", lx.dtb32, "-c", "quiet", "-i",
         lx.initrd, "-w", out], output(lx.image_old),
        fixed_up(lx.image_old, (1, 1), "quiet"))

    small, kernel = lx.small, lx.data(lx.image)
    lx.expect_written(
        "first RAM region too small: the second, not 2 MiB aligned",
        [small.path, lx.image, "-d", lx.dtb64, "-w", out],
        lambda size: written(small, small.path, lx.image, place(
            small, kernel, size), out),
        dtb_fixed_up(small, (2, 2), "from-the-dtb"))

    zero = lx.zero
    lx.expect_written(
        "RAM at 0: the device tree 8 KiB in, after the loader",
        [zero.path, lx.image, "-d", lx.dtb64, "-w", out],
        lambda size: written(zero, zero.path, lx.image, place(
            zero, kernel, size), out),
        dtb_fixed_up(zero, (2, 2), "from-the-dtb"))

    cell14 = revision_14_cell(LINUX_CELL, lx.dir)
    lx.expect_written(
        "revision-14 CELLCONFIG converted",
        [cell14, lx.image, "-d", lx.dtb64, "-w", out],
        lambda size: f"{cell14}: revision: 14: note: upstream revision-14 "
        "file, checked as converted to revision 15\n" + written(
            cell, cell14, lx.image, place(cell, kernel, size), out),
        dtb_fixed_up(cell, (2, 2), "from-the-dtb"))


def linux_loaded(lx):
    """Without -w: create, one load of everything, start"""
    cell, out = lx.cell, lx.path("same.dtb")
    kernel, initrd = lx.data(lx.image), lx.data(lx.initrd)
    args = [LINUX_CELL, lx.image, "-d", lx.dtb64, "-i", lx.initrd, "-c",
            "console=ttyAMA0"]
    # the device tree it loads is the one -w writes
    dtb = lx.expect_written(
        "the device tree for the load below", args + ["-w", out],
        lambda size: written(cell, LINUX_CELL, lx.image, place(
            cell, kernel, size, initrd), out, initrd=lx.initrd),
        lambda dtb: [])
    at = place(cell, kernel, len(dtb or b""), initrd)
    images = lx.images(cell, kernel, dtb, at, initrd)
    lx.check.expect_driver(
        "cell linux: create, one load (loader, kernel, DTB, initrd, "
        "string), start", ["cell", "linux"] + args,
        lx.load_log(cell, images) + f"{CELL_START} id=-1 padding=0 "
        f"name='{cell.name}' terminated=1\n",
        dict({"config": cell.blob}, **{f"image{n}": data for n, (data, _)
                                       in enumerate(images)}), env=lx.env)

    args = [LINUX_CELL, lx.image_gz, "-d", lx.dtb64]
    dtb = lx.expect_written(
        "the device tree for the Image.gz load below",
        args + ["-w", out],
        lambda size: written(cell, LINUX_CELL, lx.image_gz, place(
            cell, kernel, size), out, zipped=True), lambda dtb: [])
    at = place(cell, kernel, len(dtb or b""))
    images = lx.images(cell, kernel, dtb, at)
    lx.check.expect_driver(
        "cell linux: Image.gz loaded decompressed, no initrd",
        ["cell", "linux"] + args,
        lx.load_log(cell, images) + f"{CELL_START} id=-1 padding=0 "
        f"name='{cell.name}' terminated=1\n",
        {f"image{n}": data for n, (data, _) in enumerate(images)},
        env=lx.env)

    lx.check.expect_driver(
        "cell linux: failed load: the reason, the cell destroyed again",
        ["cell", "linux"] + args,
        lx.load_log(cell, images) + f"{CELL_DESTROY} id=-1 padding=0 "
        f"name='{cell.name}' terminated=1\n", rc=1, errno=16,
        fail_only=CELL_LOAD.split()[1], env=lx.env,
        err="JAILHOUSE_CELL_LOAD: Device or resource busy\n"
        f"{LINUX}cell '{cell.name}' destroyed again\n")

    exists = os.path.join(lx.dir, "sysfs-exists")
    write(os.path.join(exists, "cells", "4", "name"), cell.name + "\n")
    lx.check.expect_driver(
        "cell linux: refused if the cell exists, no ioctl",
        ["cell", "linux"] + args, "", rc=1, sysfs=exists, env=lx.env,
        err=f"{LINUX}cell '{cell.name}' already exists: destroy it first "
        f"(jailhouse cell destroy {cell.name})\n")
    if not os.path.exists(DEVICE):
        lx.expect("checked, then the driver", args, 1, out="",
                  err=NO_DRIVER)


def linux_missing_loader(lx):
    """No linux-loader.bin anywhere: every path tried is named"""
    installed = "/usr/libexec/jailhouse/linux-loader.bin"
    if os.path.exists(installed):
        print(f"SKIP cell linux: missing loader: {installed} exists")
        return
    copies = os.path.join(lx.dir, "copied")
    os.makedirs(copies)
    missing = os.path.join(lx.dir, "nowhere", "linux-loader.bin")
    problems = []
    for tool in TOOLS:
        copy = shutil.copy(tool, copies)
        problems += lx.check.outcome(
            copy, ["cell", "linux", LINUX_CELL, lx.image, "-d", lx.dtb64],
            1, "", f"{LINUX}linux-loader.bin not found (tried {missing}, "
            f"{installed}, {copies}/../inmates/tools/arm64/"
            "linux-loader.bin): install it with make install, or name it "
            "in JAILHOUSE_LINUX_LOADER\n", (), None,
            {"JAILHOUSE_LINUX_LOADER": missing})
    lx.check.results.report(not problems, "cell linux: missing loader, "
                            "every path named", "\n".join(problems))


def linux_refusals(lx):
    base = [LINUX_CELL, lx.image, "-d", lx.dtb64]
    out = lx.path("refused.dtb")
    lx.expect("no -d", [LINUX_CELL, lx.image], 1, out="",
              err=f"{LINUX}No device tree specified: pass the cell's device "
              "tree with -d DTB\n" + LINUX_USAGE)
    bad = lx.file("not-an-image", bytes(range(256)) * 16)
    lx.expect("not an Image: the magic found", [LINUX_CELL, bad, "-d",
                                                 lx.dtb64], 1, out="",
              err=f"{LINUX}{bad}: not an arm64 Image: magic 0x3b3a3938 at "
              "offset 56, wanted 0x644d5241 (\"ARM\\x64\"); pass "
              "arch/arm64/boot/Image or Image.gz\n")
    lx.expect("big-endian Image", [LINUX_CELL, lx.image_be, "-d", lx.dtb64],
              1, out="", err=f"{LINUX}{lx.image_be}: big-endian kernel "
              "(Image flags bit 0): only little-endian kernels are "
              "supported\n")
    lx.expect("corrupt gzip", [LINUX_CELL, lx.corrupt_gz, "-d", lx.dtb64],
              1, out="", err=f"{LINUX}{lx.corrupt_gz}: corrupt gzip data: "
              "unexpected end of file\n")
    lx.expect("not a DTB: libfdt's reason", [LINUX_CELL, lx.image, "-d",
                                              lx.image], 1, out="",
              err=f"{LINUX}{lx.image}: not a device tree blob: "
              "FDT_ERR_BADMAGIC; pass the .dtb that dtc compiled from the "
              "cell's .dts\n")
    lx.expect("DTB without #size-cells", [LINUX_CELL, lx.image, "-d",
                                           lx.dtb_no_size, "-w", out], 1,
              out="", err=f"{LINUX}{lx.dtb_no_size}: / has no #size-cells: "
              "it gives the width of the addresses in /memory and /chosen\n")
    no_ram = lx.no_ram.path
    lx.expect("no RAM region", [no_ram, lx.image, "-d", lx.dtb64, "-w", out],
              1, out="", err=f"{LINUX}{no_ram} has no RAM region for Linux: "
              "one with the flags READ | WRITE | EXECUTE | DMA (LOADABLE "
              "too, for loading) and none of IO, COMM_REGION, ROOTSHARED\n")

    # the size of the patched DTB only decides its page count
    small, kernel = lx.small, lx.data(lx.image)
    miss = place(small, kernel, 1, lx.data(lx.initrd))
    assert miss == place(small, kernel, 4096, lx.data(lx.initrd))
    virt, size = miss["region"]
    lx.expect("too large: what is needed, the largest region, the "
              "shortfall", [small.path, lx.image, "-d", lx.dtb64, "-i",
                            lx.initrd, "-w", out], 1, out="",
              err=f"{LINUX}kernel, initrd and device tree need "
              f"{human(miss['need'])} (0x{miss['need']:x} bytes) from the "
              f"start of a RAM region; the largest RAM region of "
              f"{small.path}, 0x{virt:x}, has {human(size)}: it is "
              f"{human(miss['need'] - size)} short: enlarge the cell's RAM "
              "region or use a smaller initrd\n")
    big = lx.file("Image-big", arm64_image(8192, 0, 8 * MIB, seed=5))
    miss = place(small, lx.data(big), 4096)
    virt, size = miss["region"]
    lx.expect("too large without initrd", [small.path, big, "-d", lx.dtb64,
                                           "-w", out], 1, out="",
              err=f"{LINUX}kernel and device tree need {human(miss['need'])}"
              f" (0x{miss['need']:x} bytes) from the start of a RAM region; "
              f"the largest RAM region of {small.path}, 0x{virt:x}, has "
              f"{human(size)}: it is {human(miss['need'] - size)} short: "
              "enlarge the cell's RAM region\n")
    junk = lx.file("junk.cell", b"not a configuration\n")
    lx.expect("not a cell configuration", [junk, lx.image, "-d", lx.dtb64],
              1, err=f"{LINUX[:-2]}: {junk} has 1 error, not created\n")
    lx.expect("missing initrd", base + ["-i", lx.path("none.cpio")], 1,
              out="", err=f"{LINUX}{lx.path('none.cpio')}: No such file or "
              "directory\n")

    for what, args, err in [
            ("-a x86", base + ["-a", "x86"],
             f"{LINUX}only arm64 is supported, not 'x86'\n"),
            ("-a arm", base + ["--arch", "arm"],
             f"{LINUX}only arm64 is supported, not 'arm'\n"),
            ("-k not a number", base + ["-k", "1.5"],
             f"{LINUX}-k wants a whole number from 0 to 64, not '1.5'\n"),
            ("unknown option", base + ["-x"], f"{LINUX}unknown option '-x'\n"),
            ("unknown long option", base + ["--frob"],
             f"{LINUX}unknown option '--frob'\n"),
            ("-c without value", base + ["-c"],
             f"{LINUX}a value is missing after '-c'\n"),
            ("no KERNEL", [LINUX_CELL, "-d", lx.dtb64], ""),
            ("three operands", base + ["extra"], ""),
            ("nothing", [], "")]:
        lx.expect(f"{what}: usage", args, 1, out="", err=err + LINUX_USAGE)
    for tool in TOOLS:
        proc = lx.check.run(tool, ["cell", "linux", "--help"])
        lx.check.results.report(
            proc.returncode == 0 and proc.stdout.startswith(LINUX_USAGE) and
            not proc.stderr, f"cell linux --help: usage on stdout "
            f"({os.path.basename(tool)})", proc.stdout + proc.stderr)


def cell_linux(check, tmp):
    lx = Linux(check, tmp)
    linux_written(lx)
    linux_loaded(lx)
    linux_missing_loader(lx)
    linux_refusals(lx)


# ---- jailhouse hardware check [SYSCONFIG] ----

# configs/arm64/qemu-arm64.h: QEMU_HV, QEMU_HV_SIZE (4 MiB)
HV = "0x7fc00000-0x7fffffff"
SYSTEM_CONFIG = os.path.join(CONFIGS, "qemu-arm64.cell")
HW_USAGE = "Usage: jailhouse hardware check [SYSCONFIG [CELLCONFIG...]]\n"

# The devices of QEMU's virt machine, the same in every layout below
IOMEM_DEVICES = """\
09000000-09000fff : pl011@9000000
  09000000-09000fff : pl011@9000000
09010000-09010fff : pl031@9010000
  09010000-09010fff : rtc-pl031
09030000-09030fff : pl061@9030000
0a003e00-0a003fff : a003e00.virtio_mmio
10000000-3efeffff : pcie@10000000
3f000000-3fffffff : PCI ECAM
"""

IOMEM_HIGH = """\
4010000000-401fffffff : PCI ECAM
8000000000-ffffffffff : pcie@10000000
"""

# The bench as scripts/guest/reserved-memory.dtsi sets it up, after
# "jailhouse enable" (the driver's resource nested in the reserved one).
IOMEM_QEMU = IOMEM_DEVICES + """\
40000000-6fffffff : System RAM
  40210000-4157ffff : Kernel code
  41580000-41b0ffff : reserved
  41b10000-41c9ffff : Kernel data
  48000000-483fffff : reserved
70000000-7fbfffff : reserved
7fc00000-7fffffff : reserved
  7fc00000-7fffffff : Jailhouse hypervisor
""" + IOMEM_HIGH

# The hypervisor's reserved-memory node covers half of it.
IOMEM_HV_RAM = IOMEM_DEVICES + """\
40000000-6fffffff : System RAM
  40210000-4157ffff : Kernel code
  41b10000-41c9ffff : Kernel data
70000000-7fbfffff : reserved
7fc00000-7fdfffff : reserved
7fe00000-7fffffff : System RAM
""" + IOMEM_HIGH

# The kernel image at the top of the RAM (code, data, bss: bss ends
# highest), the hypervisor 8 MiB after it.  The nested "reserved" above
# the image is not part of it.
IOMEM_KERNEL_8M = IOMEM_DEVICES + """\
40000000-7fbfffff : System RAM
  7d000000-7e9fffff : Kernel code
  7ea00000-7f2fffff : Kernel data
  7f300000-7f3fffff : Kernel bss
  7f400000-7f5fffff : reserved
7fc00000-7fffffff : reserved
""" + IOMEM_HIGH

# The kernel image runs into the hypervisor memory.
IOMEM_KERNEL_OVERLAP = IOMEM_DEVICES + """\
40000000-6fffffff : System RAM
70000000-7fafffff : reserved
7fb00000-7fffffff : System RAM
  7fb00000-7fbfffff : Kernel code
  7fc00000-7fcfffff : Kernel data
""" + IOMEM_HIGH

# No node for the hypervisor at all.
IOMEM_HV_MISSING = IOMEM_DEVICES + """\
40000000-6fffffff : System RAM
  40210000-4157ffff : Kernel code
  41b10000-41c9ffff : Kernel data
70000000-7fbfffff : reserved
""" + IOMEM_HIGH

# The cells' node shrunk to 0x7effffff; the System RAM in two lines.
IOMEM_CELLS_SHORT = IOMEM_DEVICES + """\
40000000-5fffffff : System RAM
  40210000-4157ffff : Kernel code
  41b10000-41c9ffff : Kernel data
60000000-6fffffff : System RAM
70000000-7effffff : reserved
7fc00000-7fffffff : reserved
""" + IOMEM_HIGH

# What a user other than root reads.
IOMEM_NOT_ROOT = """\
00000000-00000000 : pl011@9000000
  00000000-00000000 : pl011@9000000
00000000-00000000 : System RAM
  00000000-00000000 : Kernel code
  00000000-00000000 : Kernel data
00000000-00000000 : reserved
00000000-00000000 : reserved
"""


def kernel_at(end):
    """The bench's layout with the kernel image ending at @end."""
    return IOMEM_DEVICES + f"""\
40000000-7fbfffff : System RAM
  7d000000-7dffffff : Kernel code
  7e000000-{end:08x} : Kernel data
7fc00000-7fffffff : reserved
""" + IOMEM_HIGH


def hw_report(*lines):
    """@lines (with their PASS/WARN/FAIL), then the summary line."""
    count = {word: sum(line.startswith(word + " ") for line in lines)
             for word in ("PASS", "WARN", "FAIL")}
    return "".join(line + "\n" for line in lines) + (
        f"hardware check: {count['PASS']} passed, {count['WARN']} "
        f"warnings, {count['FAIL']} failed\n")


IOMEM_OK = "PASS /proc/iomem readable"
DRIVER = "PASS driver loaded"
NO_DRIVER_WARN = "WARN driver not loaded (modprobe jailhouse)"
HV_RESERVED = f"PASS hypervisor memory {HV} reserved"
HV_IS_RAM = (f"FAIL hypervisor memory {HV} is System RAM (Linux uses it): "
             "reserve it with a no-map reserved-memory node in the device "
             "tree (patches/linux, patch 3)")
ROOT_RAM_OK = "PASS root cell RAM: 10 regions in System RAM or reserved"
NOT_ROOT = "FAIL run as root: /proc/iomem hides addresses"


# A machine with every prerequisite: the bench's device tree (reserved
# memory as scripts/guest/reserved-memory.dtsi, GICv3, PSCI by SMC), the
# boot messages of a kernel started at EL2 without VHE, the exports of the
# four patches and the kernel options the driver needs.
HW_DTS = """\
/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	interrupt-parent = <&gic>;
	compatible = "linux,dummy-virt";

	psci {
		compatible = "arm,psci-1.0", "arm,psci-0.2", "arm,psci";
		method = "smc";
	};

	memory@40000000 {
		device_type = "memory";
		reg = <0 0x40000000 0 0x40000000>;
	};

	cpus {
		#address-cells = <1>;
		#size-cells = <0>;
		cpu@0 {
			device_type = "cpu";
			reg = <0>;
			enable-method = "psci";
		};
		cpu@1 {
			device_type = "cpu";
			reg = <1>;
			enable-method = "psci";
		};
	};

	gic: intc@8000000 {
		compatible = "arm,gic-v3";
		interrupt-controller;
		#interrupt-cells = <3>;
		reg = <0 0x8000000 0 0x10000>, <0 0x80a0000 0 0xf60000>;
	};

	pl011@9000000 {
		compatible = "arm,pl011", "arm,primecell";
		reg = <0 0x9000000 0 0x1000>;
	};

	serial@9040000 {
		compatible = "arm,pl011", "arm,primecell";
		reg = <0 0x9040000 0 0x1000>;
		status = "disabled";
	};

	bus@a000000 {
		compatible = "simple-bus";
		#address-cells = <1>;
		#size-cells = <1>;
		reg = <0 0xa000000 0 0x10000>;
		ranges = <0 0 0xa000000 0x10000>;

		serial@1000 {
			compatible = "ns16550a";
			reg = <0x1000 0x100>;
		};
	};

	reserved-memory {
		#address-cells = <2>;
		#size-cells = <2>;
		ranges;

		jailhouse-cells@70000000 {
			reg = <0 0x70000000 0 0xfc00000>;
			no-map;
		};

		jailhouse@7fc00000 {
			reg = <0 0x7fc00000 0 0x400000>;
			no-map;
		};
	};
};
"""

HW_DMESG = """\
[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]
[    0.000000] Linux version 6.1.0 (test)
[    0.101010] CPU: All CPU(s) started at EL2
[    0.101020] CPU features: detected: 32-bit EL0 Support
"""

HW_KALLSYMS = """\
ffffffc0080ead00 T ioremap_page_range
ffffffc0080ed004 T __get_vm_area_caller
ffffffc00837b000 T __hyp_stub_vectors
ffffffc0084382cc r __ksymtab___boot_cpu_mode
ffffffc00843844c r __ksymtab___get_vm_area_caller
ffffffc008438464 r __ksymtab___hyp_stub_vectors
ffffffc00843ab1c r __ksymtab_ioremap_page_range
ffffffc00843ab28 r __ksymtab_printk
ffffffc00850e330 D __boot_cpu_mode
ffffffc0014a0000 t jailhouse_init\t[jailhouse]
"""

HW_CONFIG = """\
CONFIG_MODULES=y
CONFIG_HOTPLUG_CPU=y
CONFIG_OF=y
CONFIG_OF_OVERLAY=y
CONFIG_PCI_HOST_GENERIC=y
CONFIG_UIO=m
# CONFIG_KVM is not set
"""


def hw_tail(sysfs):
    """What a machine with every prerequisite adds to the report."""
    return [
        "PASS all CPUs started at EL2 (kernel log)",
        "PASS VHE off: Linux runs at EL1, the hyp stub at EL2",
        "PASS KVM does not hold EL2 (no /dev/kvm, no kvm module)",
        "PASS kernel patch 1: __hyp_stub_vectors exported",
        "PASS kernel patch 2: ioremap_page_range, __get_vm_area_caller "
        "exported",
        "PASS kernel patch 4: __boot_cpu_mode exported",
        "PASS kernel option CONFIG_MODULES=y",
        "PASS kernel option CONFIG_HOTPLUG_CPU=y",
        "PASS kernel option CONFIG_OF_OVERLAY=y",
        "PASS kernel option CONFIG_PCI_HOST_GENERIC=y",
        "PASS kernel option CONFIG_UIO=m",
        "PASS reserved-memory: jailhouse-cells@70000000 "
        "0x70000000-0x7fbfffff, no-map",
        "PASS reserved-memory: jailhouse@7fc00000 0x7fc00000-0x7fffffff, "
        "no-map",
        "PASS GICv3: /intc@8000000 (arm,gic-v3)",
        "PASS PSCI by SMC (/psci)",
        f"PASS CPU hotplug: {sysfs}/devices/system/cpu/cpu1/online",
    ]


class HardwareCheck:
    """Runs "hardware check" on fake /proc trees, one per layout."""

    def __init__(self, check, tmp):
        self.check = check
        self.tmp = os.path.join(tmp, "hardware")
        self.dtb = os.path.join(self.tmp, "bench.dtb")
        write(self.dtb + ".dts", HW_DTS)
        subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", self.dtb,
                        self.dtb + ".dts"], check=True)
        self.sys_driver = self.sysfs("sys-driver")
        self.sys_no_driver = self.sysfs("sys-no-driver", driver=False)

    def sysfs(self, name, driver=True, dtb=True, cpu1="online"):
        """A /sys: the driver's directory, /sys/firmware/fdt, CPU 1"""
        sysfs = os.path.join(self.tmp, name)
        os.makedirs(os.path.join(sysfs, "devices", "system", "cpu", "cpu0"),
                    exist_ok=True)
        if driver:
            os.makedirs(os.path.join(sysfs, "devices", "jailhouse"),
                        exist_ok=True)
        if dtb:
            write(os.path.join(sysfs, "firmware", "fdt"),
                  read_or_none(dtb if isinstance(dtb, str) else self.dtb,
                               "rb"))
        if cpu1 == "online":
            write(os.path.join(sysfs, "devices", "system", "cpu", "cpu1",
                               "online"), "1\n")
        elif cpu1 == "no-online":
            os.makedirs(os.path.join(sysfs, "devices", "system", "cpu",
                                     "cpu1"), exist_ok=True)
        return sysfs

    def proc(self, name, iomem, dmesg=HW_DMESG, kallsyms=HW_KALLSYMS,
             config=HW_CONFIG, modules="jailhouse 45056 0 - Live 0x0 (O)\n"):
        """A /proc with @iomem (None: without the file) and the rest"""
        proc = os.path.join(self.tmp, "proc-" + name)
        os.makedirs(proc, exist_ok=True)
        for file, text in (("iomem", iomem), ("dmesg", dmesg),
                           ("kallsyms", kallsyms), ("modules", modules)):
            if text is not None:
                write(os.path.join(proc, file), text)
        if config is not None:
            write(os.path.join(proc, "config.gz"),
                  gzip.compress(config.encode(), mtime=0))
        elif os.path.exists(os.path.join(proc, "config.gz")):
            os.unlink(os.path.join(proc, "config.gz"))
        return proc

    def env(self, proc, sysfs):
        return {"JAILHOUSE_PROC": proc, "JAILHOUSE_SYSFS_ROOT": sysfs,
                "JAILHOUSE_DMESG": os.path.join(proc, "dmesg")}

    def expect(self, what, proc, args, rc, out=None, err="", driver=True,
               err_has=(), tail=None):
        """@out before the lines of a machine with every prerequisite
        (or @tail), and the summary line for all of them."""
        sysfs = self.sys_driver if driver else self.sys_no_driver
        if out is not None and out.splitlines() and \
                out.splitlines()[-1].startswith("hardware check: "):
            lines = out.splitlines()
            out = hw_report(*(lines[:-1] + (tail if tail is not None else
                                            hw_tail(sysfs))))
        self.check.expect("hardware check: " + what,
                          ["hardware", "check"] + args, rc, out=out,
                          err=err, err_has=err_has,
                          env=self.env(proc, sysfs))

    def expect_line(self, what, line, rc, args=(), proc=None, sysfs=None,
                    absent=None):
        """A report with exit status @rc that has @line (and not
        @absent)."""
        proc = proc or self.proc("qemu", IOMEM_QEMU)
        sysfs = sysfs or self.sys_driver
        problems = []
        for tool in TOOLS:
            out = self.check.run(tool, ["hardware", "check"] + list(args),
                                 env=self.env(proc, sysfs))
            lines = out.stdout.splitlines()
            name = os.path.basename(tool)
            if out.returncode != rc:
                problems.append(f"{name}: exit {out.returncode}, wanted {rc}")
            if line not in lines:
                problems.append(f"{name}: no line {line!r} in\n{out.stdout}")
            if absent and any(l.startswith(absent) for l in lines):
                problems.append(f"{name}: a line {absent!r}...:\n"
                                f"{out.stdout}")
            if out.stderr:
                problems.append(f"{name}: stderr {out.stderr!r}")
        self.check.results.report(not problems, "hardware check: " + what,
                                  "\n".join(problems))


def hardware_layouts(hw):
    """SYSCONFIG against each memory layout"""
    sysconf = [SYSTEM_CONFIG]
    hw.expect("bench layout: hypervisor memory reserved",
              hw.proc("qemu", IOMEM_QEMU), sysconf, 0,
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x41c9ffff)", ROOT_RAM_OK))
    hw.expect("hypervisor memory partly System RAM: FAIL, exit 2",
              hw.proc("hv-ram", IOMEM_HV_RAM), sysconf, 2,
              hw_report(IOMEM_OK, DRIVER, HV_IS_RAM,
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x41c9ffff)", ROOT_RAM_OK))
    hw.expect("hypervisor memory 8 MiB after Kernel bss: WARN, exit 0",
              hw.proc("kernel-8m", IOMEM_KERNEL_8M), sysconf, 0,
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "WARN hypervisor memory starts 0x800000 bytes "
                        "after the end of the kernel image (0x7f3fffff): "
                        "a bigger kernel will overlap it; leave at least "
                        "16 MiB", ROOT_RAM_OK))
    hw.expect("16 MiB after the kernel image: PASS",
              hw.proc("kernel-16m", kernel_at(0x7ebfffff)), sysconf, 0,
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x7ebfffff)", ROOT_RAM_OK))
    hw.expect("one byte less than 16 MiB after it: WARN",
              hw.proc("kernel-16m-1", kernel_at(0x7ec00000)), sysconf, 0,
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "WARN hypervisor memory starts 0xffffff bytes "
                        "after the end of the kernel image (0x7ec00000): "
                        "a bigger kernel will overlap it; leave at least "
                        "16 MiB", ROOT_RAM_OK))
    hw.expect("kernel image overlaps the hypervisor memory: FAIL",
              hw.proc("kernel-overlap", IOMEM_KERNEL_OVERLAP), sysconf, 2,
              hw_report(IOMEM_OK, DRIVER, HV_IS_RAM,
                        "FAIL the kernel image (ends 0x7fcfffff) overlaps "
                        "the hypervisor memory", ROOT_RAM_OK))
    hw.expect("hypervisor memory in no range: WARN",
              hw.proc("hv-missing", IOMEM_HV_MISSING), sysconf, 0,
              hw_report(IOMEM_OK, DRIVER, f"WARN hypervisor memory {HV} "
                        "not in /proc/iomem at all: make sure it is RAM "
                        "that Linux does not use",
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x41c9ffff)", ROOT_RAM_OK))
    # qemu-arm64.c: [2] Linux RAM (in two System RAM lines), [3] the cells'
    # RAM, [4]-[8] the IVSHMEM regions at 0x7fa00000 (0x1000 state,
    # 0x9000 read/write, 3 outputs of 0x2000), [10]-[13] the ivshmem-net
    # regions at 0x7fb00000 (0x1000 state, an empty read/write section that
    # is not checked, 2 outputs of 0x7f000); [0], [1], [9] are I/O.
    hw.expect("root cell RAM outside System RAM and reserved: WARN each",
              hw.proc("cells-short", IOMEM_CELLS_SHORT), sysconf, 0,
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x41c9ffff)",
                        "WARN root mem_regions[3] 0x70000000-0x7f9fffff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[4] 0x7fa00000-0x7fa00fff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[5] 0x7fa01000-0x7fa09fff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[6] 0x7fa0a000-0x7fa0bfff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[7] 0x7fa0c000-0x7fa0dfff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[8] 0x7fa0e000-0x7fa0ffff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[10] 0x7fb00000-0x7fb00fff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[12] 0x7fb01000-0x7fb7ffff: "
                        "not RAM in /proc/iomem",
                        "WARN root mem_regions[13] 0x7fb80000-0x7fbfefff: "
                        "not RAM in /proc/iomem"))


def hardware_kernel_checks(hw):
    """Without SYSCONFIG, and what stops the memory checks"""
    qemu = hw.proc("qemu", IOMEM_QEMU)
    hw.expect("no SYSCONFIG, no driver: WARN, exit 0", qemu, [], 0,
              hw_report(IOMEM_OK, NO_DRIVER_WARN), driver=False)
    hw.expect("no SYSCONFIG, driver loaded", qemu, [], 0,
              hw_report(IOMEM_OK, DRIVER))
    not_root = hw.proc("not-root", IOMEM_NOT_ROOT)
    hw.expect("zero addresses: run as root, exit 2", not_root, [], 2,
              hw_report(NOT_ROOT, DRIVER))
    hw.expect("zero addresses: no memory checks with SYSCONFIG", not_root,
              [SYSTEM_CONFIG], 2, hw_report(NOT_ROOT, NO_DRIVER_WARN),
              driver=False)
    missing = hw.proc("missing", None)
    hw.expect("no /proc/iomem: FAIL", missing, [SYSTEM_CONFIG], 2,
              hw_report(f"FAIL cannot read {missing}/iomem: No such file "
                        "or directory", DRIVER))
    empty = hw.proc("empty", "")
    hw.expect("empty /proc/iomem: FAIL", empty, [], 2,
              hw_report(f"FAIL {empty}/iomem lists no memory ranges",
                        DRIVER))


def hardware_arguments(hw, tmp):
    """SYSCONFIG that cannot be used, usage, dispatch"""
    qemu = hw.proc("qemu", IOMEM_QEMU)
    hw.expect("missing SYSCONFIG: exit 1", qemu, ["/nonexistent.cell"], 1,
              "/nonexistent.cell: cannot open: No such file or directory\n")
    junk = os.path.join(tmp, "junk.cell")
    write(junk, "not a configuration\n")
    hw.expect("not a configuration: exit 1", qemu, [junk], 1,
              err=f"jailhouse hardware check: {junk} has 1 error, not "
              "checked\n")
    cell = os.path.join(CONFIGS, "qemu-arm64-inmate-demo.cell")
    hw.expect("cell configuration as SYSCONFIG: exit 1", qemu, [cell], 1,
              err=None, err_has=(f"jailhouse hardware check: {cell} has ",))
    sys14 = revision_14_cell(SYSTEM_CONFIG, tmp, True)
    hw.expect("revision-14 SYSCONFIG converted", qemu, [sys14], 0,
              f"{sys14}: revision: 14: note: upstream revision-14 file, "
              "checked as converted to revision 15\n" +
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x41c9ffff)", ROOT_RAM_OK))
    hw.expect("a system configuration as CELLCONFIG: exit 1", qemu,
              [SYSTEM_CONFIG, SYSTEM_CONFIG], 1, None, err=None,
              err_has=("jailhouse hardware check: the configuration set "
                       "has ",))
    hw.expect("an option: usage", qemu, ["-x"], 1, "", err=None,
              err_has=(HW_USAGE,))
    hw.expect("--help", qemu, ["--help"], 0, err="", err_has=())
    hw.check.expect("hardware: no sub-command", ["hardware"], 1, out="",
                    err_has=("jailhouse hardware: unknown sub-command "
                             "''\nUsage: jailhouse {",))
    for tool in TOOLS:
        out = subprocess.run([tool, "--help"], stdout=subprocess.PIPE,
                             text=True).stdout
        hw.check.results.report(
            "   hardware check [SYSCONFIG [CELLCONFIG...]]\n" in out,
            "--help lists "
            f"hardware check ({os.path.basename(tool)})", out)
        out = subprocess.run([tool, "hardware", "check", "-h"],
                             stdout=subprocess.PIPE, text=True).stdout
        hw.check.results.report(
            out.startswith(HW_USAGE), "hardware check -h: usage on stdout "
            f"({os.path.basename(tool)})", out)


def hardware_kernel_log(hw):
    """EL2, VHE and KVM from the kernel log, /sys and /proc/modules"""
    at_el1 = HW_DMESG.replace("started at EL2", "started at EL1")
    hw.expect_line("all CPUs started at EL2: PASS",
                   "PASS all CPUs started at EL2 (kernel log)", 0)
    hw.expect_line("started at EL1: FAIL", "FAIL Linux was started at EL1 "
                   "(kernel log): no EL2 for the hypervisor; the boot loader "
                   "must enter the kernel at EL2", 2,
                   proc=hw.proc("el1", IOMEM_QEMU, dmesg=at_el1))
    hw.expect_line("CPUs in inconsistent modes: FAIL", "FAIL the CPUs "
                   "started in inconsistent modes (kernel log): the firmware "
                   "must start every CPU at EL2", 2,
                   proc=hw.proc("mixed", IOMEM_QEMU, dmesg=HW_DMESG.replace(
                       "CPU: All CPU(s) started at EL2", "CPU: CPUs started "
                       "in inconsistent modes")))
    gone = hw.proc("log-gone", IOMEM_QEMU, dmesg="[ 99.0] later\n")
    hw.expect_line("boot messages gone: WARN", "WARN the kernel log does not "
                   "say at which exception level the CPUs started (its boot "
                   "messages are gone): jailhouse enable checks it", 0,
                   proc=gone)
    hw.expect_line("boot messages gone: VHE not told either", "WARN cannot "
                   "tell from the kernel log whether Linux runs with VHE: "
                   "jailhouse enable checks it", 0, proc=gone)
    hw.expect_line("no kernel log: WARN", "WARN cannot read the kernel log "
                   "(No such file or directory): the exception level the "
                   "CPUs started at and VHE not checked", 0,
                   proc=hw.proc("no-log", IOMEM_QEMU, dmesg=None))
    hw.expect_line("VHE: FAIL", "FAIL Linux runs at EL2 with VHE, so EL2 is "
                   "taken: apply kernel patch 1 (patches/linux) or boot with "
                   "id_aa64mmfr1.vh=0", 2, proc=hw.proc(
                       "vhe", IOMEM_QEMU, dmesg=HW_DMESG + "[ 0.2] CPU "
                       "features: detected: Virtualization Host Extensions\n"))
    hw.expect_line("VHE off: PASS", "PASS VHE off: Linux runs at EL1, the "
                   "hyp stub at EL2", 0)
    kvm_sys = hw.sysfs("sys-kvm")
    os.makedirs(os.path.join(kvm_sys, "class", "misc", "kvm"))
    hw.expect_line("/dev/kvm: FAIL", "FAIL KVM holds EL2 (/dev/kvm exists): "
                   "build the kernel without CONFIG_KVM or boot with "
                   "kvm-arm.mode=none", 2, sysfs=kvm_sys)
    hw.expect_line("kvm module: FAIL", "FAIL KVM holds EL2 (module kvm "
                   "loaded): unload it (modprobe -r kvm)", 2,
                   proc=hw.proc("kvm-module", IOMEM_QEMU, modules=(
                       "kvm 1234 0 - Live 0x0\njailhouse 45056 0 - Live "
                       "0x0 (O)\n")))
    hw.expect_line("KVM in the kernel log: FAIL", "FAIL KVM holds EL2 "
                   "(kernel log: \"[    0.300000] kvm [1]: Hyp mode "
                   "initialized successfully\"): build the kernel without "
                   "CONFIG_KVM or boot with kvm-arm.mode=none", 2,
                   proc=hw.proc("kvm-log", IOMEM_QEMU, dmesg=HW_DMESG +
                                "[    0.300000] kvm [1]: Hyp mode "
                                "initialized successfully\n"))
    hw.expect_line("no KVM: PASS", "PASS KVM does not hold EL2 (no /dev/kvm, "
                   "no kvm module)", 0)


def hardware_kernel_patches(hw):
    """The symbols patches 1, 2 and 4 export, from /proc/kallsyms"""
    no_4 = HW_KALLSYMS.replace("r __ksymtab___boot_cpu_mode\n", "r x\n")
    hw.expect_line("patch 4 missing: FAIL", "FAIL kernel patch 4 missing: "
                   "the kernel does not export __boot_cpu_mode; apply "
                   "patches/linux/<version>/0004-* and rebuild it", 2,
                   proc=hw.proc("no-patch-4", IOMEM_QEMU, kallsyms=no_4))
    half_2 = HW_KALLSYMS.replace("__ksymtab___get_vm_area_caller", "x")
    hw.expect_line("patch 2 half missing: FAIL naming the missing symbol",
                   "FAIL kernel patch 2 missing: the kernel does not export "
                   "__get_vm_area_caller; apply patches/linux/<version>/"
                   "0002-* and rebuild it", 2,
                   proc=hw.proc("half-patch-2", IOMEM_QEMU, kallsyms=half_2))
    no_1 = HW_KALLSYMS.replace("__ksymtab___hyp_stub_vectors", "x")
    hw.expect_line("patch 1 missing: FAIL", "FAIL kernel patch 1 missing: "
                   "the kernel does not export __hyp_stub_vectors; apply "
                   "patches/linux/<version>/0001-* and rebuild it", 2,
                   proc=hw.proc("no-patch-1", IOMEM_QEMU, kallsyms=no_1))
    for n, names in ((1, "__hyp_stub_vectors"),
                     (2, "ioremap_page_range, __get_vm_area_caller"),
                     (4, "__boot_cpu_mode")):
        hw.expect_line(f"patch {n}: PASS", f"PASS kernel patch {n}: {names} "
                       "exported", 0)
    text_only = "".join(l + "\n" for l in HW_KALLSYMS.splitlines()
                        if "__ksymtab_" not in l)
    proc = hw.proc("no-kallsyms-all", IOMEM_QEMU, kallsyms=text_only)
    hw.expect_line("no exports listed (no CONFIG_KALLSYMS_ALL): WARN",
                   f"WARN {proc}/kallsyms lists no exported symbols (a "
                   "kernel without CONFIG_KALLSYMS_ALL): kernel patches 1, 2 "
                   "and 4 not checked here; jailhouse enable checks them", 0,
                   proc=proc)
    proc = hw.proc("no-kallsyms", IOMEM_QEMU, kallsyms=None)
    hw.expect_line("no /proc/kallsyms: WARN", f"WARN cannot read "
                   f"{proc}/kallsyms: No such file or directory: kernel "
                   "patches 1, 2 and 4 not checked", 0, proc=proc)


def hardware_kernel_options(hw):
    """/proc/config.gz"""
    proc = hw.proc("no-hotplug", IOMEM_QEMU, config=HW_CONFIG.replace(
        "CONFIG_HOTPLUG_CPU=y", "# CONFIG_HOTPLUG_CPU is not set"))
    hw.expect_line("CONFIG_HOTPLUG_CPU not set: FAIL", "FAIL kernel option "
                   "CONFIG_HOTPLUG_CPU not set: a CPU goes to a cell by being "
                   "taken offline; enable it", 2, proc=proc)
    hw.expect_line("CONFIG_HOTPLUG_CPU=y: PASS", "PASS kernel option "
                   "CONFIG_HOTPLUG_CPU=y", 0)
    no_overlay = hw.proc("no-overlay", IOMEM_QEMU, config=HW_CONFIG.replace(
        "CONFIG_OF_OVERLAY=y\n", ""))
    hw.expect_line("CONFIG_OF_OVERLAY not set, no SYSCONFIG: WARN",
                   "WARN kernel option CONFIG_OF_OVERLAY not set: the root "
                   "cell's virtual PCI host is added as an overlay; enable "
                   "it", 0, proc=no_overlay)
    hw.expect_line("CONFIG_OF_OVERLAY not set, root cell with virtual PCI: "
                   "FAIL", "FAIL kernel option CONFIG_OF_OVERLAY not set: the "
                   "root cell's virtual PCI host is added as an overlay; "
                   "enable it", 2, args=[SYSTEM_CONFIG], proc=no_overlay)
    hw.expect_line("CONFIG_MODULES as a module makes no sense: FAIL",
                   "FAIL kernel option CONFIG_MODULES is a module: the "
                   "driver is a module; enable it", 2,
                   proc=hw.proc("modules-m", IOMEM_QEMU, config=HW_CONFIG
                                .replace("MODULES=y", "MODULES=m")))
    proc = hw.proc("no-config", IOMEM_QEMU, config=None)
    hw.expect_line("no /proc/config.gz: WARN", f"WARN no {proc}/config.gz "
                   "(CONFIG_IKCONFIG_PROC): kernel options not checked; the "
                   "driver needs CONFIG_MODULES, CONFIG_HOTPLUG_CPU, "
                   "CONFIG_OF_OVERLAY, CONFIG_PCI_HOST_GENERIC and "
                   "CONFIG_UIO", 0, proc=proc)


def hardware_device_tree(hw, tmp):
    """The reserved memory, GIC, PSCI and CPU hotplug"""
    def variant(name, edit):
        dts = os.path.join(hw.tmp, name + ".dts")
        write(dts, edit(HW_DTS))
        dtb = dts[:-4] + ".dtb"
        subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb,
                        dts], check=True)
        return hw.sysfs("sys-" + name, dtb=dtb)

    sysfs = variant("no-reservation", lambda s: re.sub(
        r"\t\tjailhouse.*?\};\n", "", s, flags=re.S))
    hw.expect_line("no jailhouse reserved-memory node: FAIL", "FAIL no "
                   "jailhouse node in the device tree's reserved-memory: "
                   "apply kernel patch 3 (patches/linux) or add the nodes "
                   "(Documentation/config-create.md)", 2, sysfs=sysfs)
    sysfs = variant("no-nomap", lambda s: s.replace(
        "0x400000>;\n\t\t\tno-map;", "0x400000>;"))
    hw.expect_line("reserved-memory node without no-map: FAIL", "FAIL "
                   "reserved-memory: jailhouse@7fc00000 0x7fc00000-0x7fffffff "
                   "has no no-map: Linux maps it; add no-map", 2, sysfs=sysfs)
    hw.expect_line("reserved-memory nodes: PASS", "PASS reserved-memory: "
                   "jailhouse@7fc00000 0x7fc00000-0x7fffffff, no-map", 0)
    sysfs = variant("gicv2", lambda s: s.replace('"arm,gic-v3"',
                                                 '"arm,gic-400"'))
    hw.expect_line("GICv2: FAIL", "FAIL the GIC /intc@8000000 is a GICv2 "
                   "(arm,gic-400): this hypervisor supports GICv3 only", 2,
                   sysfs=sysfs)
    hw.expect_line("GICv3: PASS", "PASS GICv3: /intc@8000000 (arm,gic-v3)", 0)
    sysfs = variant("hvc", lambda s: s.replace('method = "smc"',
                                               'method = "hvc"'))
    hw.expect_line("PSCI by HVC: FAIL", "FAIL PSCI /psci: method \"hvc\", "
                   "not \"smc\": the hypervisor calls the firmware at EL3 by "
                   "SMC", 2, sysfs=sysfs)
    sysfs = variant("no-psci", lambda s: re.sub(r"\tpsci \{.*?\};\n", "",
                                                s, flags=re.S))
    hw.expect_line("no PSCI: FAIL", "FAIL no PSCI node (arm,psci) in the "
                   "device tree: CPUs cannot be handed to cells and back", 2,
                   sysfs=sysfs)
    sysfs = variant("spin-table", lambda s: s.replace(
        'reg = <1>;\n\t\t\tenable-method = "psci"',
        'reg = <1>;\n\t\t\tenable-method = "spin-table"'))
    hw.expect_line("a CPU started by spin-table: FAIL", "FAIL /cpus/cpu@1: "
                   "enable-method \"spin-table\": the CPUs must be started "
                   "by PSCI", 2, sysfs=sysfs)
    hw.expect_line("PSCI by SMC: PASS", "PASS PSCI by SMC (/psci)", 0)
    sysfs = hw.sysfs("sys-no-dt", dtb=False)
    proc = hw.proc("no-dt", IOMEM_QEMU)
    hw.expect_line("no device tree: FAIL", "FAIL cannot read the device "
                   f"tree: no device tree: neither {sysfs}/firmware/fdt nor "
                   f"{proc}/device-tree can be read", 2, proc=proc,
                   sysfs=sysfs)
    sysfs = hw.sysfs("sys-no-hotplug", cpu1="no-online")
    hw.expect_line("CPU 1 without an online file: FAIL", "FAIL CPU hotplug "
                   f"not available (no {sysfs}/devices/system/cpu/cpu1/"
                   "online): build the kernel with CONFIG_HOTPLUG_CPU", 2,
                   sysfs=sysfs)
    sysfs = hw.sysfs("sys-one-cpu", cpu1=None)
    hw.expect_line("one CPU: WARN", "WARN one CPU only (no "
                   f"{sysfs}/devices/system/cpu/cpu1): none can be given to a "
                   "cell", 0, sysfs=sysfs)
    hw.expect_line("CPU hotplug: PASS", "PASS CPU hotplug: "
                   f"{hw.sys_driver}/devices/system/cpu/cpu1/online", 0)


# A cell that takes the enabled 16550 of the fake device tree, behind its
# bus, and the disabled PL011: only the 16550 is worth a warning.
TAKER_CELL = """\
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "uart-taker",
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
	},
	.cpus = { 1 << 2 },
	.mem_regions = {
		{
			.phys_start = 0x09040000, .virt_start = 0x09040000,
			.size = 0x1000, .flags = JAILHOUSE_MEM_READ |
				JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO,
		},
		{
			.phys_start = 0x0a001000, .virt_start = 0x0a001000,
			.size = 0x1000, .flags = JAILHOUSE_MEM_READ |
				JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO,
		},
		{
			.phys_start = 0x7f100000, .virt_start = 0,
			.size = 0x100000, .flags = JAILHOUSE_MEM_READ |
				JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_EXECUTE |
				JAILHOUSE_MEM_LOADABLE,
		},
		{
			.virt_start = 0x80000000, .size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},
};
"""


def hardware_cells(hw, tmp):
    """Devices a cell takes that the root's device tree still enables"""
    taker = os.path.join(tmp, "uart-taker.cell")
    compile_cell(TAKER_CELL, taker, tmp)
    demo = os.path.join(CONFIGS, "qemu-arm64-inmate-demo.cell")
    hw.expect_line("a cell's device enabled in the root's device tree: WARN",
                   "WARN cell 'uart-taker' mem_regions[1] "
                   "0xa001000-0xa001fff: /bus@a000000/serial@1000 is enabled "
                   "in the root's device tree: disable it in the root's "
                   "device tree (status = \"disabled\")", 0,
                   args=[SYSTEM_CONFIG, taker],
                   absent="WARN cell 'uart-taker' mem_regions[0]")
    hw.expect_line("a cell's devices, none enabled in the root: PASS",
                   "PASS cell 'inmate-demo': none of its devices is enabled "
                   "in the root's device tree", 0, args=[SYSTEM_CONFIG, demo])
    qemu = hw.proc("qemu", IOMEM_QEMU)
    hw.expect("SYSCONFIG and two cells: the whole report", qemu,
              [SYSTEM_CONFIG, demo, taker], 0,
              hw_report(IOMEM_OK, DRIVER, HV_RESERVED,
                        "PASS hypervisor memory clear of the kernel image "
                        "(ends 0x41c9ffff)", ROOT_RAM_OK),
              tail=hw_tail(hw.sys_driver)[:-1] + [
                  "PASS cell 'inmate-demo': none of its devices is enabled "
                  "in the root's device tree",
                  "WARN cell 'uart-taker' mem_regions[1] 0xa001000-0xa001fff: "
                  "/bus@a000000/serial@1000 is enabled in the root's device "
                  "tree: disable it in the root's device tree (status = "
                  "\"disabled\")"] + hw_tail(hw.sys_driver)[-1:])


def hardware_check(check, tmp):
    hw = HardwareCheck(check, tmp)
    hardware_layouts(hw)
    hardware_kernel_checks(hw)
    hardware_arguments(hw, tmp)
    hardware_kernel_log(hw)
    hardware_kernel_patches(hw)
    hardware_kernel_options(hw)
    hardware_device_tree(hw, tmp)
    hardware_cells(hw, tmp)


def main():
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "configs")],
                   check=True)
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "tools")],
                   check=True)
    os.makedirs(BUILD, exist_ok=True)
    subprocess.run(["gcc", "-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-fPIC", "-shared", "-I", os.path.join(TOP, "include"),
                    "-o", FAKE_DRIVER,
                    os.path.join(os.path.dirname(__file__), "fake-driver.c"),
                    "-ldl"], check=True)
    subprocess.run(["gcc", "-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-I", os.path.join(TOP, "include"), "-o", CELL_INFO,
                    os.path.join(os.path.dirname(__file__), "cell-info.c")],
                   check=True)
    results = Results()
    with tempfile.TemporaryDirectory(prefix="jh-tools-") as tmp:
        check = Checker(results, fake_sysfs(os.path.join(tmp, "sysfs")),
                        tmp)
        image = os.path.join(tmp, "image.bin")
        with open(image, "wb") as f:
            f.write(bytes(range(256)) * 16)
        help_and_dispatch(check)
        cell_list(check, tmp)
        cell_stats(check, tmp)
        cell_stats_live(check, tmp)
        console(check, tmp)
        cell_load_arguments(check, image)
        cell_create(check, tmp)
        if os.path.exists(DEVICE):
            print(f"SKIP driver commands: {DEVICE} exists on this machine")
        else:
            driver_commands(check, tmp, image)
        fake_driver_ioctls(check, tmp, image)
        cell_linux(check, tmp)
        hardware_check(check, tmp)
    print(f"tools: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
