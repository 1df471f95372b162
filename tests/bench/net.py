#!/usr/bin/python3
"""The ivshmem-net link between the root cell and a Linux cell on the
QEMU bench: ping round trips, TCP throughput each way, interrupts per
packet, next to a plain memcpy in the same guest (the link copies each
frame twice: into the sender's section and out of it).

    tests/bench/net.py [--no-icount]

With -icount shift=0 (the default) one virtual nanosecond is one guest
instruction, summed over all CPUs that run, so the numbers are guest
instructions and the same on every run; --no-icount gives host-dependent
times.  Reported, not asserted.
"""
import argparse
import os
import re
import shutil
import statistics
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "scripts"))
import benchlib as bench  # noqa: E402

PINGS = 200
TCP_BYTES = 16 << 20

GUEST = f"""#!/bin/sh
. /test/linux-cell.sh
nb=/test/netbench
modprobe jailhouse
jailhouse enable $cells/qemu-arm64.cell
veth_up
linux_cell serve
wait_carrier $veth 1 600
wait_ping 120
sleep 2
stat() {{
	echo "netbench: $1 irqs $(awk '/ivshmem-net/ {{ s = 0
		for (i = 2; $i ~ /^[0-9]+$/; i++) s += $i; print s }}' \\
		/proc/interrupts) rx $(cat /sys/class/net/$veth/statistics/rx_packets)" \\
		"tx $(cat /sys/class/net/$veth/statistics/tx_packets)" \\
		"ns $($nb now)"
}}
stat ping-begin
ping -c {PINGS} -i 0.01 $cell_ip | sed -n 's/.*time=\\([0-9.]*\\) ms/netbench: rtt \\1/p'
stat ping-end
in_cell "(sleep 3600 | nc -l -p 5001 > /dev/null) < /dev/null > /dev/null 2>&1 &"
sleep 1
stat tx-begin
head -c {TCP_BYTES} /dev/zero | nc $cell_ip 5001
stat tx-end
(sleep 3600 | nc -l -p 5002 > /dev/null) < /dev/null &
sleep 1
stat rx-begin
in_cell "head -c {TCP_BYTES} /dev/zero | nc $root_ip 5002"
stat rx-end
$nb memcpy 98 {TCP_BYTES} | sed 's/^/netbench: /'
$nb memcpy 16384 {TCP_BYTES} | sed 's/^/netbench: /'
$nb memcpy 1500 {TCP_BYTES} | sed 's/^/netbench: /'
jailhouse cell destroy qemu-arm64-linux-demo
jailhouse disable
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-icount", action="store_true")
    args = ap.parse_args()
    icount = not args.no_icount
    kdir = bench.kernel_dir("6.1")
    with bench.scratch() as tmp:
        stage = os.path.join(tmp, "stage")
        bench.install(stage, kdir)
        bench.stage_linux_cell(stage)
        test = os.path.join(stage, "test")
        os.makedirs(test, exist_ok=True)
        shutil.copy(os.path.join(TOP, "tests", "system", "lib",
                                 "linux-cell.sh"), test)
        bench.run([bench.CROSS + "gcc", "-static", "-O2", "-Wall", "-Werror",
                   "-o", os.path.join(test, "netbench"),
                   os.path.join(TOP, "tests", "bench", "netbench.c")])
        with open(os.path.join(test, "run.sh"), "w") as f:
            f.write(GUEST)
        os.chmod(os.path.join(test, "run.sh"), 0o755)
        overlay = bench.make_overlay(stage, os.path.join(tmp, "o.cpio.gz"))
        log, timed_out, _ = bench.boot(kdir, [bench.base_initramfs(),
                                              overlay], icount=icount,
                                       timeout=1800)
    return report(log, timed_out, icount)


def report(log, timed_out, icount):
    stats = {m[0]: [int(v) for v in m[1:]] for m in re.findall(
        r"netbench: ([\w-]+) irqs (\d+) rx (\d+) tx (\d+) ns (\d+)", log)}
    rtts = [float(v) for v in re.findall(r"netbench: rtt ([0-9.]+)", log)]
    copies = re.findall(r"netbench: memcpy (\d+)-byte blocks: ([0-9.]+) ns",
                        log)
    need = {f"{w}-{e}" for w in ("ping", "tx", "rx")
            for e in ("begin", "end")}
    if timed_out or not need <= stats.keys() or len(rtts) < PINGS // 2 \
            or len(copies) != 3:
        print("\n".join(log.splitlines()[-60:]))
        print("netbench: incomplete run")
        return 1
    unit = "instructions" if icount else "ns"
    rtts.sort()
    scale = 1e6  # ms -> ns (= instructions with -icount shift=0)
    print(f"ping root -> cell, {len(rtts)} of {PINGS} answered: median "
          f"{statistics.median(rtts) * scale:,.0f}, p99 "
          f"{rtts[min(len(rtts) - 1, int(len(rtts) * 0.99))] * scale:,.0f}"
          f" {unit} per round trip")
    for name, what in (("ping", "ping"), ("tx", "TCP root -> cell"),
                       ("rx", "TCP cell -> root")):
        b, e = stats[name + "-begin"], stats[name + "-end"]
        irqs, packets = e[0] - b[0], (e[1] - b[1]) + (e[2] - b[2])
        line = (f"{what}: {irqs} interrupts for {packets} packets "
                f"({irqs / max(packets, 1):.2f} per packet)")
        if name != "ping":
            elapsed = e[3] - b[3]
            line += (f", {elapsed / TCP_BYTES:.1f} {unit} per byte"
                     f" ({TCP_BYTES / elapsed * 1e3:,.1f} MB/s of "
                     f"{'virtual' if icount else 'real'} time)")
        print(line)
    for size, ns in copies:
        print(f"memcpy in the root cell, {size}-byte blocks: {float(ns):.2f}"
              f" {unit} per byte")
    print("(-icount shift=0: instructions of all CPUs that run)" if icount
          else "(no -icount: host-dependent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
