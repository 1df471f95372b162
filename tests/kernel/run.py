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
- The parts of jailhouse.ko call each other one way: driver/jailhouse.h
  lists them lowest first, the list names exactly the objects of
  driver/Kbuild, and no part uses a function or variable of a part listed
  after it.  Breaking the list or adding an upward call is shown to fail.
"""
import os
import re
import subprocess
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "scripts"))
import benchlib as bench  # noqa: E402

PATCHES = os.path.join(TOP, "patches", "linux")
DRIVER = os.path.join(TOP, "driver")

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
    def __init__(self, verbose=True):
        self.passed = self.failed = 0
        self.verbose = verbose

    def report(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        if self.verbose:
            print(f"PASS {what}" if ok else f"FAIL {what}: {detail}")


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


# ---------------------------------------------------------------- driver

def c_code(text):
    """@text without comments, literals and preprocessor lines."""
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', text)
    text = re.sub(r"\\\n", " ", text)
    return re.sub(r"^\s*#[^\n]*", "", text, flags=re.M)


def definitions(text):
    """The names a source defines for other files: its file-scope,
    non-static functions and variables."""
    names, chunk, depth, outer = set(), "", 0, ""
    for ch in c_code(text):
        if depth == 0 and ch in ";{":
            head = chunk.strip()
            chunk = ""
            if ch == "{":
                depth = 1
                # "static struct { ... } x;" goes on after the braces
                outer = "" if "(" in head.split("=")[0] else head + " {}"
            m = re.match(r"DEFINE_\w+\(\s*(\w+)", head)
            if m:
                names.add(m.group(1))
            elif re.match(r"(static|typedef|extern)\b", head) or not head:
                continue
            elif ch == "{" and "(" in head.split("=")[0]:
                names.add(re.findall(r"(\w+)\s*\(", head)[0])
            elif ch == ";" and "(" not in head:
                # the declared name, not a bare "struct x {}"
                names.update(re.findall(r"(\w+)\s*(?:\[[^]]*\]\s*)?"
                                        r"(?:=|$)", head.split("{}")[-1]))
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            chunk = outer if depth == 0 else ""
        elif depth == 0:
            chunk += ch
    return names


def driver_sources(driver):
    """{file: text} of the jailhouse.ko parts in driver/Kbuild; a part's
    text includes the sources it #includes."""
    kbuild = open(os.path.join(driver, "Kbuild")).read().replace("\\\n", " ")
    objs = re.search(r"^jailhouse-y\s*:=(.*)$", kbuild, re.M).group(1)
    sources = {}
    for obj in objs.split():
        name = obj[:-2] + ".c"
        text = open(os.path.join(driver, name)).read()
        for inc in re.findall(r'^#include "(\S+\.c)"', text, re.M):
            text += open(os.path.join(driver, inc)).read()
        sources[name] = text
    return sources


def driver_order(header):
    """The parts as jailhouse.h's opening comment lists them."""
    comment = header.split("#ifndef", 1)[0]
    return re.findall(r"^ \*   (\S+\.c) ", comment, re.M)


def check_driver_layers(checks, sources, header):
    order = driver_order(header)
    checks.report(sorted(order) == sorted(sources), "driver: jailhouse.h "
                  "lists exactly the parts of jailhouse.ko in driver/Kbuild",
                  f"listed {sorted(order)}, built {sorted(sources)}")
    owner = {}
    for name, text in sources.items():
        for sym in definitions(text):
            owner[sym] = name
    upward = []
    for name, text in sources.items():
        used = set(re.findall(r"\b\w+\b", c_code(text)))
        for sym in sorted(used):
            other = owner.get(sym)
            if other and other != name and (
                    other not in order or name not in order or
                    order.index(other) > order.index(name)):
                upward.append(f"{name} uses {sym} of {other}")
    checks.report(owner and not upward, "driver: no part of jailhouse.ko "
                  "uses a part listed after it in jailhouse.h",
                  "; ".join(upward) or "no definitions found")


def swap(text, a, b):
    """@text with the words @a and @b exchanged."""
    return re.sub(r"\b(%s|%s)\b" % (re.escape(a), re.escape(b)),
                  lambda m: b if m.group(1) == a else a, text)


# (what is broken, {file: how}): each makes check_driver_layers fail
DRIVER_BREAKAGES = [
    ("pci.c calls cell.c", {"pci.c": lambda t: t.replace(
        "\tif (overlay_id < 0)\n\t\treturn;",
        "\tif (overlay_id < 0)\n\t\treturn;\n"
        "\tjailhouse_destroy_all_cells();", 1)}),
    ("hypervisor.c calls sysfs.c", {"hypervisor.c": lambda t: t.replace(
        "\thv_console = ring;",
        "\thv_console = ring;\n\tjailhouse_sysfs_dev();", 1)}),
    ("pci.c reads a variable of cell.c", {
        "cell.c": lambda t: t.replace("static LIST_HEAD(cells);",
                                      "static LIST_HEAD(cells);\n"
                                      "unsigned int jailhouse_num_cells;", 1),
        "pci.c": lambda t: t.replace("\tint err;\n\n\tif (overlay_id",
                                     "\tint err = jailhouse_num_cells;\n\n"
                                     "\tif (overlay_id", 1)}),
    ("jailhouse.h lists cell.c below sysfs.c", {
        "jailhouse.h": lambda t: swap(t, "sysfs.c", "cell.c")}),
    ("jailhouse.h misses a part", {"jailhouse.h": lambda t: re.sub(
        r"^ \*   pci\.c .*\n", "", t, count=1, flags=re.M)}),
]


def check_driver(checks):
    sources = driver_sources(DRIVER)
    header = open(os.path.join(DRIVER, "jailhouse.h")).read()
    check_driver_layers(checks, sources, header)
    baseline = Checks(verbose=False)
    check_driver_layers(baseline, sources, header)
    for what, breakages in DRIVER_BREAKAGES:
        files = dict(sources, **{"jailhouse.h": header})
        changed = True
        for name, breakage in breakages.items():
            text = breakage(files[name])
            changed &= text != files[name]
            files[name] = text
        quiet = Checks(verbose=False)
        check_driver_layers(quiet, {n: t for n, t in files.items()
                                    if n != "jailhouse.h"},
                            files["jailhouse.h"])
        checks.report(changed and quiet.failed > 0 and not baseline.failed,
                      f"driver: the check catches it: {what}",
                      "the check passed" if changed else
                      "a file has changed: update DRIVER_BREAKAGES")

def main():
    checks = Checks()
    check_format(checks)
    check_66(checks)
    check_driver(checks)
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
