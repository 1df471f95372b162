#!/usr/bin/python3
"""Trap costs on the QEMU bench, deterministic: QEMU runs with -icount
shift=0, so one virtual nanosecond is one guest instruction and the
numbers below are instructions per operation, the same on every run.

Measured by tests/modules/trapbench in the root cell, without and with
the hypervisor; then a cell's life: create, load, start and destroy as
the CLI does them (virtual time, i.e. instructions, of the commands), and
the timer interrupt latency gic-demo sees in the cell (its "jitter": from
the timer's compare value to its handler); then Linux in a cell: the
"jailhouse cell linux" command, and the cell's own clock when its init
runs (kernel entry to init), and the page-pool pages a Linux cell takes.
Reported, not asserted (the budget: half of upstream's cost per trap).

--inmate-cmdline STRING loads gic-demo with that command line (e.g.
"mmu=off" or "mmu=on", to compare the inmate library's identity map).
"""
import argparse
import os
import re
import shutil
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "scripts"))
import benchlib as bench  # noqa: E402

GUEST = """#!/bin/sh
modprobe jailhouse
insmod /test/modules/trapbench.ko && rmmod trapbench
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
insmod /test/modules/trapbench.ko hypervisor=1
cells=/usr/share/jailhouse/cells
inmates=/usr/share/jailhouse/inmates
# timed NAME CMD...: marks in the kernel log (microsecond time stamps)
timed() {
	name=$1
	shift
	echo "cellbench: begin $name" > /dev/kmsg
	"$@" || echo "bench: $* failed"
	echo "cellbench: end $name" > /dev/kmsg
}
timed create jailhouse cell create $cells/qemu-arm64-inmate-demo.cell
timed load jailhouse cell load inmate-demo $inmates/gic-demo.bin@LOADARGS@
timed start jailhouse cell start inmate-demo
sleep 3
timed destroy jailhouse cell destroy inmate-demo
pool=$(cat /sys/devices/jailhouse/mem_pool_used)
linux=/usr/share/jailhouse/linux-demo
timed linux jailhouse cell linux $cells/qemu-arm64-linux-demo.cell \
	$linux/Image -d /usr/share/jailhouse/inmate-qemu-arm64.dtb \
	-i $linux/rootfs.cpio.gz -c "earlycon=pl011,mmio32,0x09000000 \
keep_bootcon printk.devkmsg=on jh_action=poweroff"
echo "cellbench: linux cell pool pages" \
	"$(( $(cat /sys/devices/jailhouse/mem_pool_used) - pool ))" > /dev/kmsg
n=0
while [ "$(cat /sys/devices/jailhouse/cells/1/state)" != "shut down" ] &&
      [ $n -lt 600 ]; do
	sleep 0.1
	n=$((n + 1))
done
jailhouse cell destroy qemu-arm64-linux-demo
jailhouse disable
"""

# upstream Jailhouse v0.12 measured in this bench; the budget is half
UPSTREAM = {"GICD read": 285, "own GICR read": 280,
            "GICD_ISENABLER write": 922, "hypercall": 140}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inmate-cmdline", metavar="STRING",
                        help="gic-demo's command line")
    args = parser.parse_args()
    loadargs = ""
    if args.inmate_cmdline:
        loadargs = f' -s "{args.inmate_cmdline}" -a 0x1000'
    kdir = bench.kernel_dir("6.1")
    with bench.scratch() as tmp:
        stage = os.path.join(tmp, "stage")
        bench.install(stage, kdir)
        bench.stage_linux_cell(stage)
        os.makedirs(os.path.join(stage, "test", "modules"))
        shutil.copy(bench.build_module("trapbench", kdir, tmp),
                    os.path.join(stage, "test", "modules"))
        with open(os.path.join(stage, "test", "run.sh"), "w") as f:
            f.write(GUEST.replace("@LOADARGS@", loadargs))
        os.chmod(os.path.join(stage, "test", "run.sh"), 0o755)
        overlay = bench.make_overlay(stage, os.path.join(tmp, "o.cpio.gz"))
        log, timed_out, _ = bench.boot(kdir, [bench.base_initramfs(),
                                              overlay], icount=True,
                                       timeout=600)
    results = re.findall(r"trapbench: (.+): (\d+) ns per operation", log)
    if timed_out or len(results) != 7:
        print(log[-3000:])
        print("bench: incomplete run")
        return 1
    native = dict(results[:3])
    under = dict(results[3:])
    print(f"{'operation':24} {'native':>8} {'trapped':>8} {'upstream':>9} "
          f"{'budget':>7}")
    for name, value in under.items():
        up = UPSTREAM.get(name)
        print(f"{name:24} {native.get(name, '-'):>8} {value:>8} "
              f"{up or '-':>9} {up // 2 if up else '-':>7}")
    print("(guest instructions per operation, QEMU -icount shift=0)")
    return report_cell(log)


def report_cell(log):
    marks = re.findall(r"\[ *(\d+\.\d+)\] cellbench: (begin|end) (\w+)",
                       log)
    begin = {name: float(t) for t, what, name in marks if what == "begin"}
    steps = [(name, round((float(t) - begin[name]) * 1e9))
             for t, what, name in marks if what == "end" and name in begin]
    jitter = [int(j) for j in re.findall(r"Timer fired, jitter: +(\d+) ns",
                                         log)]
    # the cell kernel's own time stamp of its init's first line
    init = re.findall(r"\[ *([0-9.]+)\] cell: up: kernel", log)
    pool = re.findall(r"cellbench: linux cell pool pages (\d+)", log)
    if len(steps) != 5 or not jitter or not init or not pool:
        print("\n".join(line for line in log.splitlines()
                        if not line.startswith("["))[-3000:])
        print("bench: incomplete cell run")
        return 1
    print()
    print(f"{'jailhouse cell ...':24} {'instructions':>14}")
    for name, value in steps:
        print(f"{name:24} {int(value):>14,}")
    # the first interrupt comes while the cell still starts up
    steady = jitter[1:] or jitter
    print(f"gic-demo timer latency in the cell: {len(jitter)} interrupts, "
          f"min {min(steady)}, max {max(steady)} instructions "
          f"(first {jitter[0]})")
    print(f"Linux cell: kernel entry to init {float(init[0]) * 1e9:,.0f} "
          f"instructions (its own clock); {pool[0]} pool pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
