#!/usr/bin/python3
"""Host checks of the kernel patch series in patches/linux/.

- 6.1 and 6.12: the series applies to Debian's linux-source tree and the
  kernel builds (scripts/kernel.sh does both and fails otherwise); every
  board device tree touched by the reserved-memory patch compiles and has
  the Jailhouse nodes below, with no-map, inside the board's RAM and
  clear of every other reserved region.
- 6.6 cannot be built here (Debian 12 has no 6.6 source): its series must
  make the same changes as the checked ones.
- Every patch is a git format-patch file with a commit message that says
  why.
"""
import os
import re
import subprocess
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "scripts"))
import benchlib as bench  # noqa: E402

PATCHES = os.path.join(TOP, "patches", "linux")

# Written down from shared/reference/boards.md, not derived from the
# patches: (version, dtb, node, base, size).
MIB = 1 << 20
EXPECTED = []
for _v in ("6.1", "6.12"):
    EXPECTED += [
        (_v, "ti/k3-am625-sk", "jailhouse@dfc00000", 0xdfc00000, 4 * MIB),
        (_v, "ti/k3-am625-sk", "jailhouse-shmem@dfa00000", 0xdfa00000, 2 * MIB),
        (_v, "ti/k3-am625-sk", "jailhouse-cells@e0000000", 0xe0000000, 512 * MIB),
        (_v, "freescale/imx8mm-evk", "jailhouse@b7c00000", 0xb7c00000, 4 * MIB),
        (_v, "freescale/imx8mm-evk", "jailhouse-cells@93c00000", 0x93c00000, 576 * MIB),
        (_v, "freescale/imx8mm-evk", "jailhouse-shmem@bb700000", 0xbb700000, 5 * MIB),
        (_v, "freescale/imx8mq-evk", "jailhouse@fdc00000", 0xfdc00000, 4 * MIB),
        (_v, "freescale/imx8mq-evk", "jailhouse-cells@c0000000", 0xc0000000, 988 * MIB),
        (_v, "freescale/imx8mq-evk", "jailhouse-shmem@bfb00000", 0xbfb00000, 5 * MIB),
    ]
EXPECTED += [
    ("6.12", "mediatek/mt8390-genio-700-evk", "jailhouse@6ac00000", 0x6ac00000, 4 * MIB),
    ("6.12", "mediatek/mt8390-genio-700-evk", "jailhouse-cells@6b000000", 0x6b000000, 8 * MIB),
    ("6.12", "mediatek/mt8390-genio-700-evk", "jailhouse-shmem@6b800000", 0x6b800000, 3 * MIB),
]


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def report(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}: {detail}")


def fdtget(dtb, *args):
    proc = subprocess.run(["fdtget", dtb] + list(args), text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.strip()


def cells(dtb, path, prop):
    rc, out = fdtget(dtb, "-t", "x", path, prop)
    if rc:
        return None
    return [int(x, 16) for x in out.split()]


def ranges_of(words):
    """(base, size) pairs of a reg property with 2 address and 2 size
    cells, as every board here uses."""
    return [((words[i] << 32) | words[i + 1], (words[i + 2] << 32) | words[i + 3])
            for i in range(0, len(words) - 3, 4)]


def check_node(checks, kdir, version, dtb_name, node, base, size):
    what = f"{version} {dtb_name}.dtb /reserved-memory/{node}"
    dtb = os.path.join(kdir, "arch", "arm64", "boot", "dts", dtb_name + ".dtb")
    if not os.path.exists(dtb):
        checks.report(False, what, f"{dtb} was not built")
        return
    reg = cells(dtb, f"/reserved-memory/{node}", "reg")
    if reg is None:
        checks.report(False, what, "node or reg missing")
        return
    if ranges_of(reg) != [(base, size)]:
        checks.report(False, what, f"reg {ranges_of(reg)} != {[(base, size)]}")
        return
    if fdtget(dtb, f"/reserved-memory/{node}", "no-map")[0]:
        checks.report(False, what, "no-map missing")
        return
    rc, out = fdtget(dtb, "-l", "/")
    ram = []
    for sub in out.split():
        if sub.startswith("memory"):
            ram += ranges_of(cells(dtb, f"/{sub}", "reg") or [])
    if not any(b <= base and base + size <= b + s for b, s in ram):
        checks.report(False, what, f"not inside the board's RAM {ram}")
        return
    rc, out = fdtget(dtb, "-l", "/reserved-memory")
    for other in out.split():
        if other == node:
            continue
        for b, s in ranges_of(cells(dtb, f"/reserved-memory/{other}", "reg") or []):
            if b < base + size and base < b + s:
                checks.report(False, what, f"overlaps /reserved-memory/{other}")
                return
    checks.report(True, what)


def added_lines(patch):
    """The +/- lines of a patch, per file, without context or hunk
    headers: what the patch changes, independent of where."""
    changes, current = {}, None
    for line in open(patch):
        if line == "-- \n":
            break
        m = re.match(r"^\+\+\+ b/(.*)$", line)
        if m:
            current = m.group(1)
            changes.setdefault(current, [])
        elif current and re.match(r"^[+-](?![+-]{2} )", line):
            changes[current].append(line.rstrip("\n"))
    return changes


def check_66(checks):
    """6.6 makes the same changes as the checked series."""
    series = {v: sorted(os.listdir(os.path.join(PATCHES, v)))
              for v in ("6.1", "6.6", "6.12")}
    checks.report(len(series["6.6"]) == len(series["6.1"]) == len(series["6.12"]),
                  "6.6 series has as many patches as 6.1 and 6.12",
                  f"{ {v: len(s) for v, s in series.items()} }")
    for i, name in enumerate(series["6.6"]):
        mine = added_lines(os.path.join(PATCHES, "6.6", name))
        refs = [added_lines(os.path.join(PATCHES, v, series[v][i]))
                for v in ("6.1", "6.12")]
        for path, lines in mine.items():
            ok = any(ref.get(path) == lines for ref in refs)
            checks.report(ok, f"6.6 {name}: {path} changes as in 6.1 or 6.12",
                          "differs from both")


def check_format(checks):
    for version in sorted(v for v in os.listdir(PATCHES)
                          if os.path.isdir(os.path.join(PATCHES, v))):
        for name in sorted(os.listdir(os.path.join(PATCHES, version))):
            text = open(os.path.join(PATCHES, version, name)).read()
            head, _, _ = text.partition("\n---\n")
            body = head.split("\n\n", 1)[1] if "\n\n" in head else ""
            ok = (text.startswith("From ") and "\nSubject: [PATCH " in text
                  and len(body.strip().splitlines()) >= 3)
            checks.report(ok, f"{version}/{name} is a format-patch with a "
                          "commit message", "no From/Subject or no message body")


def main():
    checks = Checks()
    check_format(checks)
    check_66(checks)
    for version in ("6.1", "6.12"):
        try:
            kdir = bench.kernel_dir(version)
        except subprocess.CalledProcessError:
            checks.report(False, f"{version}: series applies and kernel builds",
                          "scripts/kernel.sh failed (its log is named above)")
            continue
        checks.report(True, f"{version}: series applies and kernel builds")
        for v, dtb, node, base, size in EXPECTED:
            if v == version:
                check_node(checks, kdir, version, dtb, node, base, size)
    print(f"kernel: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
