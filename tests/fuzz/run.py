#!/usr/bin/python3
"""Fuzz tests: a bounded run of each libFuzzer target (tests/fuzz/Makefile)
from its seed corpus, and every saved input that once crashed a target,
run once (regressions/<target>/).  A crash is written to
build/fuzz/artifacts/<target>/.  One PASS/FAIL line each; the last
line is the summary scripts/test.sh reads.

    tests/fuzz/run.py [RUNS]      RUNS executions per target (20000)
"""
import glob
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from results import Results  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(TOP, "build", "fuzz")
TARGETS = ["config", "convert", "mmio", "hypercall"]


def tail(text, lines=25):
    return "\n".join(text.splitlines()[-lines:])


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    results = Results()
    build = subprocess.run(["make", "-s", "-C", HERE], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    results.report(build.returncode == 0, "build the fuzz targets and seeds",
                   tail(build.stdout))
    if build.returncode:
        print(f"fuzz: {results.passed} passed, {results.failed} failed")
        return 1
    for target in TARGETS:
        binary = os.path.join(OUT, "fuzz_" + target)
        for path in sorted(glob.glob(os.path.join(HERE, "regressions",
                                                  target, "*"))):
            proc = subprocess.run([binary, path], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
            results.report(proc.returncode == 0,
                           f"{target}: regression {os.path.basename(path)}",
                           tail(proc.stdout))
        artifacts = os.path.join(OUT, "artifacts", target)
        os.makedirs(artifacts, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.time()
            proc = subprocess.run(
                [binary, f"-runs={runs}", "-seed=1", "-max_total_time=60",
                 f"-artifact_prefix={artifacts}/", os.path.join(tmp),
                 os.path.join(OUT, "corpus", target)],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            done = [l for l in proc.stdout.splitlines()
                    if l.startswith("Done ")]
            ok = proc.returncode == 0 and bool(done)
            results.report(ok, f"{target}: {done[0] if done else 'no runs'}"
                           f" ({time.time() - start:.0f} s)",
                           tail(proc.stdout))
    print(f"fuzz: {results.passed} passed, {results.failed} failed")
    return 0 if results.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
