#!/usr/bin/python3
"""Configuration tests.

- Every shipped configuration (configs/arm64) builds and passes
  "jailhouse config check" together with the cells it runs with
  (shipped.txt), without an error or a warning.
- Every broken configuration in broken/ is refused, and the checker names
  the broken file with the message its header expects:

      * check: SYSTEM [CELL...] @      ('@' is the broken file itself,
                                        the others shipped configs)
      * expect: FIELD: VALUE: text      (a line "BROKEN: <expect>...")
      * mutate: truncate N | append N | poke OFFSET TEXT   (optional)
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from results import Results  # noqa: E402

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = os.path.join(TOP, "configs", "arm64")
TOOL = os.path.join(TOP, "build", "host", "jailhouse-sanitized")
CROSS = "aarch64-linux-gnu-"


def cell(name):
    return os.path.relpath(os.path.join(CONFIGS, name + ".cell"), TOP)


def check(files):
    proc = subprocess.run([TOOL, "config", "check"] + files, cwd=TOP,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    return proc.returncode, proc.stdout


def compile_broken(src, out):
    obj = out + ".o"
    subprocess.run([CROSS + "gcc", "-std=gnu11", "-O2", "-Wall", "-Werror",
                    "-fno-common", "-I", os.path.join(TOP, "include"),
                    "-I", CONFIGS, "-I", os.path.dirname(src),
                    "-c", "-o", obj, src], check=True)
    subprocess.run([CROSS + "objcopy", "-O", "binary", "-j", ".data", obj,
                    out], check=True)


def mutate(path, how):
    data = bytearray(open(path, "rb").read())
    op, *args = how.split(None, 2)
    if op == "truncate":
        data = data[:-int(args[0])]
    elif op == "append":
        data += bytes(int(args[0]))
    elif op == "poke":
        offset = int(args[0], 0)
        data[offset:offset + len(args[1])] = args[1].encode()
    else:
        raise SystemExit(f"{path}: unknown mutation '{how}'")
    open(path, "wb").write(data)


def header(src):
    fields = {}
    for line in open(src):
        m = re.match(r"\s*\*\s*(check|expect|mutate):\s*(.*)$", line)
        if m:
            fields[m.group(1)] = m.group(2).strip()
    return fields


def shipped(results):
    listed = set()
    for line in open(os.path.join(HERE, "shipped.txt")):
        names = line.split("#")[0].split()
        if not names:
            continue
        listed.update(names)
        rc, out = check([cell(n) for n in names])
        ok = rc == 0 and re.search(r": no errors, 0 warnings$", out, re.M)
        results.report(bool(ok), "shipped: " + " + ".join(names), out)
    built = {f[:-5] for f in os.listdir(CONFIGS) if f.endswith(".cell")}
    sources = {f[:-2] for f in os.listdir(CONFIGS) if f.endswith(".c")}
    results.report(sources <= built, "every configs/arm64/*.c builds a .cell",
                   "not built: " + " ".join(sorted(sources - built)))
    results.report(built <= listed, "every .cell is checked in shipped.txt",
                   "not listed: " + " ".join(sorted(built - listed)))


def broken(results, tmp):
    folder = os.path.join(HERE, "broken")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".c"):
            continue
        src = os.path.join(folder, name)
        fields = header(src)
        what = "broken: " + name[:-2]
        if "check" not in fields or "expect" not in fields:
            results.report(False, what, "no check: or expect: line")
            continue
        out_file = os.path.join(tmp, name[:-2] + ".cell")
        compile_broken(src, out_file)
        if "mutate" in fields:
            mutate(out_file, fields["mutate"])
        files = [out_file if n == "@" else cell(n)
                 for n in fields["check"].split()]
        rc, out = check(files)
        wanted = f"{out_file}: {fields['expect']}"
        ok = rc == 1 and any(l.startswith(wanted) for l in out.splitlines())
        results.report(ok, what, f"exit {rc}, wanted a line starting\n"
                       f"{wanted}\ngot:\n{out}")


def to_v14(src, dst, system):
    """Write @src (revision 15) in upstream's revision-14 layout: without
    gicr_size (system) and without num_smc_ids/num_vendors (cell)."""
    data = bytearray(open(src, "rb").read())
    cell = 360 if system else 0
    del data[cell + 80:cell + 88]
    if system:
        del data[356:360]
    data[6:8] = (14).to_bytes(2, "little")
    open(dst, "wb").write(data)


def revision_14(results, tmp):
    """Upstream revision-14 files are converted; a fork's revision-14
    file with extra arrays is refused with the reason."""
    sys14 = os.path.join(tmp, "qemu-arm64-v14.cell")
    cell14 = os.path.join(tmp, "inmate-demo-v14.cell")
    to_v14(os.path.join(CONFIGS, "qemu-arm64.cell"), sys14, True)
    to_v14(os.path.join(CONFIGS, "qemu-arm64-inmate-demo.cell"), cell14,
           False)
    rc, out = check([sys14, cell14])
    ok = (rc == 0 and re.search(r": no errors, 0 warnings$", out, re.M) and
          out.count("revision: 14: note: upstream revision-14 file") == 2)
    results.report(bool(ok), "revision 14: upstream files converted", out)

    fork = os.path.join(tmp, "zephyr-fork-v14.cell")
    to_v14(os.path.join(CONFIGS, "genio-700-evk-zephyr.cell"), fork, False)
    rc, out = check([cell("genio-700-evk"), fork])
    ok = rc == 1 and f"{fork}: revision: 14: cannot convert: revision-14 " \
        "configuration whose size does not match its counts" in out
    results.report(ok, "revision 14: fork layout refused with reason", out)


def corrupted(results, tmp, rounds=200):
    """Random corruption of shipped configurations never crashes the
    checker (built with ASan/UBSan): every run ends in exit 0 or 1."""
    import random
    rng = random.Random(1234)
    sets = [l.split("#")[0].split() for l in open(os.path.join(HERE,
                                                               "shipped.txt"))]
    sets = [s for s in sets if s]
    bad = []
    for n in range(rounds):
        names = rng.choice(sets)
        victim = rng.randrange(len(names))
        data = bytearray(open(os.path.join(CONFIGS, names[victim] + ".cell"),
                              "rb").read())
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(data))
            data[pos] = rng.randrange(256)
        if rng.random() < 0.2:
            del data[rng.randrange(len(data)):]
        path = os.path.join(tmp, f"corrupt-{n}.cell")
        open(path, "wb").write(data)
        files = [path if i == victim else cell(x)
                 for i, x in enumerate(names)]
        rc, out = check(files)
        if rc not in (0, 1):
            bad.append(f"round {n}: exit {rc}\n{out}")
    results.report(not bad, f"{rounds} corrupted configurations: no crash",
                   "\n".join(bad[:3]))


def main():
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "configs")],
                   check=True)
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "tools")],
                   check=True)
    results = Results()
    shipped(results)
    with tempfile.TemporaryDirectory(prefix="jh-configs-") as tmp:
        broken(results, tmp)
        revision_14(results, tmp)
        corrupted(results, tmp)
    print(f"configs: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
