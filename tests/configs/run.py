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

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
CONFIGS = os.path.join(TOP, "configs", "arm64")
TOOL = os.path.join(TOP, "build", "host", "jailhouse")
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


class Results:
    passed = 0
    failed = 0

    def report(self, ok, what, details=""):
        if ok:
            self.passed += 1
            print(f"PASS {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")
            for line in details.rstrip().splitlines():
                print(f"     | {line}")


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


def main():
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "configs")],
                   check=True)
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "tools")],
                   check=True)
    results = Results()
    shipped(results)
    with tempfile.TemporaryDirectory(prefix="jh-configs-") as tmp:
        broken(results, tmp)
    print(f"configs: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
