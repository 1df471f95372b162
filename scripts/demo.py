#!/usr/bin/python3
"""Run the partitioning demo on the QEMU bench: the project's artefacts
(make install) and scripts/guest/demo.sh in the guest.  With --shell,
boot the same guest to an interactive shell instead."""
import argparse
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shell", action="store_true",
                    help="interactive shell instead of the demo script")
    ap.add_argument("--cpu", default="cortex-a57")
    args = ap.parse_args()

    kdir = bench.kernel_dir("6.1")
    with bench.scratch() as tmp:
        stage = os.path.join(tmp, "stage")
        bench.install(stage, kdir)
        bench.stage_linux_cell(stage)
        os.makedirs(os.path.join(stage, "test", "modules"))
        shutil.copy(bench.build_module("elprobe", kdir, tmp),
                    os.path.join(stage, "test", "modules"))
        if not args.shell:
            shutil.copy(os.path.join(bench.TOP, "scripts", "guest", "demo.sh"),
                        os.path.join(stage, "test", "run.sh"))
        overlay = bench.make_overlay(stage, os.path.join(tmp, "demo.cpio.gz"))
        initrds = [bench.base_initramfs(), overlay]
        if args.shell:
            return bench.boot(kdir, initrds, cpu=args.cpu, interactive=True)
        log, timed_out, _ = bench.boot(kdir, initrds, cpu=args.cpu,
                                       timeout=300)
    # the guests' kernel messages stay out; the Linux cell's init lines
    # ("[    1.234567] cell: ...", through its /dev/kmsg) are shown
    print("\n".join(line.split("] ", 1)[-1] for line in log.splitlines()
                    if not line.startswith("[") or "] cell: " in line))
    ok = "bench: test script exit status 0" in log and not timed_out
    print("demo: " + ("finished" if ok else "FAILED (full log above)"))
    if not ok:
        print(log)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
