#!/usr/bin/python3
"""Configuration tests.

- Every shipped configuration (configs/arm64) builds and passes
  "jailhouse config check" together with the cells it runs with
  (shipped.txt), without an error or a warning.
- Every inmate device tree (configs/arm64/dts/*.dts) agrees with the cell
  configuration its "cell: NAME" comment line names, and with that cell's
  system configuration (the first shipped.txt line listing the cell): see
  inmate_dts().
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


# ---- inmate device trees against their cell configurations ----

DTS = os.path.join(CONFIGS, "dts")
MIB = 1 << 20

MEM_READ, MEM_WRITE, MEM_EXECUTE, MEM_DMA = 0x1, 0x2, 0x4, 0x8
MEM_IO, MEM_COMM_REGION, MEM_ROOTSHARED = 0x10, 0x20, 0x80
# jailhouse cell linux: the flags that make a region the cell's RAM
RAM_FLAGS_MASK = (MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | MEM_IO |
                  MEM_COMM_REGION | MEM_ROOTSHARED)
RAM_FLAGS = MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA


class ConfigFile:
    """A revision-15 .cell file (system or cell), read with the layout of
    include/jailhouse/cell-config.h (offsets as tests/unit/test_abi.c
    pins them): the descriptor's counts, then its arrays in order."""

    DESC_SIZE = 140

    def __init__(self, path):
        self.path = path
        data = open(path, "rb").read()
        sig = data[:5]
        if sig not in (b"JHSYS", b"JHCLL"):
            raise ValueError(f"{path}: no JHSYS/JHCLL signature")
        self.revision = self.u(data, 6, 2)
        if self.revision != 15:
            raise ValueError(f"{path}: revision {self.revision}, not 15")
        self.system = sig == b"JHSYS"
        desc = 360 if self.system else 0
        if self.system:
            self.pci_mmconfig_base = self.u(data, 76, 8)
            self.pci_end_bus = data[84]
            self.gicd_base = self.u(data, 316, 8)
            self.gicr_base = self.u(data, 348, 8)

        def d(off, size=4):
            return self.u(data, desc + off, size)

        self.name = data[desc + 8:desc + 40].split(b"\0")[0].decode()
        cpu_set_size, n_mem, n_cache, n_irqchips, n_pio, n_pci, n_caps, \
            n_streams, n_smcs, n_vendors = (d(48 + 4 * i) for i in range(10))
        self.vpci_irq_base = d(88)
        self.console_address = d(108, 8)
        off = desc + self.DESC_SIZE
        bits = int.from_bytes(data[off:off + cpu_set_size], "little")
        self.cpus = {n for n in range(cpu_set_size * 8) if bits >> n & 1}
        off += cpu_set_size
        self.regions = []
        for _ in range(n_mem):
            phys, virt, size, flags = (self.u(data, off + 8 * i, 8)
                                       for i in range(4))
            self.regions.append((phys, virt, size, flags))
            off += 32
        off += 12 * n_cache
        self.intids = set()
        for _ in range(n_irqchips):
            pin_base = self.u(data, off + 12)
            for word in range(4):
                bitmap = self.u(data, off + 16 + 4 * word)
                self.intids |= {pin_base + 32 * word + bit
                                for bit in range(32) if bitmap >> bit & 1}
            off += 32
        off += 4 * n_pio
        self.bar0_sizes = []
        for _ in range(n_pci):
            mask = self.u(data, off + 6)
            self.bar0_sizes.append((~mask + 1) & 0xffffffff if mask else 0)
            off += 56
        off += 8 * n_caps + 4 * n_streams + 4 * n_smcs + 32 * n_vendors
        if off != len(data):
            raise ValueError(f"{path}: {len(data)} bytes, its counts say "
                             f"{off}")

    @staticmethod
    def u(data, off, size=4):
        return int.from_bytes(data[off:off + size], "little")

    def region_of(self, start, size):
        """The cell memory region (guest addresses) holding [start,
        start + size), or None."""
        for region in self.regions:
            if region[1] <= start and start + size <= region[1] + region[2]:
                return region
        return None

    def ram_regions(self):
        return [r for r in self.regions
                if r[3] & RAM_FLAGS_MASK == RAM_FLAGS and
                not (r[1] == 0 and r[2] <= 0x10000)]


class DeviceTree:
    """A .dtb read with fdtget: every node's properties as bytes."""

    def __init__(self, path):
        self.path = path
        self.props = {}
        pairs = []
        todo = ["/"]
        while todo:
            node = todo.pop(0)
            self.props[node] = {}
            for name in self.fdtget("-p", node):
                pairs.append((node, name))
            todo += [(node.rstrip("/") + "/" + child)
                     for child in self.fdtget("-l", node)]
        if pairs:
            values = self.fdtget("-t", "bx",
                                 *[x for pair in pairs for x in pair],
                                 keep_empty=True)
            if len(values) != len(pairs):
                raise ValueError(f"{path}: fdtget gave {len(values)} values "
                                 f"for {len(pairs)} properties")
            for (node, name), value in zip(pairs, values):
                self.props[node][name] = bytes(int(b, 16)
                                               for b in value.split())
        self.phandles = {self.cells(n, "phandle")[0]: n for n in self.props
                         if "phandle" in self.props[n]}

    def fdtget(self, *args, keep_empty=False):
        proc = subprocess.run(["fdtget", self.path] + list(args),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
        if proc.returncode:
            raise ValueError(f"fdtget {' '.join(args[:4])}: "
                             f"{proc.stderr.strip()}")
        lines = proc.stdout.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines if keep_empty else [l for l in lines if l]

    def has(self, node, prop):
        return prop in self.props.get(node, {})

    def cells(self, node, prop):
        value = self.props[node][prop]
        return [int.from_bytes(value[i:i + 4], "big")
                for i in range(0, len(value) - 3, 4)]

    def strings(self, node, prop):
        if not self.has(node, prop):
            return []
        return [x.decode() for x in self.props[node][prop].split(b"\0")[:-1]]

    def string(self, node, prop):
        strings = self.strings(node, prop)
        return strings[0] if strings else None

    @staticmethod
    def parent(node):
        return node.rsplit("/", 1)[0] or "/"

    def cell_count(self, node, prop, default):
        return self.cells(node, prop)[0] if self.has(node, prop) else default

    @staticmethod
    def number(cells):
        value = 0
        for cell in cells:
            value = value << 32 | cell
        return value

    def reg(self, node):
        """(address, size) pairs of @node's reg, in its parent's cells."""
        parent = self.parent(node)
        ac = self.cell_count(parent, "#address-cells", 2)
        sc = self.cell_count(parent, "#size-cells", 1)
        cells = self.cells(node, "reg")
        return [(self.number(cells[i:i + ac]),
                 self.number(cells[i + ac:i + ac + sc]))
                for i in range(0, len(cells), ac + sc)]

    def compatible(self, compat):
        return [n for n in self.props if compat in self.strings(n,
                                                                "compatible")]

    def interrupt_parent(self, node):
        while True:
            if self.has(node, "interrupt-parent"):
                return self.phandles.get(self.cells(node,
                                                    "interrupt-parent")[0])
            if node == "/":
                return None
            node = self.parent(node)

    def interrupts(self, node):
        """(controller, specifier) pairs of @node's interrupts."""
        out = []
        if self.has(node, "interrupts"):
            ctrl = self.interrupt_parent(node)
            n = self.cell_count(ctrl, "#interrupt-cells", 1) if ctrl else 1
            cells = self.cells(node, "interrupts")
            out += [(ctrl, tuple(cells[i:i + n]))
                    for i in range(0, len(cells), n)]
        if self.has(node, "interrupts-extended"):
            cells, i = self.cells(node, "interrupts-extended"), 0
            while i < len(cells):
                ctrl = self.phandles.get(cells[i])
                n = self.cell_count(ctrl, "#interrupt-cells", 1) \
                    if ctrl else 1
                out.append((ctrl, tuple(cells[i + 1:i + 1 + n])))
                i += 1 + n
        return out

    def interrupt_map(self, node):
        """(child specifier, controller, parent specifier) of @node's
        interrupt-map, the child specifier masked."""
        ac = self.cell_count(node, "#address-cells", 2)
        ic = self.cell_count(node, "#interrupt-cells", 1)
        mask = [0xffffffff] * (ac + ic)
        if self.has(node, "interrupt-map-mask"):
            mask = self.cells(node, "interrupt-map-mask")
        cells, i, out = self.cells(node, "interrupt-map"), 0, []
        while i < len(cells):
            child = tuple(c & m for c, m in zip(cells[i:i + ac + ic], mask))
            ctrl = self.phandles.get(cells[i + ac + ic])
            if ctrl is None:
                raise ValueError(f"{node}: interrupt-map names phandle "
                                 f"{cells[i + ac + ic]:#x}, not a node")
            pac = self.cell_count(ctrl, "#address-cells", 0)
            pic = self.cell_count(ctrl, "#interrupt-cells", 1)
            start = i + ac + ic + 1
            out.append((child, ctrl, tuple(cells[start + pac:
                                                 start + pac + pic])))
            i = start + pac + pic
        return out

    def resolve(self, path):
        """An alias or a path to a node path."""
        path = path.split(":")[0]
        if not path.startswith("/"):
            path = self.string("/aliases", path) or ""
        return path if path in self.props else None


def dts_cell(src):
    """The cell named by the "cell: NAME" line of a .dts."""
    for line in open(src):
        m = re.match(r"\s*(?:/?\*+|//)\s*cell:\s*(\S+)", line)
        if m:
            return m.group(1)
    return None


def root_of(cell_name):
    for line in open(os.path.join(HERE, "shipped.txt")):
        names = line.split("#")[0].split()
        if cell_name in names[1:]:
            return names[0]
    return None


def hexes(ranges):
    return ", ".join(f"{a:#x}+{s:#x}" for a, s in ranges) or "none"


def overlaps(a, b):
    return a[0] < b[0] + b[1] and b[0] < a[0] + a[1]


# MPIDR affinity of CPU N of each board: QEMU (one cluster of 16 with
# GICv3), AM62x and i.MX8M (one cluster of 4) all have Aff0 = N.
def mpidr(cpu):
    return cpu


def check_inmate_dt(results, dts, cell, system):
    """One report line per fact that the device tree @dts must share with
    the cell configuration @cell and the system configuration @system."""
    what = f"inmate DT {os.path.basename(dts.path)[:-4]} / " \
        f"{os.path.basename(cell.path)[:-5]}"
    gic = dts.compatible("arm,gic-v3")
    gic = gic[0] if len(gic) == 1 else None
    pci = dts.compatible("pci-host-ecam-generic")

    hv = dts.compatible("jailhouse,cell")
    results.report(bool(hv), f"{what}: has the jailhouse,cell node",
                   "no node with compatible \"jailhouse,cell\"")

    cpus = [n for n in dts.props if dts.parent(n) == "/cpus" and
            dts.string(n, "device_type") == "cpu"]
    regs = sorted(dts.cells(n, "reg")[-1] if dts.has(n, "reg") else -1
                  for n in cpus)
    wanted = sorted(mpidr(c) for c in cell.cpus)
    bad = [n for n in cpus if dts.string(n, "enable-method") != "psci"]
    psci = dts.compatible("arm,psci-0.2")
    smc = bool(psci) and dts.string(psci[0], "method") == "smc"
    results.report(regs == wanted and not bad and smc,
                   f"{what}: CPUs {regs} are the cell's, PSCI by SMC",
                   f"DT cpu regs {[hex(r) for r in regs]}, cell CPUs "
                   f"{sorted(cell.cpus)} (MPIDRs {[hex(r) for r in wanted]})"
                   f"; without enable-method psci: {bad}; psci node with "
                   f"method smc: {smc}")

    mem = [r for n in dts.props if dts.string(n, "device_type") == "memory"
           for r in dts.reg(n)]
    ram = cell.ram_regions()
    errors = [f"DT memory {hexes([r])} is in no RAM region of the cell "
              "(READ|WRITE|EXECUTE|DMA)" for r in mem
              if not any(x[1] <= r[0] and r[0] + r[1] <= x[1] + x[2]
                         for x in ram)]
    for x in ram:
        start, end = x[1], x[1] + x[2]
        for r in sorted(mem):
            if r[0] <= start < r[0] + r[1]:
                start = r[0] + r[1]
        if start < end:
            errors.append(f"cell RAM {hexes([(x[1], x[2])])}: "
                          f"{start:#x}-{end:#x} not in the DT's memory")
    if not mem:
        errors.append("no memory node")
    results.report(not errors, f"{what}: memory {hexes(mem)} is the cell's "
                   "RAM", "\n".join(errors))

    errors, gregs = [], []
    if not gic:
        errors.append("not one arm,gic-v3 node")
    else:
        gregs = dts.reg(gic) if dts.has(gic, "reg") else []
        if len(gregs) < 2 or gregs[0][0] != system.gicd_base or \
           gregs[1][0] != system.gicr_base:
            errors.append(f"GIC reg {hexes(gregs)}: the system's GICD is "
                          f"{system.gicd_base:#x}, GICR "
                          f"{system.gicr_base:#x}")
    timer = dts.compatible("arm,armv8-timer")
    ppis = sorted(spec[1] for t in timer for ctrl, spec in dts.interrupts(t)
                  if ctrl == gic and spec[0] == 1)
    if ppis != [10, 11, 13, 14]:
        errors.append(f"arch timer PPIs {ppis}, not 13, 14, 11, 10")
    results.report(not errors, f"{what}: GICv3 and arch timer PPIs",
                   "\n".join(errors))

    # every SPI that the device tree names must be the cell's
    named, errors = [], []
    for node in sorted(dts.props):
        for ctrl, spec in dts.interrupts(node):
            if ctrl != gic:
                errors.append(f"{node}: interrupt parent {ctrl} is not "
                              "the GIC")
            elif spec[0] == 0:
                named.append((node, spec[1] + 32))
        if dts.has(node, "interrupt-map"):
            for child, ctrl, spec in dts.interrupt_map(node):
                if ctrl != gic or spec[0] != 0:
                    errors.append(f"{node}: interrupt-map entry {child} "
                                  "is not a GIC SPI")
                else:
                    named.append((f"{node} INT{'ABCD'[(child[-1] - 1) & 3]}",
                                  spec[1] + 32))
    errors += [f"{node}: INTID {intid} (SPI {intid - 32}) is not the "
               "cell's" for node, intid in named
               if intid not in cell.intids]
    results.report(not errors, f"{what}: its {len(named)} SPIs are the "
                   "cell's", "\n".join(errors))

    # every device register window must be mapped into the cell
    skip = {gic} | set(pci) | {n for n in dts.props
                               if n == "/cpus" or n.startswith("/cpus/")}
    devices, errors = [], []
    for node in sorted(dts.props):
        if node in skip or not dts.has(node, "reg") or \
           dts.string(node, "device_type") == "memory":
            continue
        for r in dts.reg(node):
            devices.append(r)
            region = cell.region_of(*r)
            if not region:
                errors.append(f"{node}: reg {hexes([r])} is in no memory "
                              "region of the cell")
            elif region[3] & RAM_FLAGS_MASK == RAM_FLAGS:
                errors.append(f"{node}: reg {hexes([r])} is in the cell's "
                              "RAM, not a device region")
    results.report(not errors, f"{what}: its {len(devices)} device "
                   "windows are mapped into the cell", "\n".join(errors))

    # the UART: the stdout-path node and the earlycon address
    errors = []
    stdout = dts.string("/chosen", "stdout-path")
    bootargs = dts.string("/chosen", "bootargs") or ""
    early = re.search(r"(?:^| )earlycon=[^, ]+,(?:mmio\w*,)?(0x[0-9a-f]+)",
                      bootargs)
    uart = None
    if stdout:
        uart = dts.resolve(stdout)
        if not uart or not dts.has(uart, "reg"):
            errors.append(f"stdout-path '{stdout}': no such node with reg")
        else:
            base = dts.reg(uart)[0]
            if not cell.region_of(*base):
                errors.append(f"UART {uart} at {hexes([base])}: no memory "
                              "region of the cell there")
            if not any(s[0] == 0 and s[1] + 32 in cell.intids
                       for c, s in dts.interrupts(uart) if c == gic):
                errors.append(f"UART {uart}: no SPI of the cell")
    if early:
        address = int(early.group(1), 16)
        if not cell.region_of(address, 4):
            errors.append(f"earlycon at {address:#x}: no memory region of "
                          "the cell there")
        if address != cell.console_address:
            errors.append(f"earlycon at {address:#x}, the cell's console "
                          f"at {cell.console_address:#x}")
    if not stdout and not early:
        errors.append("neither a stdout-path nor an earlycon address: the "
                      "cell prints nowhere")
    console = uart or (early and early.group(1))
    results.report(not errors, f"{what}: its UART ({console}) is the "
                   "cell's", "\n".join(errors))

    # the virtual PCI host: at the system's ECAM, the cell's INTx lines,
    # a BAR window clear of everything
    errors = []
    if len(pci) != 1:
        errors.append(f"{len(pci)} pci-host-ecam-generic nodes, not 1")
    else:
        host = pci[0]
        end_bus = system.pci_end_bus
        ecam = (system.pci_mmconfig_base, (end_bus + 1) * MIB)
        if dts.reg(host) != [ecam]:
            errors.append(f"ECAM {hexes(dts.reg(host))}, the system's is "
                          f"{hexes([ecam])}")
        if not dts.has(host, "bus-range") or \
           dts.cells(host, "bus-range") != [0, end_bus]:
            errors.append(f"bus-range is not <0 {end_bus}>")
        pins = {}
        if dts.has(host, "interrupt-map"):
            pins = {child[-1]: spec[1]
                    for child, ctrl, spec in dts.interrupt_map(host)}
        want = {pin: cell.vpci_irq_base + pin - 1 for pin in range(1, 5)}
        if pins != want:
            errors.append(f"interrupt-map INTA-D -> SPIs "
                          f"{[pins.get(p) for p in range(1, 5)]}, the cell's "
                          f"vpci_irq_base {cell.vpci_irq_base} gives "
                          f"{[want[p] for p in range(1, 5)]}")
        cells = dts.cells(host, "ranges") if dts.has(host, "ranges") else []
        pac = dts.cell_count(dts.parent(host), "#address-cells", 2)
        step = 3 + pac + 2
        windows = [(dts.number(cells[i + 3:i + 3 + pac]),
                    dts.number(cells[i + 3 + pac:i + step]))
                   for i in range(0, len(cells), step)]
        others = [(f"cell region {hexes([(r[1], r[2])])}", (r[1], r[2]))
                  for r in cell.regions] + \
            [(f"ECAM {hexes(dts.reg(host))}", dts.reg(host)[0])] + \
            [(f"GIC {hexes([r])}", r) for r in gregs] + \
            [(f"device {hexes([r])}", r) for r in devices] + \
            [(f"memory {hexes([r])}", r) for r in mem]
        for w in windows:
            errors += [f"BAR window {hexes([w])} overlaps {name}"
                       for name, r in others if overlaps(w, r)]
        need = sum(cell.bar0_sizes)
        if sum(w[1] for w in windows) < need:
            errors.append(f"BAR window {hexes(windows)} smaller than the "
                          f"{need:#x} bytes of the cell's BAR0s")
    results.report(not errors, f"{what}: virtual PCI host at the system's "
                   "ECAM", "\n".join(errors))


def inmate_dts(results):
    """Every inmate device tree names its cell and agrees with it."""
    for name in sorted(os.listdir(DTS)):
        if not name.endswith(".dts"):
            continue
        src = os.path.join(DTS, name)
        cell_name = dts_cell(src)
        root = cell_name and root_of(cell_name)
        if not cell_name or not root:
            results.report(False, f"inmate DT {name[:-4]}: names its cell",
                           f"{src}: no \"cell: NAME\" line, or NAME is in "
                           "no line of shipped.txt")
            continue
        try:
            dts = DeviceTree(src[:-4] + ".dtb")
            cell = ConfigFile(os.path.join(CONFIGS, cell_name + ".cell"))
            system = ConfigFile(os.path.join(CONFIGS, root + ".cell"))
        except (OSError, ValueError) as e:
            results.report(False, f"inmate DT {name[:-4]}: readable", str(e))
            continue
        try:
            check_inmate_dt(results, dts, cell, system)
        except (KeyError, IndexError, ValueError) as e:
            results.report(False, f"inmate DT {name[:-4]}: well-formed",
                           f"{type(e).__name__}: {e}")


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
    inmate_dts(results)
    with tempfile.TemporaryDirectory(prefix="jh-configs-") as tmp:
        broken(results, tmp)
        revision_14(results, tmp)
        corrupted(results, tmp)
    print(f"configs: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
