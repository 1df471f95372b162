#!/usr/bin/python3
"""Host tests of "jailhouse config create" (tools/jailhouse-config-create)
and "jailhouse config collect" (tools/config-collect.c).

- Boards: the device trees of the bench (QEMU's own, dumped, plus
  scripts/guest/reserved-memory.dtsi as scripts/qemu.sh adds it) and of
  the boards, compiled here with cpp and dtc from the bench kernels'
  sources (the reserved-memory patch applied).  For each: the generator
  runs, its root and demo cell compile for arm64 as configs/Makefile does
  and pass "jailhouse config check" together without an error; the values
  a device tree fixes (hypervisor memory, GIC, debug console, CPUs) match
  the hand-written configuration; the MMIO and RAM coverage of both is
  compared and written to build/generated/coverage.md.
- The generated QEMU configurations that tests/system/config-create.sh
  boots are tests/system/configs/generated-qemu-{root,demo}.c: they are
  regenerated here and must not differ.
- Bad input: each one precise message and exit status 1.
- Options: --mem-hv / --mem-inmates, the demo UART, --vpci-irq-base.
- "config collect" on fake /proc and /sys trees: the archive's members and
  their contents, the device tree flattened from /proc/device-tree when
  /sys/firmware/fdt is missing, and "config create" from the archive
  writing what it writes from the device tree directly.
- "jailhouse config create" runs the generator, or says where to run it.
"""
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from results import Results  # noqa: E402

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(TOP, "tools", "jailhouse-config-create")
TOOL = os.path.join(TOP, "build", "host", "jailhouse")
CHECKER = os.path.join(TOP, "build", "host", "jailhouse-sanitized")
TOOLS = [TOOL, CHECKER]
BUILD = os.path.join(TOP, "build", "generator-test")
GENERATED = os.path.join(TOP, "build", "generated")
CELL_DUMP = os.path.join(BUILD, "cell-dump")
CONFIGS = os.path.join(TOP, "configs", "arm64")
SYSTEM_CONFIGS = os.path.join(TOP, "tests", "system", "configs")
CROSS = "aarch64-linux-gnu-"
PROG = "jailhouse config create"
MIB = 1 << 20

# What the tools read from the environment: never the caller's
TOOL_ENV = ("JAILHOUSE_SYSFS", "JAILHOUSE_PROC", "JAILHOUSE_SYSFS_ROOT",
            "JAILHOUSE_DMESG")

# name, kernel, device tree source, hand-written root and demo cell,
# options (the Genio 510 EVK has no reservation in patch 3: the BSP's)
BOARDS = [
    ("qemu", None, None, "qemu-arm64", "qemu-arm64-inmate-demo", []),
    ("k3-am625-sk", "6.1", "ti/k3-am625-sk", "k3-am625-sk",
     "k3-am625-sk-inmate-demo", []),
    ("imx8mm-evk", "6.1", "freescale/imx8mm-evk", "imx8mm",
     "imx8mm-inmate-demo", []),
    ("imx8mq-evk", "6.1", "freescale/imx8mq-evk", "imx8mq",
     "imx8mq-inmate-demo", []),
    ("genio-700-evk", "6.12", "mediatek/mt8390-genio-700-evk",
     "genio-700-evk", "genio-700-evk-uart-demo", []),
    ("genio-510-evk", "6.12", "mediatek/mt8370-genio-510-evk",
     "genio-510-evk", "genio-510-evk-uart-demo",
     ["--mem-hv", "0x6ac00000,0x400000",
      "--mem-inmates", "0x6b000000,0x800000"]),
]

QEMU_NAME = "qemu-arm64-generated"

JAILHOUSE_MEM_IO = 0x10          # for the coverage sums only
JAILHOUSE_MEM_COMM_REGION = 0x20


def clean_env(extra=None):
    env = {k: v for k, v in os.environ.items() if k not in TOOL_ENV}
    env.update(extra or {})
    return env


def run(cmd, env=None, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, env=clean_env(env), **kwargs)


def generate(args, env=None):
    return run([sys.executable, GENERATOR] + args, env=env)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def read(path, mode="r"):
    with open(path, mode) as f:
        return f.read()


def dtc(source, out):
    write(out + ".dts", source)
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out,
                    out + ".dts"], check=True)
    return out


def compile_cell(source, cell):
    """As configs/Makefile does: arm64 object, its .data as the file."""
    obj = cell + ".o"
    proc = run([CROSS + "gcc", "-std=gnu11", "-O2", "-Wall", "-Wextra",
                "-Werror", "-Wno-missing-field-initializers", "-fno-common",
                "-fno-pic", "-I", os.path.join(TOP, "include"), "-c", "-o",
                obj, source])
    if proc.returncode:
        return proc.stderr
    subprocess.run([CROSS + "objcopy", "-O", "binary", "-j", ".data", obj,
                    cell], check=True)
    os.unlink(obj)
    return None


def dump(cell):
    out = subprocess.run([CELL_DUMP, cell], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    items = {"mem": [], "irq": [], "pci": [], "smc": [], "vendor": []}
    for line in out.splitlines():
        kind, *fields = line.split()
        if kind in ("system", "cell"):
            items[kind] = fields
        else:
            items[kind].append([int(f, 0) for f in fields])
    return items


def union(regions):
    out = []
    for s, e in sorted(regions):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def minus(a, b):
    out = []
    for s, e in a:
        pieces = [(s, e)]
        for h0, h1 in b:
            pieces = [p for x, y in pieces for p in
                      ((x, min(y, h0)), (max(x, h1), y)) if p[0] < p[1]]
        out += pieces
    return out


def total(ranges):
    return sum(e - s for s, e in ranges)


def coverage(items):
    """MMIO and RAM of a root cell: unions of its I/O and other regions
    (the communication region and IVSHMEM are counted as RAM)."""
    mmio = [(m[0], m[0] + m[2]) for m in items["mem"]
            if m[3] & JAILHOUSE_MEM_IO]
    ram = [(m[0], m[0] + m[2]) for m in items["mem"]
           if not m[3] & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION)]
    return union(mmio), union(ram)


def human(n):
    for unit, name in ((1 << 30, "GiB"), (MIB, "MiB"), (1 << 10, "KiB")):
        if n >= unit:
            value = n / unit
            return (f"{value:.0f} {name}" if value == int(value) else
                    f"{value:.1f} {name}")
    return f"{n} B"


def ranges_text(ranges, limit=12):
    text = ", ".join(f"0x{s:x}-0x{e - 1:x}" for s, e in ranges[:limit])
    if len(ranges) > limit:
        text += f", ... ({len(ranges) - limit} more)"
    return text or "-"


# ---- device trees ----

def kernel_dir(version):
    proc = run([os.path.join(TOP, "scripts", "kernel.sh"), "--dir",
                "--version", version])
    return proc.stdout.strip() if proc.returncode == 0 else None


def board_dtb(version, dts):
    """The board's device tree, compiled from the bench kernel's source
    (the reserved-memory patch applied), or (None, why not)."""
    kdir = kernel_dir(version)
    dts_dir = os.path.join(kdir or "", "arch", "arm64", "boot", "dts")
    src = os.path.join(dts_dir, dts + ".dts")
    if not kdir or not os.path.isdir(dts_dir):
        return None, (f"the {version} bench kernel tree is missing "
                      f"({kdir or 'scripts/kernel.sh --dir'}): "
                      f"scripts/kernel.sh --version {version} builds it")
    if not os.path.exists(src):
        return None, f"{os.path.relpath(src, kdir)} is not in {kdir}"
    out = os.path.join(GENERATED, "dtb", os.path.basename(dts) + ".dtb")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    subprocess.run(["cpp", "-nostdinc", "-I", os.path.join(kdir, "include"),
                    "-I", dts_dir, "-I", os.path.join(
                        kdir, "scripts", "dtc", "include-prefixes"),
                    "-undef", "-D__DTS__", "-x", "assembler-with-cpp", src,
                    "-o", out + ".pre"], check=True)
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-i",
                    os.path.dirname(src), "-o", out, out + ".pre"],
                   check=True)
    return out, None


def qemu_dtb():
    """The bench's device tree as scripts/qemu.sh makes it."""
    out = os.path.join(GENERATED, "qemu")
    os.makedirs(out, exist_ok=True)
    virt = os.path.join(out, "virt.dtb")
    if shutil.which("qemu-system-aarch64") is None:
        return None, "qemu-system-aarch64 is not installed"
    subprocess.run(["qemu-system-aarch64", "-machine",
                    "virt,gic-version=3,virtualization=on,its=off,dumpdtb="
                    + virt, "-cpu", "cortex-a57", "-smp", "4", "-m", "1G",
                    "-nic", "none"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    if not os.path.exists(virt):
        return None, "QEMU did not dump its device tree"
    dts = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", virt],
                         stdout=subprocess.PIPE, text=True,
                         check=True).stdout
    dts += read(os.path.join(TOP, "scripts", "guest", "reserved-memory.dtsi"))
    return dtc(dts, os.path.join(out, "bench.dtb")), None


# ---- the boards ----

class BoardResult:
    def __init__(self, name):
        self.name = name
        self.row = None
        self.details = []
        self.warnings = []


def build_cells(r, what, root_c, demo_c):
    """Compile both and check them together; the .cell paths or None."""
    cells = []
    for src in (root_c, demo_c):
        cell = src[:-2] + ".cell"
        err = compile_cell(src, cell)
        r.report(err is None, f"{what}: {os.path.basename(src)} compiles "
                 "for arm64", err or "")
        if err:
            return None
        cells.append(cell)
    proc = run([CHECKER, "config", "check"] + cells)
    r.report(proc.returncode == 0 and "no errors" in proc.stdout,
             f"{what}: root and demo cell pass config check", proc.stdout +
             proc.stderr)
    return cells if proc.returncode == 0 else None


def compare(r, board, gen, hand, demo, args):
    """The values the device tree fixes, as the hand-written config has
    them; then the coverage row."""
    name = board.name
    gs, hs = gen["system"], hand["system"]
    r.report(gs[0:2] == hs[0:2], f"{name}: hypervisor memory as "
             f"configs/arm64 ({hs[0]}, {hs[1]})", f"generated {gs[0:2]}")
    r.report(gs[2:4] == hs[2:4], f"{name}: GIC distributor and "
             f"redistributors as configs/arm64 ({hs[2]}, {hs[3]})",
             f"generated {gs[2:4]}")
    r.report(gs[5] == hs[5], f"{name}: maintenance interrupt {hs[5]}",
             f"generated {gs[5]}")
    r.report(gs[6:8] == hs[6:8], f"{name}: debug console {hs[6]} type "
             f"{hs[7]}", f"generated {gs[6:8]}")
    r.report(gen["cell"][1] == hand["cell"][1], f"{name}: root CPU set "
             f"{hand['cell'][1]}", f"generated {gen['cell'][1]}")
    ram = [m for m in demo["mem"] if m[1] == 0 and m[2] == MIB]
    r.report(len(ram) == 1, f"{name}: demo cell has 1 MiB of RAM at 0",
             str(demo["mem"]))

    gm, gr = coverage(gen)
    hm, hr = coverage(hand)
    board.row = (name, total(gm), total(hm), total(minus(gm, hm)),
                 total(minus(hm, gm)), total(gr), total(hr),
                 total(minus(gr, hr)), total(minus(hr, gr)), len(gen["mem"]),
                 len(hand["mem"]))
    board.details = [
        f"MMIO only generated: {ranges_text(minus(gm, hm))}",
        f"MMIO only hand-written: {ranges_text(minus(hm, gm))}",
        f"RAM only generated: {ranges_text(minus(gr, hr))}",
        f"RAM only hand-written: {ranges_text(minus(hr, gr))}",
        f"ECAM: generated {gs[8]}, hand-written {hs[8]}; vpci_irq_base "
        f"{gen['cell'][2]} / {hand['cell'][2]}; gicr_size {gs[4]} / {hs[4]}",
        "SPIs of the root: " + ", ".join(
            f"{c[0]}+128" for c in gen["irq"]) + " / " + ", ".join(
            f"{c[0]}+128" for c in hand["irq"]),
    ]
    if gen["vendor"] or hand["vendor"]:
        board.details.append(
            "vendor entries: " + "; ".join(
                f"type {v[0]} 0x{v[1]:x} base {v[2]}" for v in gen["vendor"])
            + " / " + "; ".join(f"type {v[0]} 0x{v[1]:x} base {v[2]}"
                                for v in hand["vendor"]))
        r.report([v[:3] for v in gen["vendor"]] ==
                 [v[:3] for v in hand["vendor"]] and
                 [v[3:] for v in gen["vendor"]] ==
                 [v[3:] for v in hand["vendor"]],
                 f"{name}: GPIO/EINT vendor entries as configs/arm64",
                 "\n".join(board.details[-1:]))
        r.report(gen["smc"] == hand["smc"], f"{name}: root SMC IDs as "
                 "configs/arm64", f"{gen['smc']} / {hand['smc']}")


def board_test(r, spec, results):
    name, version, dts, hand_root, hand_demo, options = spec
    board = BoardResult(name)
    dtb, why = qemu_dtb() if version is None else board_dtb(version, dts)
    if dtb is None:
        print(f"SKIP {name}: {why}")
        board.row = (name, why)
        results.append(board)
        return
    out = os.path.join(GENERATED, name)
    os.makedirs(out, exist_ok=True)
    root_c = os.path.join(out, name + ".c")
    demo_c = os.path.join(out, name + "-inmate-demo.c")
    proc = generate(["--dtb", dtb] + options + [root_c])
    r.report(proc.returncode == 0, f"{name}: config create from "
             f"{os.path.relpath(dtb, TOP)}", proc.stdout + proc.stderr)
    if proc.returncode:
        return
    board.warnings = [l for l in proc.stderr.splitlines() if l]
    cells = build_cells(r, name, root_c, demo_c)
    if not cells:
        return
    hand_cells = [os.path.join(CONFIGS, c + ".cell")
                  for c in (hand_root, hand_demo)]
    compare(r, board, dump(cells[0]), dump(hand_cells[0]), dump(cells[1]),
            options)
    if name == "qemu":
        qemu_checks(r, dump(cells[0]), dtb)
    results.append(board)


def qemu_checks(r, gen, dtb):
    """The bench keeps 0x70000000-0x7fffffff from Linux as qemu-arm64.c
    does, found in the device tree's reserved-memory nodes."""
    ram = [(m[0], m[0] + m[2]) for m in gen["mem"]
           if not m[3] & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION)]
    r.report((0x40000000, 0x70000000) in ram and not any(
        s < 0x70000000 < e for s, e in ram), "qemu: Linux RAM "
        "0x40000000-0x6fffffff, a region of its own", str(ram))
    cells = [(max(s, 0x70000000), min(e, 0x80000000)) for s, e in ram
             if e > 0x70000000 and s < 0x80000000]
    r.report(union(cells) == [(0x70000000, 0x7fc00000)], "qemu: the root "
             "maps the cells' RAM 0x70000000-0x7fbfffff, not the hypervisor",
             str(cells))
    # the checked-in sources that tests/system/config-create.sh boots
    out = os.path.join(GENERATED, "qemu")
    root_c = os.path.join(out, "generated-qemu-root.c")
    demo_c = os.path.join(out, "generated-qemu-demo.c")
    proc = generate(["--dtb", dtb, "--name", QEMU_NAME, "--demo", demo_c,
                     root_c])
    for src in (root_c, demo_c):
        shipped = os.path.join(SYSTEM_CONFIGS, os.path.basename(src))
        same = (proc.returncode == 0 and os.path.exists(shipped) and
                read(shipped) == read(src))
        diff = "" if same else run(["diff", "-u", shipped, src]).stdout
        r.report(same, f"qemu: tests/system/configs/{os.path.basename(src)}"
                 " is what the generator writes (regenerate: cp "
                 f"{os.path.relpath(src, TOP)} tests/system/configs/)",
                 proc.stderr + diff[:3000])


def coverage_table(results):
    lines = [
        "| Board | MMIO generated | MMIO hand | only generated | only hand "
        "| RAM generated | RAM hand | only generated | only hand "
        "| regions gen/hand |",
        "|---|---|---|---|---|---|---|---|---|---|"]
    details = []
    for b in results:
        if b.row is None:
            continue
        if len(b.row) == 2:
            lines.append(f"| {b.row[0]} | skipped: {b.row[1]} "
                         "| | | | | | | | |")
            continue
        name, *sizes, ng, nh = b.row
        lines.append(f"| {name} | " + " | ".join(human(s) for s in sizes)
                     + f" | {ng}/{nh} |")
        details.append(f"\n{name}:\n" + "".join(f"  {d}\n"
                                                 for d in b.details) +
                       "".join(f"  generator: {w}\n" for w in b.warnings))
    return "\n".join(lines) + "\n" + "".join(details)


# ---- bad input and options, on a small board ----

MINI = """\
/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	interrupt-parent = <&gic>;
	model = "Mini test board";
	compatible = "test,mini";

	chosen {
		stdout-path = "serial0:115200n8";
	};

	aliases {
		serial0 = "/uart@9000000";
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

	psci {
		compatible = "arm,psci-1.0";
		method = "smc";
	};

	memory@40000000 {
		device_type = "memory";
		reg = <0 0x40000000 0 0x40000000>;
	};

	reserved-memory {
		#address-cells = <2>;
		#size-cells = <2>;
		ranges;
@RESERVED@
	};

	gic: interrupt-controller@8000000 {
		compatible = "arm,gic-v3";
		#interrupt-cells = <3>;
		interrupt-controller;
		reg = <0 0x8000000 0 0x10000>, <0 0x80a0000 0 0x40000>;
		interrupts = <1 9 4>;
	};

	uart@9000000 {
		compatible = "arm,pl011", "arm,primecell";
		reg = <0 0x9000000 0 0x1000>;
		interrupts = <0 1 4>;
	};

	uart@9001000 {
		compatible = "arm,pl011", "arm,primecell";
		reg = <0 0x9001000 0 0x1000>;
		interrupts = <0 2 4>;
		status = "disabled";
	};

	bus@10000000 {
		compatible = "simple-bus";
		#address-cells = <1>;
		#size-cells = <1>;
		ranges = <0 0 0x10000000 0x100000>;

		timer@2000 {
			reg = <0x2000 0x100>;
			interrupts = <0 20 4>;
		};
		i2c@3000 {
			reg = <0x3000 0x100>;
			#address-cells = <1>;
			#size-cells = <0>;
			sensor@48 {
				reg = <0x48>;
			};
		};
	};
};
"""

MINI_RESERVED = """\
		jailhouse@7fc00000 {
			reg = <0 0x7fc00000 0 0x400000>;
			no-map;
		};
		jailhouse-cells@7c000000 {
			reg = <0 0x7c000000 0 0x3c00000>;
			no-map;
		};
"""


def mini(name, tmp, reserved=MINI_RESERVED, edit=None):
    source = MINI.replace("@RESERVED@", reserved)
    if edit:
        source = edit(source)
    return dtc(source, os.path.join(tmp, name + ".dtb"))


def expect_error(r, what, args, message):
    proc = generate(args)
    r.report(proc.returncode == 1 and proc.stderr == message and
             not proc.stdout, f"bad input: {what}: exit 1, one message",
             f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr:\n"
             f"{proc.stderr}\nexpected:\n{message}")


def bad_input(r, tmp):
    out = os.path.join(tmp, "bad.c")
    no_memory = mini("no-memory", tmp, edit=lambda s: re.sub(
        r"\tmemory@40000000 \{.*?\};\n", "", s, flags=re.S))
    expect_error(r, "a device tree without /memory",
                 ["--dtb", no_memory, out],
                 f"{PROG}: {no_memory}: no /memory node with a reg: the "
                 "device tree describes no RAM (add memory@ADDR { "
                 "device_type = \"memory\"; reg = <...>; })\n")
    overlap = mini("overlap", tmp, MINI_RESERVED + """\
		firmware@7e000000 {
			reg = <0 0x7e000000 0 0x100000>;
			no-map;
		};
""")
    expect_error(r, "overlapping reservations", ["--dtb", overlap, out],
                 f"{PROG}: {overlap}: /reserved-memory/jailhouse-cells@"
                 "7c000000 (0x7c000000-0x7fbfffff) overlaps /reserved-memory/"
                 "firmware@7e000000 (0x7e000000-0x7e0fffff): reserved "
                 "regions must not overlap; fix the device tree\n")
    bare = mini("no-reservation", tmp, "")
    expect_error(r, "no jailhouse reservation, no --mem-hv",
                 ["--dtb", bare, out],
                 f"{PROG}: {bare}: no memory reserved for the hypervisor "
                 "(jailhouse@...) and the cells (jailhouse-cells@...): the "
                 "device tree's /reserved-memory has no such node, and no "
                 "--mem-hv or --mem-inmates was given.\n"
                 "Add to /reserved-memory of the device tree, e.g.:\n"
                 "\t\tjailhouse@7fc00000 {\t/* hypervisor, 4 MiB */\n"
                 "\t\t\treg = <0x0 0x7fc00000 0x0 0x400000>;\n"
                 "\t\t\tno-map;\n\t\t};\n"
                 "\t\tjailhouse-cells@7bc00000 {\t/* RAM lent to cells, "
                 "64 MiB */\n"
                 "\t\t\treg = <0x0 0x7bc00000 0x0 0x4000000>;\n"
                 "\t\t\tno-map;\n\t\t};\n"
                 "or give --mem-hv ADDR,SIZE and --mem-inmates ADDR,SIZE "
                 "(Documentation/config-create.md)\n")
    junk = os.path.join(tmp, "junk.tar")
    write(junk, bytes(range(256)) * 40)
    expect_error(r, "a corrupt tarball", ["--collected", junk, out],
                 f"{PROG}: {junk}: not a tar archive, or a damaged one: make "
                 "it with \"jailhouse config collect FILE.tar\" on the "
                 "target\n")
    cut = os.path.join(tmp, "cut.tar")
    with tarfile.open(cut + ".full", "w") as tar:
        data = read(bare, "rb") * 4
        info = tarfile.TarInfo("sys/firmware/fdt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    write(cut, read(cut + ".full", "rb")[:1536])
    expect_error(r, "a truncated tarball", ["--collected", cut, out],
                 f"{PROG}: {cut}: not a tar archive, or a damaged one: make "
                 "it with \"jailhouse config collect FILE.tar\" on the "
                 "target\n")
    empty = os.path.join(tmp, "empty.tar")
    with tarfile.open(empty, "w") as tar:
        info = tarfile.TarInfo("proc/iomem")
        tar.addfile(info, io.BytesIO(b""))
    expect_error(r, "a tarball without the device tree",
                 ["--collected", empty, out],
                 f"{PROG}: {empty}: no sys/firmware/fdt in the archive: not "
                 "made by \"jailhouse config collect\"\n")
    notdt = os.path.join(tmp, "not.dtb")
    write(notdt, b"\x7fELF" + bytes(60))
    expect_error(r, "not a device tree blob", ["--dtb", notdt, out],
                 f"{PROG}: {notdt}: not a usable device tree blob: magic "
                 "0x7f454c46, not 0xd00dfeed\n")
    gicv2 = mini("gicv2", tmp, edit=lambda s: s.replace(
        '"arm,gic-v3"', '"arm,gic-400"'))
    expect_error(r, "a GICv2", ["--dtb", gicv2, out],
                 f"{PROG}: {gicv2}: the GIC /interrupt-controller@8000000 is "
                 "a GICv2 (arm,gic-400): this hypervisor supports GICv3 "
                 "(arm,gic-v3) only\n")
    nomap = mini("no-nomap", tmp, MINI_RESERVED.replace(
        "0x400000>;\n\t\t\tno-map;", "0x400000>;"))
    expect_error(r, "a jailhouse node without no-map",
                 ["--dtb", nomap, out],
                 f"{PROG}: {nomap}: /reserved-memory/jailhouse@7fc00000 has "
                 "no no-map: Linux would map that memory; add no-map to the "
                 "node\n")
    dtb = mini("mini", tmp)
    expect_error(r, "--mem-hv not ADDR,SIZE",
                 ["--dtb", dtb, "--mem-hv", "0x7fc00000", out],
                 f"{PROG}: --mem-hv 0x7fc00000: not ADDR,SIZE (e.g. "
                 "0x7fc00000,0x400000 or 0x7fc00000,4M)\n")
    expect_error(r, "--mem-hv outside the RAM",
                 ["--dtb", dtb, "--mem-hv", "0x90000000,4M", out],
                 f"{PROG}: --mem-hv 0x90000000-0x903fffff: not inside the "
                 "RAM of the device tree (0x40000000-0x7fffffff)\n")
    expect_error(r, "--mem-hv in the cells' reservation",
                 ["--dtb", dtb, "--mem-hv", "0x7c000000,4M", out],
                 f"{PROG}: --mem-hv 0x7c000000-0x7c3fffff overlaps "
                 "/reserved-memory/jailhouse-cells@7c000000 "
                 "(0x7c000000-0x7fbfffff)\n")
    proc = generate(["--dtb", dtb, "--collected", junk, out])
    r.report(proc.returncode == 1 and proc.stderr.endswith(
        f"{PROG}: argument --collected: not allowed with argument --dtb\n"),
        "usage error: exit 1, the reason last", proc.stderr)


def options(r, tmp):
    out = os.path.join(tmp, "opt")
    os.makedirs(out)
    dtb = mini("mini", tmp)
    root_c = os.path.join(out, "mini.c")
    proc = generate(["--dtb", dtb, root_c])
    r.report(proc.returncode == 0 and not proc.stderr, "mini board: "
             "generated without a warning", proc.stdout + proc.stderr)
    cells = build_cells(r, "mini board", root_c, root_c[:-2] +
                        "-inmate-demo.c")
    if cells:
        root, demo = dump(cells[0]), dump(cells[1])
        mmio = [(m[0], m[2]) for m in root["mem"] if m[3] & JAILHOUSE_MEM_IO]
        r.report(mmio == [(0x9000000, 0x2000), (0x10002000, 0x2000)],
                 "mini board: MMIO of the enabled UART and the disabled "
                 "spare one, the timer and the I2C controller through the "
                 "bus's ranges (merged); not the GIC, not the I2C sensor",
                 str(mmio))
        r.report(root["system"][8] == "0x3fe00000", "mini board: virtual "
                 "PCI host in the highest 2 MiB hole below the RAM",
                 str(root["system"]))
        uart = [m for m in demo["mem"] if m[0] == 0x9001000]
        r.report(uart == [[0x9001000, 0x9001000, 0x1000, 0x13]],
                 "mini board: the demo cell takes the spare UART's page",
                 str(demo["mem"]))
        r.report(demo["cell"][3] == "0x9001000" and demo["cell"][4] == "3",
                 "mini board: the demo cell's console is the spare PL011",
                 str(demo["cell"]))
        bits = [c for c in demo["irq"] if c[0] == 32]
        # SPI 2 (INTID 34) of the UART, INTx of the demo: SPI 12 -> 44
        r.report(bits and bits[0][1] == (1 << 2) | (1 << 12),
                 "mini board: the demo cell owns its UART's SPI and its "
                 "INTx", str(demo["irq"]))
        r.report(root["cell"][2] == "16" and demo["cell"][2] == "12",
                 "mini board: vPCI INTx in the gaps below the highest SPI "
                 "of the device tree (16-19, 12-15)", str(root["cell"]) +
                 str(demo["cell"]))
    for choice, expect in (("console", "JAILHOUSE_MEM_ROOTSHARED"),
                           ("none", "JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE")):
        demo_c = os.path.join(out, f"demo-{choice}.c")
        proc = generate(["--dtb", dtb, "--demo-uart", choice, "--demo",
                         demo_c, os.path.join(out, f"root-{choice}.c")])
        r.report(proc.returncode == 0 and expect in read(demo_c),
                 f"--demo-uart {choice}: {expect}", proc.stderr)
    bare = mini("bare", tmp, "")
    root_c = os.path.join(out, "bare.c")
    proc = generate(["--dtb", bare, "--mem-hv", "0x7fc00000,4M",
                     "--mem-inmates", "0x7c000000,0x3c00000", root_c])
    r.report(proc.returncode == 0 and proc.stderr.count(
        "is not reserved in the device tree: Linux will use it unless you "
        "add") == 2, "--mem-hv and --mem-inmates without reservations: "
        "generated, each warned about", proc.stderr)
    if proc.returncode == 0:
        cells = build_cells(r, "--mem-hv", root_c,
                            root_c[:-2] + "-inmate-demo.c")
        if cells:
            sys_ = dump(cells[0])["system"]
            r.report(sys_[0:2] == ["0x7fc00000", "0x400000"],
                     "--mem-hv: the hypervisor memory", str(sys_))
    root_c = os.path.join(out, "spis.c")
    proc = generate(["--dtb", dtb, "--vpci-irq-base", "96,108", "--no-demo",
                     root_c])
    r.report(proc.returncode == 0 and ".vpci_irq_base = 96," in
             read(root_c) and not os.path.exists(root_c[:-2] +
                                                 "-inmate-demo.c"),
             "--vpci-irq-base, --no-demo", proc.stderr)


# ---- config collect ----

def unflatten(dtb, root):
    """A /proc/device-tree of @dtb, as the kernel shows it (with the name
    property it adds to every node)."""
    sys.dont_write_bytecode = True     # no __pycache__ in tools/
    import importlib.machinery
    import importlib.util
    loader = importlib.machinery.SourceFileLoader("jcc", GENERATOR)
    spec = importlib.util.spec_from_loader("jcc", loader)
    jcc = importlib.util.module_from_spec(spec)
    loader.exec_module(jcc)
    tree = jcc.DeviceTree(read(dtb, "rb"), dtb)

    def put(node, path):
        os.makedirs(path, exist_ok=True)
        for name, value in node.props.items():
            write(os.path.join(path, name), value)
        write(os.path.join(path, "name"), node.base.encode() + b"\0")
        for child in node.children:
            put(child, os.path.join(path, child.name))
    put(tree.root, root)


PROC_FILES = {
    "iomem": "09000000-09000fff : pl011@9000000\n"
             "40000000-6fffffff : System RAM\n"
             "  40210000-4157ffff : Kernel code\n"
             "70000000-7fbfffff : reserved\n"
             "7fc00000-7fffffff : reserved\n",
    "interrupts": "           CPU0       CPU1       CPU2       CPU3\n"
                  " 11:       1234       1200       1100       1000     "
                  "GICv3  27 Level     arch_timer\n"
                  " 13:         56          0          0          0     "
                  "GICv3  33 Level     uart-pl011\n",
    "cpuinfo": "processor\t: 0\nBogoMIPS\t: 125.00\n\nprocessor\t: 1\n",
    "cmdline": "console=ttyAMA0 earlycon panic=-1\n",
    "version": "Linux version 6.1.0 (test)\n",
    "modules": "jailhouse 45056 0 - Live 0x0000000000000000 (O)\n",
}
CPU_FILES = {
    "topology/core_id": "{n}\n", "topology/cluster_id": "0\n",
    "topology/physical_package_id": "0\n",
    "topology/core_cpus_list": "{n}\n",
    "regs/identification/midr_el1": "0x00000000411fd070\n",
    "regs/identification/revidr_el1": "0x0000000000000000\n",
}


def fake_system(root, dtb, flat=False, config=True):
    proc, sysfs = os.path.join(root, "proc"), os.path.join(root, "sys")
    for name, text in PROC_FILES.items():
        write(os.path.join(proc, name), text)
    if config:
        write(os.path.join(proc, "config.gz"),
              gzip.compress(b"CONFIG_MODULES=y\n", mtime=0))
    if flat:
        unflatten(dtb, os.path.join(proc, "device-tree"))
    else:
        write(os.path.join(sysfs, "firmware", "fdt"), read(dtb, "rb"))
    cpu = os.path.join(sysfs, "devices", "system", "cpu")
    for name in ("online", "possible", "present"):
        write(os.path.join(cpu, name), "0-3\n")
    expected = {}
    for n in range(4):
        for name, text in CPU_FILES.items():
            write(os.path.join(cpu, f"cpu{n}", name), text.format(n=n))
            expected[f"sys/devices/system/cpu/cpu{n}/{name}"] = \
                text.format(n=n).encode()
    write(os.path.join(cpu, "cpufreq", "policy0"), "x")   # not a CPU
    write(os.path.join(cpu, "cpu0", "online"), "1\n")    # not collected
    return {"JAILHOUSE_PROC": proc, "JAILHOUSE_SYSFS_ROOT": sysfs}, expected


def members(path):
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()
                if m.isfile()}, [m.name for m in tar.getmembers()]


def collect_tests(r, tmp, dtb):
    out = os.path.join(tmp, "collect")
    env, cpu_files = fake_system(os.path.join(out, "system"), dtb)
    for tool in TOOLS:
        tar = os.path.join(out, os.path.basename(tool) + ".tar")
        proc = run([tool, "config", "collect", tar], env=env)
        what = f"config collect ({os.path.basename(tool)})"
        r.report(proc.returncode == 0 and proc.stdout ==
                 f"{tar}: 36 files, device tree from "
                 f"{env['JAILHOUSE_SYSFS_ROOT']}/firmware/fdt\n" and
                 not proc.stderr, f"{what}: exit 0, one line",
                 proc.stdout + proc.stderr)
        if proc.returncode:
            continue
        files, order = members(tar)
        wanted = {"sys/firmware/fdt": read(dtb, "rb")}
        wanted.update({"proc/" + n: t.encode()
                       for n, t in PROC_FILES.items()})
        wanted["proc/config.gz"] = gzip.compress(b"CONFIG_MODULES=y\n",
                                                 mtime=0)
        for name in ("online", "possible", "present"):
            wanted[f"sys/devices/system/cpu/{name}"] = b"0-3\n"
        wanted.update(cpu_files)
        info = files.get("jailhouse-collect.txt", b"").decode()
        files.pop("jailhouse-collect.txt", None)
        r.report(files == wanted, f"{what}: members and contents",
                 "missing: " + ", ".join(sorted(set(wanted) - set(files))) +
                 "\nextra: " + ", ".join(sorted(set(files) - set(wanted))) +
                 "\ndiffer: " + ", ".join(n for n in wanted if n in files
                                          and files[n] != wanted[n]))
        r.report(order[0] == "sys/firmware/fdt" and
                 order[-1] == "jailhouse-collect.txt", f"{what}: the device "
                 "tree first, the summary last", str(order))
        r.report(re.match(r"jailhouse config collect v\S+\ndevice tree: "
                          + re.escape(env["JAILHOUSE_SYSFS_ROOT"]) +
                          r"/firmware/fdt\ncpus: 4\n$", info) is not None,
                 f"{what}: jailhouse-collect.txt", info)
        raw = read(tar, "rb")
        r.report(len(raw) % 10240 == 0 and raw[257:263] == b"ustar\0" and
                 raw[-1024:] == bytes(1024), f"{what}: ustar, padded to "
                 "whole 10 KiB records, two zero blocks at the end",
                 f"{len(raw)} bytes")
        tar_check = run(["tar", "-tvf", tar])
        r.report(tar_check.returncode == 0 and "root/root" in
                 tar_check.stdout and not tar_check.stderr,
                 f"{what}: GNU tar lists it", tar_check.stderr)
    tar = os.path.join(out, "jailhouse.tar")
    same_output(r, "config create from the collected archive",
                ["--collected", tar], ["--dtb", dtb], out)

    # /proc/device-tree only: flattened back, "name" properties dropped
    env, _ = fake_system(os.path.join(out, "flat"), dtb, flat=True,
                         config=False)
    tar = os.path.join(out, "flat.tar")
    proc = run([CHECKER, "config", "collect", tar], env=env)
    r.report(proc.returncode == 0 and proc.stdout.endswith(
        f"device tree from {env['JAILHOUSE_PROC']}/device-tree "
        "(flattened)\n"), "config collect: no /sys/firmware/fdt: "
        "/proc/device-tree flattened", proc.stdout + proc.stderr)
    if proc.returncode == 0:
        files, _ = members(tar)
        flat = os.path.join(out, "flat.dtb")
        write(flat, files["sys/firmware/fdt"])
        a = run(["dtc", "-q", "-s", "-I", "dtb", "-O", "dts", dtb]).stdout
        b = run(["dtc", "-q", "-s", "-I", "dtb", "-O", "dts", flat]).stdout
        r.report(a == b and a, "config collect: the flattened tree is the "
                 "device tree (dtc -s), without the kernel's name "
                 "properties", run(["diff", "-u", "-", flat + ".dts"],
                                   input=a).stdout if a != b else "")
        same_output(r, "config create from the flattened tree",
                    ["--collected", tar], ["--dtb", dtb], out)
        r.report("missing: proc/config.gz" in
                 files["jailhouse-collect.txt"].decode(), "config collect: "
                 "no /proc/config.gz: left out, noted in the summary",
                 files["jailhouse-collect.txt"].decode())
    collect_errors(r, out, dtb)


def same_output(r, what, args_a, args_b, out):
    texts = []
    for n, args in enumerate((args_a, args_b)):
        root_c = os.path.join(out, f"same-{n}.c")
        proc = generate(args + [root_c])
        texts.append((proc.returncode, read(root_c) if not proc.returncode
                      else proc.stderr, read(root_c[:-2] + "-inmate-demo.c")
                      if not proc.returncode else ""))
    r.report(texts[0] == texts[1] and texts[0][0] == 0, f"{what}: the same "
             "root and demo cell as from the device tree",
             str(texts[0][1])[:2000] if texts[0][0] else
             run(["diff", "-u", os.path.join(out, "same-1.c"),
                  os.path.join(out, "same-0.c")]).stdout[:3000])


def collect_errors(r, out, dtb):
    nothing = os.path.join(out, "nothing")
    env = {"JAILHOUSE_PROC": os.path.join(nothing, "proc"),
           "JAILHOUSE_SYSFS_ROOT": os.path.join(nothing, "sys")}
    os.makedirs(env["JAILHOUSE_PROC"])
    tar = os.path.join(out, "none.tar")
    proc = run([CHECKER, "config", "collect", tar], env=env)
    r.report(proc.returncode == 1 and proc.stderr ==
             "jailhouse config collect: no device tree: neither "
             f"{env['JAILHOUSE_SYSFS_ROOT']}/firmware/fdt nor "
             f"{env['JAILHOUSE_PROC']}/device-tree can be read\n" and
             not os.path.exists(tar), "config collect: no device tree: "
             "exit 1, no archive left", proc.stderr)
    env, _ = fake_system(os.path.join(out, "sparse"), dtb)
    for name in ("iomem", "interrupts"):
        os.unlink(os.path.join(env["JAILHOUSE_PROC"], name))
    tar = os.path.join(out, "sparse.tar")
    proc = run([CHECKER, "config", "collect", tar], env=env)
    p = env["JAILHOUSE_PROC"]
    r.report(proc.returncode == 0 and proc.stderr ==
             f"jailhouse config collect: note: {p}/iomem: No such file or "
             "directory: left out\n"
             f"jailhouse config collect: note: {p}/interrupts: No such file "
             "or directory: left out\n", "config collect: missing /proc "
             "files: a note each, exit 0", proc.stderr)
    write(os.path.join(p, "iomem"), "00000000-00000000 : System RAM\n")
    proc = run([CHECKER, "config", "collect", tar], env=env)
    r.report(proc.returncode == 0 and
             f"jailhouse config collect: warning: {p}/iomem hides its "
             "addresses: run as root\n" in proc.stderr, "config collect: "
             "/proc/iomem without addresses: a warning", proc.stderr)
    proc = run([CHECKER, "config", "collect",
                os.path.join(out, "no", "such", "dir.tar")], env=env)
    r.report(proc.returncode == 1 and proc.stderr ==
             "jailhouse config collect: "
             f"{os.path.join(out, 'no', 'such', 'dir.tar')}: No such file "
             "or directory\n", "config collect: unwritable archive: exit 1",
             proc.stderr)
    for args in ([], ["a.tar", "b.tar"], ["-x"]):
        proc = run([CHECKER, "config", "collect"] + args, env=env)
        r.report(proc.returncode == 1 and proc.stderr ==
                 "Usage: jailhouse config collect FILE.TAR\n",
                 f"config collect {' '.join(args)}: usage, exit 1",
                 proc.stderr)
    proc = run([CHECKER, "config", "collect", "--help"], env=env)
    r.report(proc.returncode == 0 and proc.stdout.startswith(
        "Usage: jailhouse config collect FILE.TAR\n"), "config collect "
        "--help", proc.stdout)


def create_command(r, tmp, dtb):
    """jailhouse config create runs the generator beside it, in
    LIBEXECDIR/jailhouse or the source tree; or says where to run it."""
    out = os.path.join(tmp, "create")
    os.makedirs(out)
    root_c = os.path.join(out, "via-tool.c")
    proc = run([TOOL, "config", "create", "--dtb", dtb, root_c])
    r.report(proc.returncode == 0 and os.path.exists(root_c),
             "jailhouse config create: runs tools/jailhouse-config-create",
             proc.stdout + proc.stderr)
    lone = os.path.join(out, "bin", "jailhouse")
    os.makedirs(os.path.dirname(lone))
    shutil.copy(TOOL, lone)
    proc = run([lone, "config", "create", "--dtb", dtb, root_c],
               env={"PATH": "/nonexistent"})
    r.report(proc.returncode == 1 and proc.stderr.startswith(
        "jailhouse config create: jailhouse-config-create not found (or no "
        "Python 3 to run it): the generator runs on a host with Python 3 "
        "and Mako (Debian: python3 python3-mako).\n"), "jailhouse config "
        "create without the generator: says to collect and where to run "
        "it, exit 1", proc.stderr)
    proc = run([TOOL, "config", "create", "--help"])
    r.report(proc.returncode == 0 and "--mem-hv ADDR,SIZE" in proc.stdout,
             "jailhouse config create --help: the generator's usage",
             proc.stdout + proc.stderr)
    proc = run([TOOL, "--help"])
    r.report(proc.returncode == 0 and "   config collect FILE.TAR\n" in
             proc.stdout and "   config create [-h] [--dtb DTB | "
             "--collected FILE.TAR]" in proc.stdout, "jailhouse --help "
             "lists config create and collect", proc.stdout)


def main():
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "configs")],
                   check=True)
    subprocess.run(["make", "-s", "-C", os.path.join(TOP, "tools")],
                   check=True)
    os.makedirs(BUILD, exist_ok=True)
    subprocess.run(["gcc", "-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-I", os.path.join(TOP, "include"), "-o", CELL_DUMP,
                    os.path.join(HERE, "cell-dump.c")], check=True)
    r = Results()
    boards = []
    for spec in BOARDS:
        board_test(r, spec, boards)
    table = coverage_table(boards)
    write(os.path.join(GENERATED, "coverage.md"), table)
    print("\nCoverage of the root cells, generated / hand-written "
          f"(build/generated/coverage.md):\n{table}")
    with tempfile.TemporaryDirectory(prefix="jh-generator-") as tmp:
        bad_input(r, tmp)
        options(r, tmp)
        bench = os.path.join(GENERATED, "qemu", "bench.dtb")
        dtb = bench if os.path.exists(bench) else mini("mini", tmp)
        collect_tests(r, tmp, dtb)
        create_command(r, tmp, dtb)
    print(f"generator: {r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
