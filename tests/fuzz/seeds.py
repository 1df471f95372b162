#!/usr/bin/python3
"""Seed corpora of the fuzz targets, from the shipped configurations.

    seeds.py OUT CONFIGS_DIR SYSTEM_TEST_CELLS_DIR

writes OUT/<target>/<name> for every target (tests/fuzz/Makefile):

- config: each system configuration with the cells tests/configs/
  shipped.txt runs it with, each system alone, each cell alone (an empty
  system piece), each system test's cell with the QEMU root cell;
- convert: each configuration, and its upstream revision-14 layout;
- mmio: access sequences (fuzz_mmio.c's records) over every register
  class of every registrant;
- hypercall: create, load, start and destroy of each QEMU cell, with the
  configurations placed in root memory (fuzz_hypercall.c's records).
"""
import glob
import os
import struct
import sys

SEP = b"\nJHFUZZ\n"
HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def is_system(blob):
    return blob[:5] == b"JHSYS"


def to_v14(data):
    """Revision 15 -> upstream's revision-14 layout (as tests/configs)."""
    data = bytearray(data)
    cell = 360 if is_system(data) else 0
    del data[cell + 80:cell + 88]
    if is_system(data):
        del data[356:360]
    data[6:8] = (14).to_bytes(2, "little")
    return bytes(data)


def write(out, target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def config_seeds(out, cells, tests):
    shipped = os.path.join(HERE, "..", "configs", "shipped.txt")
    for line in open(shipped):
        names = line.split()
        if not names or names[0].startswith("#"):
            continue
        if all(n in cells for n in names):
            write(out, "config", "-".join(names),
                  SEP.join(cells[n] for n in names))
    for name, blob in list(cells.items()) + list(tests.items()):
        if is_system(blob):
            write(out, "config", name, blob)
        else:
            write(out, "config", "alone-" + name, SEP + blob)
    for name, blob in tests.items():
        if not is_system(blob) and "qemu-arm64" in cells:
            write(out, "config", "qemu-" + name,
                  cells["qemu-arm64"] + SEP + blob)


def convert_seeds(out, cells, tests):
    for name, blob in list(cells.items()) + list(tests.items()):
        write(out, "convert", name, blob)
        write(out, "convert", name + "-v14", to_v14(blob))


# fuzz_mmio.c: op, cpu, size (log2), register, iss bits, address, value
def access(op, base, offset, size, write_, value=0, cpu=0, reg=1, iss=0):
    size_log2 = {1: 0, 2: 1, 4: 2, 8: 3}[size]
    return struct.pack("<BBBBIQQ", op | (base << 4), cpu,
                       size_log2 | (0x80 if write_ else 0), reg, iss,
                       offset, value)


# fuzz_mmio.c's bases: GICD, GICR, ECAM, BAR window, GPIO, EINT, spies
GICD, GICR, ECAM, BARS, GPIO, EINT, SPY = range(7)
DIRECT, ABORT = 0, 1


def mmio_seeds(out):
    seqs = {}
    seqs["gicd-rtos-init"] = b"".join(
        access(DIRECT, GICD, off, 4, True, 0xffffffff)
        for off in list(range(0x100, 0x180, 4)) +
        list(range(0x400, 0x500, 4)) + list(range(0xc00, 0xc40, 4)))
    seqs["gicd-read-all"] = b"".join(
        access(DIRECT, GICD, off, 4, False) for off in range(0, 0x1000, 64))
    seqs["gicd-router"] = b"".join(
        access(DIRECT, GICD, 0x6100 + n * 8, 8, True, n)
        for n in range(64))
    seqs["gicd-widths"] = b"".join(
        access(DIRECT, GICD, 0x400 + n, size, w, 0xa5a5a5a5a5a5a5a5)
        for n in range(8) for size in (1, 2, 4, 8) for w in (False, True))
    seqs["gicr-own"] = b"".join(
        access(DIRECT, GICR, off, 4, w, 0xffffffff)
        for off in (0x0, 0x8, 0x14, 0x10080, 0x10100, 0x10180, 0x10200,
                    0x10280, 0x10400, 0x10c04) for w in (False, True))
    seqs["gicr-foreign"] = b"".join(
        access(DIRECT, GICR, 0x20000 + off, 4, True, 0xffffffff)
        for off in (0x10100, 0x10200, 0x10400))
    seqs["gicr-bytes"] = b"".join(
        access(DIRECT, GICR, 0x10400 + n, 1, True, 0xff) for n in range(32))
    seqs["ecam"] = b"".join(
        access(DIRECT, ECAM, off, 4, w, 0xffffffff)
        for off in range(0, 0x48, 4) for w in (False, True))
    seqs["ivshmem-bar"] = (
        access(DIRECT, ECAM, 0x10, 4, True, 0) +
        access(DIRECT, ECAM, 0x4, 4, True, 2) +
        b"".join(access(DIRECT, BARS, off, 4, w, 1)
                 for off in range(0, 0x20, 4) for w in (False, True)))
    seqs["mtk"] = b"".join(
        access(DIRECT, base, off, 4, w, 0xffffffff)
        for base in (GPIO, EINT) for off in range(0, 0x400, 0x10)
        for w in (False, True))
    # data aborts: ISV, SAS, SSE, SRT, SF, WNR in the iss field
    seqs["aborts"] = b"".join(
        access(ABORT, base, off, size, w, 0x8000000080008080,
               reg=reg, iss=iss)
        for base, off in ((GICD, 0x104), (GICR, 0x10100), (SPY, 0x10),
                          (ECAM, 0x0))
        for size in (1, 4, 8) for w in (False, True)
        for reg, iss in ((3, 0), (31, 1), (5, 3)))
    seqs["spies"] = b"".join(
        access(DIRECT, SPY, n * 0x1000 + off, size, w, 0x1122334455667788)
        for n in range(4) for off in (0, 1, 2, 4, 0xff8, 0xffc, 0xfff)
        for size in (1, 2, 4, 8) for w in (False, True))
    for name, data in seqs.items():
        write(out, "mmio", name, data)


# fuzz_hypercall.c: who (CPU, config slot bit), code, arg1, arg2
def hc(code, arg1=0, arg2=0, cpu=0, slot=False):
    return struct.pack("<BBQQ", cpu | (0x80 if slot else 0), code, arg1,
                       arg2)


CREATE, DESTROY, LOADABLE, START, STATE, CPU_INFO = 1, 2, 3, 4, 5, 6
DISABLE, HV_INFO, PUTC = 0, 8, 7
FAIL_CPU, CELL_STATE, CPU_ON, REPLY = 0xf0, 0xf1, 0xf2, 0xf3


def hypercall_seeds(out, cells, tests):
    qemu = [b for n, b in sorted(cells.items())
            if n.startswith("qemu-arm64-") and not is_system(b)]
    qemu += [b for n, b in sorted(tests.items())
             if not is_system(b)]
    for n, blob in enumerate(qemu):
        import_id = 1  # the driver's id: the slot's number + 1
        ops = (hc(CREATE, 0, slot=True) + hc(HV_INFO, 3) +
               hc(STATE, import_id) + hc(LOADABLE, import_id) +
               hc(START, import_id) + hc(CPU_INFO, 1, 0) +
               hc(PUTC, 0x41, cpu=1) + hc(CELL_STATE, 2, cpu=1) +
               hc(CREATE, 0, slot=True) + hc(DESTROY, import_id) +
               hc(DISABLE))
        write(out, "hypercall", "cell-%02d" % n, ops + SEP + blob)
    if len(qemu) >= 2:
        ops = (hc(CREATE, 0, slot=True) + hc(CREATE, 1, slot=True) +
               hc(START, 1) + hc(FAIL_CPU, cpu=1) + hc(CPU_ON, 1, cpu=1) +
               hc(REPLY, 2) + hc(DESTROY, 1) + hc(DESTROY, 2))
        write(out, "hypercall", "two-cells",
              ops + SEP + qemu[0] + SEP + qemu[1])


def main():
    out, configs, tests_dir = sys.argv[1:4]
    cells = {os.path.basename(p)[:-5]: read(p)
             for p in sorted(glob.glob(os.path.join(configs, "*.cell")))}
    tests = {os.path.basename(p)[:-5]: read(p)
             for p in sorted(glob.glob(os.path.join(tests_dir, "*.cell")))}
    config_seeds(out, cells, tests)
    convert_seeds(out, cells, tests)
    mmio_seeds(out)
    hypercall_seeds(out, cells, tests)
    for target in ("config", "convert", "mmio", "hypercall"):
        print(f"seeds: {len(os.listdir(os.path.join(out, target)))} for "
              f"{target}")


if __name__ == "__main__":
    main()
