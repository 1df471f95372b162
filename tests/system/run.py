#!/usr/bin/python3
"""System tests on the QEMU bench.

Each test is a guest shell script, tests/system/NAME.sh, that runs as
/test/run.sh inside the guest.  Its header says how to boot it and what the
serial log must show:

    # kernel: 6.1 | 6.1-unpatched | 6.12    (default 6.1)
    # cpu: cortex-a57 | max                  (default cortex-a57)
    # el2: no                                (boot without virtualization)
    # smp: 6                                 (CPUs, default 4)
    # modules: elprobe                       (tests/modules/* to build)
    # programs: console-read                 (tests/programs/NAME.c, static
    #                                          arm64, as /test/NAME)
    # artefacts: yes                         (the project's make install)
    # linux-cell: yes                        (the inmate kernel and the
    #                                          cell's initramfs in
    #                                          /usr/share/jailhouse/linux-demo,
    #                                          lib/linux-cell.sh as
    #                                          /test/linux-cell.sh)
    # configs: NAME...                       (tests/system/configs/NAME.c
    #                                          -> /test/NAME.cell)
    # timeout: 90                            (seconds, default 60)
    # expect: REGEX      lines that must appear, in this order
    # reject: REGEX      lines that must not appear anywhere

Every test also expects the script to exit 0 and rejects kernel oopses and
panics.  The full serial log of each test is kept in build/test-logs/.
"""
import argparse
import os
import re
import shutil
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(TOP, "scripts"))
import benchlib as bench  # noqa: E402
LOGDIR = os.path.join(TOP, "build", "test-logs")
MODBUILD = os.path.join(TOP, "build", "test-modules")

ALWAYS_EXPECT = [r"^bench: test script exit status 0$"]
ALWAYS_REJECT = [r"Kernel panic", r"Internal error:", r"Unable to handle kernel",
                 r"Call trace:", r"^FAIL"]


class Test:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[:-3]
        self.kernel = "6.1"
        self.cpu = "cortex-a57"
        self.modules = []
        self.programs = []
        self.artefacts = False
        self.linux_cell = False
        self.configs = []
        self.el2 = True
        self.smp = None
        self.timeout = 60
        self.expect = []
        self.reject = []
        for line in open(path):
            m = re.match(r"#\s*(kernel|cpu|modules|artefacts|configs|timeout|"
                         r"el2|smp|linux-cell|programs|expect|reject):"
                         r"\s?(.*)$",
                         line.rstrip("\n"))
            if not m:
                continue
            key, value = m.group(1), m.group(2).strip()
            if key == "kernel":
                self.kernel = value
            elif key == "cpu":
                self.cpu = value
            elif key == "modules":
                self.modules = value.split()
            elif key == "programs":
                self.programs = value.split()
            elif key == "artefacts":
                self.artefacts = value == "yes"
            elif key == "linux-cell":
                self.linux_cell = value == "yes"
            elif key == "smp":
                self.smp = int(value)
            elif key == "el2":
                self.el2 = value != "no"
            elif key == "configs":
                self.configs = value.split()
            elif key == "timeout":
                self.timeout = int(value)
            elif key == "expect":
                self.expect.append(value)
            else:
                self.reject.append(value)


def overlay(test, kdir, tmp):
    """The test's cpio overlay: the script as /test/run.sh and its modules
    in /test/modules."""
    stage = os.path.join(tmp, "overlay")
    if test.artefacts:
        # the project is built for the patched kernel; the unpatched one
        # has the same release and configuration, so its modules load
        bench.install(stage, bench.kernel_dir("6.1"))
    os.makedirs(os.path.join(stage, "test", "modules"))
    if test.linux_cell:
        bench.stage_linux_cell(stage)
        shutil.copy(os.path.join(HERE, "lib", "linux-cell.sh"),
                    os.path.join(stage, "test", "linux-cell.sh"))
    for name in test.configs:
        bench.build_config(os.path.join(HERE, "configs", name + ".c"),
                           os.path.join(stage, "test", name + ".cell"))
    shutil.copy(test.path, os.path.join(stage, "test", "run.sh"))
    os.chmod(os.path.join(stage, "test", "run.sh"), 0o755)
    for prog in test.programs:
        bench.run([bench.CROSS + "gcc", "-static", "-O2", "-Wall", "-Werror",
                   "-o", os.path.join(stage, "test", prog),
                   os.path.join(TOP, "tests", "programs", prog + ".c")])
    for mod in test.modules:
        ko = bench.build_module(mod, kdir, os.path.join(MODBUILD, test.kernel))
        shutil.copy(ko, os.path.join(stage, "test", "modules"))
    return bench.make_overlay(stage, stage + ".cpio.gz")


def check_log(test, log):
    """Return the list of problems found in a serial log."""
    lines = log.splitlines()
    problems = [f"expected, in order, a line matching /{pattern}/"
                for pattern in bench.unmatched_in_order(
                    log, test.expect + ALWAYS_EXPECT)]
    for pattern in ALWAYS_REJECT + test.reject:
        rx = re.compile(pattern)
        for line in lines:
            if rx.search(line):
                problems.append(f"rejected line /{pattern}/: {line.strip()}")
                break
    return problems


def run_test(test, base_initrd):
    kdir = bench.kernel_dir(test.kernel)
    with bench.scratch() as tmp:
        extra = overlay(test, kdir, tmp)
        log, timed_out, elapsed = bench.boot(kdir, [base_initrd, extra],
                                             cpu=test.cpu,
                                             timeout=test.timeout,
                                             el2=test.el2,
                                             smp=test.smp)
    os.makedirs(LOGDIR, exist_ok=True)
    logfile = os.path.join(LOGDIR, test.name + ".log")
    with open(logfile, "w") as f:
        f.write(log)
    problems = check_log(test, log)
    if timed_out:
        problems.insert(0, f"timed out after {test.timeout} s")
    return problems, elapsed, logfile, log


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tests", nargs="*", help="test names (default: all)")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    tests = [Test(os.path.join(here, f)) for f in sorted(os.listdir(here))
             if f.endswith(".sh")]
    if args.tests:
        unknown = set(args.tests) - {t.name for t in tests}
        if unknown:
            raise SystemExit(f"unknown test(s): {', '.join(sorted(unknown))}")
        tests = [t for t in tests if t.name in args.tests]
    if args.list:
        for t in tests:
            print(t.name)
        return 0

    base = bench.base_initramfs()
    passed = failed = 0
    for test in tests:
        problems, elapsed, logfile, log = run_test(test, base)
        if problems:
            failed += 1
            print(f"FAIL {test.name} ({elapsed:.1f} s)")
            for p in problems:
                print(f"     {p}")
            print(f"     last lines of {os.path.relpath(logfile, TOP)}:")
            for line in log.splitlines()[-25:]:
                print(f"     | {line}")
        else:
            passed += 1
            print(f"PASS {test.name} ({elapsed:.1f} s)")
        sys.stdout.flush()
    print(f"system: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
