#!/usr/bin/python3
"""Static checks of the Yocto layer meta-jailhouse-arm64 (no BitBake
needed) and of the install manifest the Makefiles must produce.

- layer.conf: the fields a layer needs (collection, pattern, priority,
  LAYERDEPENDS core, LAYERVERSION, a known LAYERSERIES_COMPAT series that
  includes the LTS), and BBFILES / BBFILES_DYNAMIC find every recipe and
  append of the layer.
- Every .bb, .bbappend, .inc and .conf parses as BitBake's parser would
  accept it (tests/layer/bbparse.py): assignments with balanced quotes and
  ${...}, known directives, functions closed, inline ${@...} and python
  functions compile, shell functions pass "sh -n", no tabs in assignments
  and python code, no pre-honister override syntax (_append, FILES_${PN}),
  only known task names and classes.
- The recipe: licence checksum, DEPENDS, classes, EXTRA_OEMAKE (the
  variables the Makefiles honour), the packages' FILES against
  install-manifest.txt both ways (every FILES entry matches a manifest
  path; every manifest path lands in the package the layout gives it,
  with OE's rule "first package in PACKAGES wins").
- The manifest against the tree: every configs/arm64/*.c cell and
  dts/*.dts device tree, the demo inmates of inmates/Makefile and no test
  inmate, the manual pages of Documentation/man, the templates.
- The kernel appends: one per kernel recipe (never linux-%), each requires
  jailhouse-kernel.inc; every patch named exists in patches/linux/<series>/
  for each series it is claimed for, every patch there is named, the
  board patch changes the machine's device tree; jailhouse.cfg sets every
  option "jailhouse hardware check" requires.
- Per machine: the cells and device tree named by JH_SYSCONFIG_CELL,
  JH_CELL_FILES, JH_INMATE_DTB, JH_LINUX_DEMO_CELL exist as
  configs/arm64/<name>.c / dts/<name>.dts, the device tree belongs to that
  cell, JH_CMDLINE is its /chosen/bootargs, every machine is in
  COMPATIBLE_MACHINE and in the README.

Then each check is shown to be able to fail: the layer and the manifest
are copied, broken one way at a time, and the check that must catch the
breakage has to fail on the copy.

    tests/layer/run.py [--layer DIR] [--manifest FILE]
"""
import argparse
import ast
import fnmatch
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from results import Results  # noqa: E402
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bbparse  # noqa: E402

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LAYER = os.path.join(TOP, "meta-jailhouse-arm64")
MANIFEST = os.path.join(TOP, "tests", "layer", "install-manifest.txt")
COLLECTION = "jailhouse-arm64"
RECIPE = "recipes-extended/jailhouse/jailhouse_git.bb"
KERNEL_INC = "recipes-kernel/linux/jailhouse-kernel.inc"
PN = "jailhouse"

SERIES = ["warrior", "zeus", "dunfell", "gatesgarth", "hardknott",
          "honister", "kirkstone", "langdale", "mickledore", "nanbield",
          "scarthgap", "styhead", "walnascar", "whinlatter", "wrynose"]
LTS = "scarthgap"

# The classes the layer may inherit (oe-core)
CLASSES = {"module-base", "module", "kernel-module-split", "deploy",
           "bash-completion", "python3native", "packagegroup", "allarch",
           "externalsrc", "kernel", "kernel-yocto", "pkgconfig",
           "setuptools3", "update-rc.d", "systemd", "useradd"}

# Tasks of oe-core recipes (base, kernel, image, package, sstate)
TASKS = {"do_fetch", "do_unpack", "do_patch", "do_prepare_recipe_sysroot",
         "do_configure", "do_compile", "do_install", "do_build",
         "do_populate_sysroot", "do_package", "do_packagedata",
         "do_package_qa", "do_package_write_rpm", "do_package_write_ipk",
         "do_package_write_deb", "do_populate_lic", "do_deploy",
         "do_deploy_source_date_epoch", "do_kernel_configme",
         "do_kernel_configcheck", "do_kernel_metadata", "do_kernel_checkout",
         "do_validate_branches", "do_shared_workdir",
         "do_compile_kernelmodules",
         "do_bundle_initramfs", "do_sizecheck", "do_strip", "do_savedefconfig",
         "do_menuconfig", "do_clean", "do_cleansstate", "do_cleanall",
         "do_rootfs", "do_image", "do_image_complete", "do_populate_sdk",
         "do_symlink_kernsrc", "do_create_spdx", "do_collect_spdx_deps"}

# What the Makefiles honour and the recipe passes (issue #15)
OEMAKE_VARIABLES = ["ARCH", "CROSS_COMPILE", "CC", "CFLAGS", "LDFLAGS",
                    "KDIR", "prefix", "sbindir", "libexecdir", "datadir",
                    "firmwaredir", "INSTALL_MOD_PATH", "MODLIB", "DEPMOD",
                    "DESTDIR", "HOSTCC", "KERNEL_CC"]
RECIPE_DEPENDS = ["virtual/kernel", "dtc-native", "dtc", "zlib",
                  "python3-mako-native"]
RECIPE_CLASSES = ["module-base", "kernel-module-split", "bash-completion"]

# Where each installed file goes: the install layout of the README
LAYOUT = [
    ("/lib/firmware/jailhouse.bin", PN),
    ("/usr/sbin/jailhouse", PN),
    ("/usr/libexec/jailhouse/linux-loader.bin", PN),
    ("/lib/modules/<KVER>/extra/driver/jailhouse.ko",
     "kernel-module-jailhouse"),
    ("/lib/modules/<KVER>/extra/driver/uio_ivshmem.ko",
     "kernel-module-uio-ivshmem"),
    ("/lib/modules/<KVER>/extra/driver/ivshmem-net.ko",
     "kernel-module-ivshmem-net"),
    ("/usr/share/jailhouse/cells/*.cell", PN + "-cells"),
    ("/usr/share/jailhouse/*.dtb", PN + "-cells"),
    ("/usr/share/jailhouse/linux-demo.sh", PN + "-cells"),
    ("/usr/share/jailhouse/inmates/*.bin", PN + "-inmates"),
    ("/usr/bin/ivshmem-demo", PN + "-demos"),
    ("/usr/bin/uio_send", PN + "-demos"),
    ("/usr/bin/uio_read", PN + "-demos"),
    ("/usr/libexec/jailhouse/jailhouse-config-create",
     PN + "-config-create"),
    ("/usr/libexec/jailhouse/jailhouse_config_defs.py",
     PN + "-config-create"),
    ("/usr/libexec/jailhouse/templates/*", PN + "-config-create"),
    ("/usr/share/man/man8/*.8", PN + "-doc"),
    ("/usr/share/bash-completion/completions/jailhouse",
     PN + "-bash-completion"),
]
# the installed programs (0755; everything else is 0644)
PROGRAMS = ["/usr/sbin/jailhouse", "/usr/bin/ivshmem-demo",
            "/usr/bin/uio_send", "/usr/bin/uio_read",
            "/usr/libexec/jailhouse/jailhouse-config-create"]
TEST_INMATES = ["bad-*.bin", "smp-demo.bin", "hvc-test.bin",
                "gpio-toggle.bin", "eint-irq.bin"]

# The mainline device tree each machine's board patch must change
MACHINE_DTS = {
    "am62xx-evm": "arch/arm64/boot/dts/ti/k3-am625-sk.dts",
    "imx8mm-lpddr4-evk": "arch/arm64/boot/dts/freescale/imx8mm-evk.dts",
    "imx8mq-evk": "arch/arm64/boot/dts/freescale/imx8mq-evk.dts",
}
# Kernel recipes that must not be appended by a pattern
NOT_KERNELS = ["linux-libc-headers", "linux-firmware", "linux-dummy",
               "linux-imx-headers"]

MACHINE_VARS = ["JH_SYSCONFIG_CELL", "JH_CELL_FILES", "JH_INMATE_DTB",
                "JH_LINUX_DEMO_CELL", "JH_CMDLINE"]


class Quiet:
    """A Results that only records, for the breakage runs."""

    def __init__(self):
        self.failed_checks = []
        self.passed = 0
        self.failed = 0

    def report(self, ok, what, details=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failed_checks.append((what, details))


class Layer:
    """The files of the layer, parsed once."""

    def __init__(self, layer, manifest, top=TOP):
        self.dir = layer
        self.top = top
        self.manifest_path = manifest
        self.files = {}
        for path in sorted(glob.glob(os.path.join(layer, "**", "*"),
                                     recursive=True)):
            if path.endswith((".bb", ".bbappend", ".inc", ".conf")) and \
                    os.path.isfile(path):
                self.files[os.path.relpath(path, layer)] = \
                    bbparse.BBFile(path)

    def get(self, rel):
        return self.files.get(rel)

    def appends(self):
        return [rel for rel in self.files if rel.endswith(".bbappend")]


# ---------------------------------------------------------------- layer.conf

def check_layer_conf(lay, results):
    conf = lay.get("conf/layer.conf")
    if not conf:
        results.report(False, "layer.conf exists", "conf/layer.conf missing")
        return
    collections = (conf.value("BBFILE_COLLECTIONS") or "").split()
    results.report(collections == [COLLECTION],
                   f"layer.conf: BBFILE_COLLECTIONS is {COLLECTION}",
                   f"found {collections}")
    name = collections[0] if collections else COLLECTION
    pattern = conf.value(f"BBFILE_PATTERN_{name}")
    results.report(pattern == "^${LAYERDIR}/",
                   "layer.conf: BBFILE_PATTERN matches the layer",
                   f"BBFILE_PATTERN_{name} = {pattern!r}")
    prio = conf.value(f"BBFILE_PRIORITY_{name}") or ""
    results.report(prio.isdigit() and 1 <= int(prio) <= 99,
                   "layer.conf: BBFILE_PRIORITY is a number 1-99",
                   f"BBFILE_PRIORITY_{name} = {prio!r}")
    version = conf.value(f"LAYERVERSION_{name}") or ""
    results.report(version.isdigit(), "layer.conf: LAYERVERSION is a number",
                   f"LAYERVERSION_{name} = {version!r}")
    depends = (conf.value(f"LAYERDEPENDS_{name}") or "").split()
    results.report("core" in depends, "layer.conf: LAYERDEPENDS has core",
                   f"LAYERDEPENDS_{name} = {depends}")
    compat = (conf.value(f"LAYERSERIES_COMPAT_{name}") or "").split()
    unknown = [s for s in compat if s not in SERIES]
    results.report(compat and not unknown and LTS in compat,
                   f"layer.conf: LAYERSERIES_COMPAT names known series, "
                   f"{LTS} among them",
                   f"LAYERSERIES_COMPAT_{name} = {compat}; unknown: "
                   f"{unknown}")
    stray = [a.name for a in conf.assignments
             if re.match(r"(BBFILE_PATTERN|BBFILE_PRIORITY|LAYERVERSION|"
                         r"LAYERDEPENDS|LAYERSERIES_COMPAT|"
                         r"LAYERRECOMMENDS)_", a.name)
             and not a.name.endswith("_" + name)]
    results.report(not stray, "layer.conf: every per-layer variable names "
                   "the collection", f"stray: {stray}")
    bbpath = [a for a in conf.values("BBPATH")]
    results.report(any("${LAYERDIR}" in a.value and a.op in (".=", "=.")
                       for a in bbpath),
                   "layer.conf: BBPATH gets the layer",
                   "no BBPATH .= \":${LAYERDIR}\"")

    # every recipe and append is found by BBFILES or BBFILES_DYNAMIC
    globs = (conf.value("BBFILES") or "").split()
    dynamic = {}
    for entry in (conf.value("BBFILES_DYNAMIC") or "").split():
        coll, _, pat = entry.partition(":")
        dynamic.setdefault(coll, []).append(pat)
    lost = []
    for rel in lay.files:
        if not rel.endswith((".bb", ".bbappend")):
            continue
        path = "${LAYERDIR}/" + rel
        if any(fnmatch.fnmatch(path, g) for g in globs):
            continue
        if any(fnmatch.fnmatch(path, g) for pats in dynamic.values()
               for g in pats):
            continue
        lost.append(rel)
    results.report(not lost, "layer.conf: BBFILES and BBFILES_DYNAMIC find "
                   "every recipe and append", "\n".join(lost))
    wrong = []
    for coll, pats in dynamic.items():
        for pat in pats:
            if not pat.startswith(f"${{LAYERDIR}}/dynamic-layers/{coll}/"):
                wrong.append(f"{coll}: {pat}")
    for path in glob.glob(os.path.join(lay.dir, "dynamic-layers", "*")):
        if os.path.basename(path) not in dynamic:
            wrong.append(f"dynamic-layers/{os.path.basename(path)} is not "
                         "in BBFILES_DYNAMIC")
    results.report(not wrong, "layer.conf: each dynamic layer directory is "
                   "named after its collection", "\n".join(wrong))


# ---------------------------------------------------------------- syntax

def compile_python(code, what):
    try:
        compile(code, what, "exec")
        return None
    except SyntaxError as e:
        return f"{what}: {e.msg} (line {e.lineno})"


def check_syntax(lay, results):
    for rel, bb in lay.files.items():
        problems = [f"line {line}: {msg}" for line, msg in bb.errors]
        for a in bb.assignments:
            where = f"line {a.line}: {a.name}"
            for p in bbparse.brace_problems(a.value):
                problems.append(f"{where}: {p}")
            for expr in bbparse.inline_python(a.value):
                try:
                    ast.parse(bbparse.without_references(expr), mode="eval")
                except SyntaxError as e:
                    problems.append(f"{where}: ${{@...}}: {e.msg}")
            if "\t" in a.raw:
                problems.append(f"{where}: tab in an assignment")
            if re.search(r"_(append|prepend|remove)(_|$)", a.name) or \
                    re.match(r"(FILES|RDEPENDS|RRECOMMENDS|RPROVIDES|"
                             r"RCONFLICTS|RREPLACES|SUMMARY|INSANE_SKIP|"
                             r"ALLOW_EMPTY|PACKAGE_ARCH)_\$\{PN\}", a.name):
                problems.append(f"{where}: old override syntax (use ':')")
            if a.name.startswith("do_") and a.flag:
                task = a.name.split(":")[0]
                if task not in TASKS and not added_task(bb, task):
                    problems.append(f"{where}: unknown task {task}")
        for kind, arg, line in bb.directives:
            if kind in ("inherit", "inherit_defer"):
                for cls in arg.split():
                    if "$" not in cls and cls not in CLASSES:
                        problems.append(f"line {line}: unknown class {cls}")
            if kind in ("addtask", "deltask"):
                task = arg.split()[0]
                task = task if task.startswith("do_") else "do_" + task
                if kind == "deltask" and task not in TASKS:
                    problems.append(f"line {line}: unknown task {task}")
                for word in re.findall(r"(?:after|before)\s+([\w\s]+)", arg):
                    for t in word.split():
                        if t not in ("after", "before") and t not in TASKS \
                                and not added_task(bb, t):
                            problems.append(f"line {line}: unknown task {t}")
            if kind in ("require", "include"):
                target = arg.replace("${JAILHOUSE_LAYERDIR}", lay.dir)
                if "$" not in target and os.path.isabs(target) and \
                        not os.path.exists(target):
                    problems.append(f"line {line}: {kind} {arg}: no such "
                                    "file")
        for fn in bb.functions:
            where = f"line {fn.line}: {fn.name or 'python ()'}"
            task = fn.name.split(":")[0]
            if task.startswith("do_") and task not in TASKS and \
                    not added_task(bb, task):
                problems.append(f"{where}: unknown task {task}")
            body = "\n".join(fn.body)
            if fn.kind in ("python", "def"):
                if "\t" in body:
                    problems.append(f"{where}: tab in python code")
                code = bbparse.without_inline_python(body)
                if fn.kind == "python":
                    code = "def f(d):\n" + (code if code.strip() else
                                            "    pass")
                msg = compile_python(code, where)
                if msg:
                    problems.append(msg)
            else:
                code = bbparse.without_inline_python(body)
                r = subprocess.run(["sh", "-n"], input=code, text=True,
                                   capture_output=True)
                if r.returncode:
                    problems.append(f"{where}: sh -n: {r.stderr.strip()}")
        results.report(not problems, f"syntax: {rel}", "\n".join(problems))


def added_task(bb, task):
    for kind, arg, _ in bb.directives:
        if kind == "addtask":
            name = arg.split()[0]
            if (name if name.startswith("do_") else "do_" + name) == task:
                return True
    return False


# ---------------------------------------------------------------- manifest

def read_manifest(path, results=None):
    entries = []
    problems = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r"^(0[0-7]{3}) (/\S+)$", line)
            if not m:
                problems.append(f"line {n}: not 'MODE PATH': {line}")
                continue
            if m.group(2) in seen:
                problems.append(f"line {n}: {m.group(2)} twice")
            seen.add(m.group(2))
            entries.append((m.group(1), m.group(2)))
    if results:
        results.report(not problems and entries,
                       "manifest: one 'MODE /PATH' per line, no duplicates",
                       "\n".join(problems))
    return entries


def check_manifest_tree(lay, entries, results):
    top = lay.top
    paths = {p for _, p in entries}
    modes = dict((p, m) for m, p in entries)

    def names(pattern, directory):
        return {p[len(directory):] for p in paths
                if p.startswith(directory) and "/" not in p[len(directory):]
                and fnmatch.fnmatch(p[len(directory):], pattern)}

    cells = {os.path.basename(c)[:-2] + ".cell"
             for c in glob.glob(os.path.join(top, "configs/arm64/*.c"))}
    got = names("*.cell", "/usr/share/jailhouse/cells/")
    results.report(got == cells, "manifest: a cell for every "
                   "configs/arm64/*.c, no other",
                   f"missing: {sorted(cells - got)}\nextra: "
                   f"{sorted(got - cells)}")
    dtbs = {os.path.basename(c)[:-4] + ".dtb"
            for c in glob.glob(os.path.join(top, "configs/arm64/dts/*.dts"))}
    got = names("*.dtb", "/usr/share/jailhouse/")
    results.report(got == dtbs, "manifest: a device tree for every "
                   "configs/arm64/dts/*.dts, no other",
                   f"missing: {sorted(dtbs - got)}\nextra: "
                   f"{sorted(got - dtbs)}")
    demos = set()
    with open(os.path.join(top, "inmates", "Makefile")) as f:
        m = re.search(r"^DEMOS\s*:?=\s*\$\(addprefix\s+demos/arm64/,"
                      r"([^)]*)\)", f.read(), re.M | re.S)
    if m:
        demos = set(m.group(1).replace("\\", " ").split())
    got = names("*.bin", "/usr/share/jailhouse/inmates/")
    results.report(demos and got == demos, "manifest: the demo inmates of "
                   "inmates/Makefile (DEMOS), no other",
                   f"DEMOS: {sorted(demos)}\nmanifest: {sorted(got)}")
    tests = [p for p in paths for t in TEST_INMATES
             if fnmatch.fnmatch(os.path.basename(p), t)]
    results.report(not tests, "manifest: no test inmate on the target",
                   "\n".join(tests))
    pages = {os.path.basename(p) for p in
             glob.glob(os.path.join(top, "Documentation/man/*.8"))}
    got = names("*.8", "/usr/share/man/man8/")
    results.report(pages and got == pages, "manifest: every manual page of "
                   "Documentation/man, no other",
                   f"Documentation/man: {sorted(pages)}\nmanifest: "
                   f"{sorted(got)}")
    templates = {os.path.basename(p) for p in
                 glob.glob(os.path.join(top, "tools/templates/*.mako"))}
    got = names("*", "/usr/libexec/jailhouse/templates/")
    results.report(got == templates, "manifest: the generator's templates",
                   f"tools/templates: {sorted(templates)}\nmanifest: "
                   f"{sorted(got)}")
    execs = [p for p in PROGRAMS if modes.get(p) != "0755"]
    data = [p for m, p in entries if m != "0644" and p not in PROGRAMS]
    results.report(not execs and not data, "manifest: programs 0755, "
                   "everything else 0644",
                   "\n".join([f"{p}: not 0755" for p in execs] +
                             [f"{p}: not 0644" for p in data]))
    results.report(os.path.isfile(os.path.join(
        top, "tools", "jailhouse-completion.bash")),
        "manifest: the completion's source tools/jailhouse-completion.bash "
        "exists")


def path_regex(pattern):
    """An OE FILES glob as a regex: '*' and '?' stay within a path
    component; a match may also be a directory above the file."""
    out = ""
    for ch in pattern:
        if ch == "*":
            out += "[^/]*"
        elif ch == "?":
            out += "[^/]"
        else:
            out += re.escape(ch)
    return re.compile("^" + out + "(/.*)?$")


def recipe_variables(bb, machine=None):
    """Plain values of the recipe's variables, with PN."""
    variables = {"PN": PN, "BPN": PN, "MACHINE": machine or "qemuarm64"}
    for name in bb.names():
        if ":" in name or "[" in name:
            continue
        value = bb.value(name)
        if value is not None:
            variables[name] = value
    return variables


def packages(bb):
    """PACKAGES in OE's order with their FILES patterns (expanded)."""
    variables = recipe_variables(bb)

    def files(pkg, default):
        own = [a for a in bb.assignments
               if bbparse.expand(a.name, variables) == f"FILES:{pkg}"]
        value = default if not any(a.op in ("=", ":=") for a in own) else ""
        for a in own:
            if a.op in ("=", ":="):
                value = a.value
            elif a.op in ("+=", ":append"):
                value += " " + a.value
        return bbparse.expand(value, variables).split()

    before = bbparse.expand(bb.value("PACKAGE_BEFORE_PN") or "",
                            variables).split()
    order = [(PN + "-bash-completion",
              "${datadir}/bash-completion ${sysconfdir}/bash_completion.d"),
             (PN + "-dbg", "/usr/src/debug /usr/lib/debug"),
             (PN + "-staticdev", "${libdir}/*.a ${base_libdir}/*.a"),
             (PN + "-dev", "${includedir} ${libdir}/*.so ${libdir}/*.la "
              "${libdir}/pkgconfig ${datadir}/pkgconfig ${datadir}/aclocal"),
             (PN + "-doc", "${docdir} ${mandir} ${infodir} "
              "${datadir}/gtk-doc ${datadir}/gnome/help"),
             (PN + "-locale", "${datadir}/locale")]
    order += [(p, "") for p in before]
    order.append((PN, "${bindir}/* ${sbindir}/* ${libexecdir}/* "
                  "${sysconfdir} ${datadir}/${BPN}"))
    return [(pkg, files(pkg, default)) for pkg, default in order]


def owner(path, pkgs):
    """The package OE puts @path in: kernel modules first
    (kernel-module-split), then the first package whose FILES match."""
    m = re.match(r"^/lib/modules/<KVER>/.*/([^/]+)\.ko$", path)
    if m:
        return "kernel-module-" + m.group(1).replace("_", "-")
    for pkg, patterns in pkgs:
        if any(path_regex(p).match(path) for p in patterns):
            return pkg
    return None


def generated_files(bb):
    """Files do_install:append makes itself (${D}<path>, no glob)."""
    variables = recipe_variables(bb)
    out = set()
    for fn in bb.functions:
        if fn.name.startswith("do_install"):
            for token in re.findall(r"\$\{D\}(\S+)", "\n".join(fn.body)):
                path = bbparse.expand(token.strip("\"';"), variables)
                if not re.search(r"[*?\[$]", path):
                    out.add(path)
    return out


def check_recipe(lay, entries, results):
    bb = lay.get(RECIPE)
    if not bb:
        results.report(False, f"recipe {RECIPE} exists")
        return
    chksum = bb.value("LIC_FILES_CHKSUM") or ""
    m = re.match(r"file://(\S+);md5=([0-9a-f]{32})$", chksum.strip())
    ok = False
    if m and os.path.exists(os.path.join(lay.top, m.group(1))):
        with open(os.path.join(lay.top, m.group(1)), "rb") as f:
            ok = hashlib.md5(f.read()).hexdigest() == m.group(2)
    results.report(ok, "recipe: LIC_FILES_CHKSUM is the md5 of COPYING",
                   f"LIC_FILES_CHKSUM = {chksum!r}")
    depends = (bb.value("DEPENDS") or "").split()
    results.report(all(d in depends for d in RECIPE_DEPENDS),
                   "recipe: DEPENDS " + " ".join(RECIPE_DEPENDS),
                   f"DEPENDS = {depends}")
    inherited = [c for kind, arg, _ in bb.directives if kind == "inherit"
                 for c in arg.split()]
    results.report(all(c in inherited for c in RECIPE_CLASSES) and
                   "module" not in inherited,
                   "recipe: inherits module-base, kernel-module-split, "
                   "bash-completion (not module)", f"inherit {inherited}")
    oemake = bb.value("EXTRA_OEMAKE") or ""
    passed = re.findall(r"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=", oemake)
    results.report(sorted(passed) == sorted(OEMAKE_VARIABLES),
                   "recipe: EXTRA_OEMAKE passes exactly the variables the "
                   "Makefiles honour",
                   f"missing: {sorted(set(OEMAKE_VARIABLES) - set(passed))}"
                   f"\nextra: {sorted(set(passed) - set(OEMAKE_VARIABLES))}")
    src = bb.value("JAILHOUSE_SRC") or ""
    results.report(src.startswith("git://") and ".invalid/" in src and
                   "branch=" in src and "${JAILHOUSE_SRC}" in
                   (bb.value("SRC_URI") or ""),
                   "recipe: SRC_URI from JAILHOUSE_SRC, a placeholder "
                   "(.invalid) git URL with a branch",
                   f"JAILHOUSE_SRC = {src!r}")
    version = open(os.path.join(lay.top, "VERSION")).read().strip()
    results.report(bool(re.match(r"^v?[0-9][0-9A-Za-z.+_-]*$", version)) and
                   "jailhouse_version(d)" in (bb.value("PV") or ""),
                   "recipe: PV comes from the repository's VERSION",
                   f"VERSION {version!r}, PV = {bb.value('PV')!r}")

    pkgs = packages(bb)
    paths = [p for _, p in entries]
    made = generated_files(bb)
    unmatched = []
    for pkg, patterns in pkgs:
        if pkg not in (PN, ) and not any(a.name.endswith(pkg[len(PN):])
                                         for a in bb.assignments
                                         if a.name.startswith("FILES:")):
            continue
        for pat in patterns:
            rx = path_regex(pat)
            if not any(rx.match(p) for p in paths) and \
                    not any(rx.match(p) for p in made):
                unmatched.append(f"FILES:{pkg}: {pat}")
    results.report(not unmatched, "recipe: every FILES entry matches a "
                   "path of the install manifest", "\n".join(unmatched))
    lost = [p for p in paths if owner(p, pkgs) is None]
    results.report(not lost, "recipe: every installed file is in a package "
                   "(no installed-vs-shipped error)", "\n".join(lost))
    misplaced = []
    for p in sorted(set(paths) | made):
        want = next((pkg for pat, pkg in LAYOUT
                     if path_regex(pat).match(p)), None)
        got = owner(p, pkgs)
        if want is None:
            misplaced.append(f"{p}: not in the install layout")
        elif got != want:
            misplaced.append(f"{p}: in {got}, the layout says {want}")
    results.report(not misplaced, "recipe: every file goes to the package "
                   "of the install layout", "\n".join(misplaced))


# ---------------------------------------------------------------- kernel

def patch_files(patch):
    with open(patch, encoding="utf-8", errors="replace") as f:
        return re.findall(r"^diff --git a/(\S+) b/", f.read(), re.M)


def all_values(bb, name):
    """{override or "": value} for @name and every @name:<override>."""
    out = {}
    for a in bb.assignments:
        if a.flag:
            continue
        if a.name == name:
            out[""] = a.value
        elif a.name.startswith(name + ":") and \
                a.name.count(":") == 1:
            out[a.name.split(":", 1)[1]] = a.value
    return out


def check_kernel(lay, machines, results):
    inc = lay.get(KERNEL_INC)
    if not inc:
        results.report(False, f"{KERNEL_INC} exists")
        return
    patches_dir = os.path.join(lay.top, "patches", "linux")
    supported = (inc.value("JH_KERNEL_SERIES_SUPPORTED") or "").split()
    present = sorted(os.path.basename(d) for d in
                     glob.glob(os.path.join(patches_dir, "*"))
                     if os.path.isdir(d))
    results.report(supported and sorted(supported) == present,
                   "kernel: the series claimed are those of patches/linux",
                   f"claimed {supported}, patches/linux has {present}")
    dts_series = (inc.value("JH_KERNEL_DTS_SERIES") or "").split()
    results.report(set(dts_series) <= set(supported),
                   "kernel: the board patch's series are claimed series",
                   f"JH_KERNEL_DTS_SERIES {dts_series}")
    missing = []
    named = set()
    for override, value in all_values(inc, "JH_KERNEL_PATCHES").items():
        for series in supported:
            for p in value.split():
                named.add((series, p))
                if not os.path.isfile(os.path.join(patches_dir, series, p)):
                    where = f":{override}" if override else ""
                    missing.append(f"JH_KERNEL_PATCHES{where}: {series}/{p}")
    dts = all_values(inc, "JH_KERNEL_DTS_PATCHES")
    for override, value in dts.items():
        for series in dts_series:
            for p in value.split():
                named.add((series, p))
                path = os.path.join(patches_dir, series, p)
                if not os.path.isfile(path):
                    missing.append(f"JH_KERNEL_DTS_PATCHES:{override}: "
                                   f"{series}/{p}")
                elif override in MACHINE_DTS and \
                        MACHINE_DTS[override] not in patch_files(path):
                    missing.append(f"{series}/{p} does not change "
                                   f"{MACHINE_DTS[override]} ({override})")
    results.report(not missing, "kernel: every patch named exists for each "
                   "series it is claimed for (and changes the machine's "
                   "device tree)", "\n".join(missing))
    unnamed = []
    for series in supported:
        for p in sorted(glob.glob(os.path.join(patches_dir, series,
                                               "*.patch"))):
            base = os.path.basename(p)
            if not any(base == q for _, q in named):
                unnamed.append(f"{series}/{base}")
    results.report(not unnamed, "kernel: every patch of patches/linux is "
                   "named by the layer", "\n".join(unnamed))
    stray = [o for o in dts if o and o not in machines]
    results.report(not stray, "kernel: the board patch is set only for "
                   "machines of COMPATIBLE_MACHINE", f"{stray}")

    # the appends
    problems = []
    for rel in lay.appends():
        base = os.path.basename(rel)
        recipe = base.split("_")[0]
        if "%" in recipe or any(fnmatch.fnmatch(k, recipe.replace("%", "*"))
                                for k in NOT_KERNELS):
            problems.append(f"{rel}: matches more than one kernel recipe")
        if not base.endswith("_%.bbappend"):
            problems.append(f"{rel}: not <recipe>_%.bbappend")
        bb = lay.files[rel]
        if not any(kind == "require" and arg ==
                   "${JAILHOUSE_LAYERDIR}/" + KERNEL_INC
                   for kind, arg, _ in bb.directives):
            problems.append(f"{rel}: does not require {KERNEL_INC}")
    results.report(lay.appends() and not problems, "kernel: one append per "
                   "kernel recipe, each requires jailhouse-kernel.inc",
                   "\n".join(problems))

    # the configuration fragment
    fragment = inc.value("JH_KERNEL_FRAGMENT") or ""
    path = os.path.join(lay.dir, "recipes-kernel/linux/files", fragment)
    options = {}
    bad = []
    if os.path.isfile(path):
        for n, line in enumerate(open(path), 1):
            line = line.strip()
            m = re.match(r"^(CONFIG_\w+)=(y|m|n|\d+|0x[0-9a-fA-F]+|\".*\")$",
                         line)
            off = re.match(r"^# (CONFIG_\w+) is not set$", line)
            if m:
                options[m.group(1)] = m.group(2)
            elif off:
                options[off.group(1)] = "n"
            elif line and not line.startswith("#"):
                bad.append(f"line {n}: {line}")
    else:
        bad.append(f"{fragment}: no such file in recipes-kernel/linux/files")
    with open(os.path.join(lay.top, "tools", "hardware-check.c")) as f:
        wanted = re.findall(r'\{\s*"(CONFIG_\w+)",\s*CHECK_', f.read())
    absent = [o for o in wanted if options.get(o) != "y"]
    results.report(wanted and not bad and not absent,
                   f"kernel: {fragment} sets every option the hardware "
                   "check requires",
                   "\n".join(bad + [f"{o} not =y" for o in absent]))
    results.report(options.get("CONFIG_KVM") == "n",
                   f"kernel: {fragment} keeps KVM out of EL2")
    ti = [rel for rel in lay.appends() if "linux-ti-staging" in rel]
    results.report(ti and all("KERNEL_CONFIG_FRAGMENTS" in lay.files[r].names()
                              or any(n.startswith("KERNEL_CONFIG_FRAGMENTS")
                                     for n in lay.files[r].names())
                              for r in ti),
                   "kernel: linux-ti-staging (no kernel-yocto) gets the "
                   "fragment through KERNEL_CONFIG_FRAGMENTS")


# ---------------------------------------------------------------- machines

def compatible_machines(bb):
    value = bb.value("COMPATIBLE_MACHINE") or ""
    m = re.match(r"^\^?\(([^()]*)\)\$?$", value.strip())
    return m.group(1).split("|") if m else []


def dts_info(path):
    """(the "cell: NAME" of the header, /chosen/bootargs) of a dts"""
    text = open(path, encoding="utf-8").read()
    cell = re.search(r"^\s*\*\s*cell:\s*(\S+)", text, re.M)
    args = re.search(r"bootargs\s*=\s*\"([^\"]*)\"", text)
    return (cell.group(1) if cell else None,
            args.group(1) if args else None)


def check_machines(lay, results):
    bb = lay.get(RECIPE)
    if not bb:
        return []
    machines = compatible_machines(bb)
    results.report(len(machines) >= 7, "machines: COMPATIBLE_MACHINE lists "
                   "the machines", f"{machines}")
    configs = os.path.join(lay.top, "configs", "arm64")
    cells = sorted(os.path.basename(c)[:-2] for c in
                   glob.glob(os.path.join(configs, "*.c")))
    values = {v: all_values(bb, v) for v in MACHINE_VARS}
    stray = sorted({o for v in values.values() for o in v
                    if o and o not in machines})
    results.report(not stray, "machines: per-machine values only for "
                   "machines of COMPATIBLE_MACHINE", f"{stray}")
    for machine in machines:
        val = {v: values[v].get(machine, values[v].get("", "")) or ""
               for v in MACHINE_VARS}
        problems = []
        sysconfig = val["JH_SYSCONFIG_CELL"]
        patterns = val["JH_CELL_FILES"].split()
        kept = [c for c in cells
                if any(fnmatch.fnmatch(c + ".cell", p) for p in patterns)]
        if not sysconfig:
            problems.append("no JH_SYSCONFIG_CELL")
        for var in ("JH_SYSCONFIG_CELL", "JH_LINUX_DEMO_CELL"):
            name = val[var]
            if name and not os.path.isfile(
                    os.path.join(configs, name[:-5] + ".c")):
                problems.append(f"{var} {name}: no configs/arm64/"
                                f"{name[:-5]}.c")
            if name and not name.endswith(".cell"):
                problems.append(f"{var} {name}: not a .cell")
            if name and name[:-5] not in kept:
                problems.append(f"{var} {name}: not in JH_CELL_FILES")
        for p in patterns:
            if not any(fnmatch.fnmatch(c + ".cell", p) for c in cells):
                problems.append(f"JH_CELL_FILES {p}: matches no "
                                "configs/arm64/*.c")
        dtb = val["JH_INMATE_DTB"]
        linux = val["JH_LINUX_DEMO_CELL"]
        if bool(dtb) != bool(linux) or bool(linux) != bool(val["JH_CMDLINE"]):
            problems.append("JH_INMATE_DTB, JH_LINUX_DEMO_CELL and "
                            "JH_CMDLINE go together")
        if dtb:
            dts = os.path.join(configs, "dts", dtb[:-4] + ".dts")
            if not dtb.endswith(".dtb") or not os.path.isfile(dts):
                problems.append(f"JH_INMATE_DTB {dtb}: no configs/arm64/dts/"
                                f"{dtb[:-4]}.dts")
            else:
                cell, bootargs = dts_info(dts)
                if linux and cell != linux[:-5]:
                    problems.append(f"{dtb} is the device tree of {cell}, "
                                    f"not of {linux}")
                if bootargs != val["JH_CMDLINE"]:
                    problems.append(f"JH_CMDLINE {val['JH_CMDLINE']!r} is "
                                    f"not the bootargs of {dtb} "
                                    f"({bootargs!r})")
        results.report(not problems, f"machines: {machine}: its cells and "
                       "device tree exist and agree", "\n".join(problems))
    readme = os.path.join(lay.dir, "README.md")
    text = open(readme).read() if os.path.isfile(readme) else ""
    absent = [m for m in machines if m not in text]
    results.report(text and not absent and "bitbake-layers add-layer" in text
                   and "bblayers.conf" in text and "local.conf" in text,
                   "machines: the README gives bblayers.conf and local.conf "
                   "for every machine", f"not in the README: {absent}")
    return machines


def check_makefiles_honour(lay, results):
    """Every variable the recipe passes is read by a Makefile: referenced,
    given an overridable default (?=) or exported to kbuild.  A weak
    check (a name can appear without being honoured); the comparison of
    "make install" with the manifest is the real one."""
    text = ""
    for mk in ["Makefile", "tools/Makefile", "tools/demos/Makefile",
               "configs/Makefile", "inmates/Makefile", "hypervisor/Makefile",
               "Kbuild", "driver/Kbuild"] + \
            glob.glob(os.path.join(lay.top, "scripts", "*.mk")):
        path = os.path.join(lay.top, mk)
        if os.path.isfile(path):
            text += open(path, encoding="utf-8").read()
    # kbuild reads these itself
    kbuild = {"INSTALL_MOD_PATH", "MODLIB", "DEPMOD"}
    unused = [v for v in OEMAKE_VARIABLES if v not in kbuild and
              not re.search(r"\$[({]" + re.escape(v) + r"[)}]", text) and
              not re.search(r"^\s*" + re.escape(v) + r"\s*\?=", text, re.M)
              and not re.search(r"^\s*export\b.*\b" + re.escape(v) + r"\b",
                                text, re.M)]
    results.report(not unused, "Makefiles: every variable of EXTRA_OEMAKE is "
                   "read by a Makefile", "not read: " + " ".join(unused))


# ---------------------------------------------------------------- driver

def run_checks(layer, manifest, results, top=TOP):
    lay = Layer(layer, manifest, top)
    check_layer_conf(lay, results)
    check_syntax(lay, results)
    entries = read_manifest(manifest, results)
    check_manifest_tree(lay, entries, results)
    check_recipe(lay, entries, results)
    machines = check_machines(lay, results)
    check_kernel(lay, machines, results)
    check_makefiles_honour(lay, results)


# (file, old text, new text, the check that must fail): each breaks one
# thing in a copy of the layer or the manifest
BREAKAGES = [
    ("conf/layer.conf", 'LAYERSERIES_COMPAT_jailhouse-arm64 = "scarthgap"',
     'LAYERSERIES_COMPAT_jailhouse-arm64 = "scarthgap honeycomb"',
     "layer.conf: LAYERSERIES_COMPAT"),
    ("conf/layer.conf", 'LAYERDEPENDS_jailhouse-arm64 = "core"',
     'LAYERDEPENDS_jailhouse-arm64 = "openembedded-layer"',
     "layer.conf: LAYERDEPENDS"),
    ("conf/layer.conf", 'BBFILE_PRIORITY_jailhouse-arm64 = "8"',
     'BBFILE_PRIORITY_jailhouse = "8"', "layer.conf: BBFILE_PRIORITY"),
    ("conf/layer.conf", "meta-ti-bsp:${LAYERDIR}/dynamic-layers/meta-ti-bsp/",
     "meta-ti-bsp:${LAYERDIR}/dynamic-layers/ti/",
     "layer.conf: BBFILES and BBFILES_DYNAMIC"),
    ("conf/layer.conf", 'LAYERVERSION_jailhouse-arm64 = "1"',
     'LAYERVERSION_jailhouse-arm64 = "one"', "layer.conf: LAYERVERSION"),
    ("conf/layer.conf", 'BBFILE_PATTERN_jailhouse-arm64 := "^${LAYERDIR}/"',
     'BBFILE_PATTERN_jailhouse-arm64 := "^${LAYERDIR}/recipes-core/"',
     "layer.conf: BBFILE_PATTERN"),
    ("conf/layer.conf", 'BBPATH .= ":${LAYERDIR}"', 'BBPATH = "${TOPDIR}"',
     "layer.conf: BBPATH"),
    ("RENAME dynamic-layers/mediatek-bsp", "dynamic-layers/meta-mediatek",
     None, "layer.conf: each dynamic layer directory"),
    (RECIPE, 'SECTION = "kernel"', 'SECTION = "kernel', "syntax: " + RECIPE),
    (RECIPE, "    oe_runmake install\n}", "    oe_runmake install\n",
     "syntax: " + RECIPE),
    (RECIPE, 'JH_UNPACKDIR = "${@d.getVar(\'UNPACKDIR\') or',
     'JH_UNPACKDIR = "${@d.getVar(\'UNPACKDIR\') or or',
     "syntax: " + RECIPE),
    (RECIPE, 'B = "${S}"', 'B = "${S"', "syntax: " + RECIPE),
    (RECIPE, "FILES:${PN}-demos =", "FILES_${PN}-demos =",
     "syntax: " + RECIPE),
    (RECIPE, 'FILES:${PN}-demos = "${bindir}/ivshmem-demo',
     'FILES:${PN}-demos =\t"${bindir}/ivshmem-demo', "syntax: " + RECIPE),
    (RECIPE, "do_compile() {", "do_compiel() {", "syntax: " + RECIPE),
    (RECIPE, "inherit module-base", "inherit modul-base",
     "syntax: " + RECIPE),
    (RECIPE, '        [ -n "$keep" ] || rm -f "$f"\n    done',
     '        [ -n "$keep" ] || rm -f "$f"\n    dne',
     "syntax: " + RECIPE),
    (KERNEL_INC, "        return\n    series", "\treturn\n    series",
     "syntax: " + KERNEL_INC),
    (RECIPE, "md5=b234ee4d69f5fce4486a80fdaf4a4263",
     "md5=b234ee4d69f5fce4486a80fdaf4a4264", "recipe: LIC_FILES_CHKSUM"),
    (RECIPE, "    DEPMOD=echo \\\n", "", "recipe: EXTRA_OEMAKE"),
    (RECIPE, 'DEPENDS = "virtual/kernel dtc-native dtc zlib',
     'DEPENDS = "virtual/kernel dtc-native zlib', "recipe: DEPENDS"),
    (RECIPE, "inherit module-base kernel-module-split",
     "inherit module kernel-module-split", "recipe: inherits"),
    (RECIPE, "git://jailhouse-arm64.invalid/", "git://github.com/",
     "recipe: SRC_URI from JAILHOUSE_SRC"),
    (RECIPE, "${libexecdir}/jailhouse/linux-loader.bin",
     "${libexecdir}/jailhouse/linux-loader", "recipe: every FILES entry"),
    (RECIPE, '"${datadir}/jailhouse/inmates/*.bin"',
     '"${datadir}/jailhouse/inmate/*.bin"', "recipe: every installed file"),
    (RECIPE, 'PACKAGE_BEFORE_PN += "${PN}-cells ${PN}-inmates',
     'PACKAGE_BEFORE_PN += "${PN}-inmates ${PN}-cells',
     None),   # the order of these two does not matter: must stay passing
    (RECIPE, "    ${datadir}/jailhouse/*.dtb \\\n", "",
     "recipe: every file goes to the package"),
    # NXP's tools left to ${PN} (its ${bindir}/*), not jailhouse-demos
    (RECIPE, " ${bindir}/uio_send ${bindir}/uio_read", "",
     "recipe: every file goes to the package"),
    ("MANIFEST", "0755 /usr/bin/uio_send\n", "0644 /usr/bin/uio_send\n",
     "manifest: programs 0755"),
    ("MANIFEST", "0644 /usr/share/jailhouse/cells/qemu-arm64.cell\n", "",
     "manifest: a cell for every"),
    ("MANIFEST", "0644 /usr/share/jailhouse/inmates/uart-demo.bin\n",
     "0644 /usr/share/jailhouse/inmates/uart-demo.bin\n"
     "0644 /usr/share/jailhouse/inmates/smp-demo.bin\n",
     "manifest: no test inmate"),
    ("MANIFEST", "0755 /usr/sbin/jailhouse", "0644 /usr/sbin/jailhouse",
     "manifest: programs 0755"),
    ("MANIFEST", "0644 /usr/share/jailhouse/inmate-qemu-arm64.dtb\n", "",
     "manifest: a device tree for every"),
    ("MANIFEST", "0644 /usr/share/jailhouse/inmates/gic-demo.bin\n", "",
     "manifest: the demo inmates"),
    ("MANIFEST", "0644 /usr/libexec/jailhouse/templates/root-cell.c.mako",
     "0644 /usr/libexec/jailhouse/templates/root.c.mako",
     "manifest: the generator's templates"),
    ("MANIFEST", "0644 /usr/share/man/man8/jailhouse-hardware.8\n", "",
     "manifest: every manual page"),
    ("MANIFEST", "0644 /lib/firmware/jailhouse.bin",
     "0644 /lib/firmware/jailhouse.bin\n0644 /lib/firmware/jailhouse.bin",
     "manifest: one 'MODE /PATH'"),
    (KERNEL_INC, "    0004-arm64-export-__boot_cpu_mode.patch \\\n", "",
     "kernel: every patch of patches/linux is named"),
    (KERNEL_INC, "0004-arm64-export-__boot_cpu_mode.patch",
     "0004-arm64-export-boot_cpu_mode.patch", "kernel: every patch named"),
    (KERNEL_INC, 'JH_KERNEL_SERIES_SUPPORTED = "6.1 6.6 6.12"',
     'JH_KERNEL_SERIES_SUPPORTED = "6.1 6.6 6.12 6.18"',
     "kernel: the series claimed"),
    (KERNEL_INC, 'JH_KERNEL_DTS_SERIES ?= "6.1 6.12"',
     'JH_KERNEL_DTS_SERIES ?= "6.1 6.12 6.18"',
     "kernel: the board patch's series"),
    (KERNEL_INC, 'JH_KERNEL_DTS_PATCHES:imx8mq-evk ?= "0003',
     'JH_KERNEL_DTS_PATCHES:imx8mq-evk ?= "0002',
     "kernel: every patch named"),
    ("recipes-kernel/linux/files/jailhouse.cfg", "CONFIG_UIO=y\n", "",
     "kernel: jailhouse.cfg sets every option"),
    ("recipes-kernel/linux/files/jailhouse.cfg", "# CONFIG_KVM is not set",
     "CONFIG_KVM=y", "kernel: jailhouse.cfg keeps KVM"),
    ("dynamic-layers/meta-ti-bsp/recipes-kernel/linux/"
     "linux-ti-staging_%.bbappend", "KERNEL_CONFIG_FRAGMENTS:append",
     "KERNEL_FRAGMENTS:append", "kernel: linux-ti-staging"),
    (KERNEL_INC, "JH_KERNEL_DTS_PATCHES:imx8mq-evk ?=",
     "JH_KERNEL_DTS_PATCHES:imx8mq-evk-ddr4 ?=",
     "kernel: the board patch is set only"),
    ("dynamic-layers/freescale-layer/recipes-kernel/linux/"
     "linux-imx_%.bbappend", "require ${JAILHOUSE_LAYERDIR}/",
     "require ${JAILHOUSE_LAYERDIR}/x/", "kernel: one append per"),
    ("RENAME recipes-kernel/linux/linux-yocto_%.bbappend",
     "recipes-kernel/linux/linux-%.bbappend", None,
     "kernel: one append per"),
    (RECIPE, 'JH_SYSCONFIG_CELL:imx8mq-evk ?= "imx8mq.cell"',
     'JH_SYSCONFIG_CELL:imx8mq-evk ?= "imx8mq-evk.cell"',
     "machines: imx8mq-evk"),
    (RECIPE, 'JH_CELL_FILES:genio-720-evk ?= "genio-720-evk.cell',
     'JH_CELL_FILES:genio-720-evk ?= "genio-720.cell',
     "machines: genio-720-evk"),
    (RECIPE, 'JH_INMATE_DTB:am62xx-evm ?= "inmate-k3-am625-sk.dtb"',
     'JH_INMATE_DTB:am62xx-evm ?= "inmate-am625-sk.dtb"',
     "machines: am62xx-evm"),
    (RECIPE, 'JH_INMATE_DTB:imx8mm-lpddr4-evk ?= "inmate-imx8mm-evk.dtb"',
     'JH_INMATE_DTB:imx8mm-lpddr4-evk ?= "inmate-imx8mq-evk.dtb"',
     "machines: imx8mm-lpddr4-evk"),
    (RECIPE, 'keep_bootcon printk.devkmsg=on"', 'keep_bootcon"',
     "machines: qemuarm64"),
    (RECIPE, "|genio-720-evk)$", ")$", "machines: per-machine values"),
    (RECIPE, "COMPATIBLE_MACHINE ?= \"^(qemuarm64|",
     "COMPATIBLE_MACHINE ?= \"qemuarm64|", "machines: COMPATIBLE_MACHINE"),
    ("README.md*", "genio-510-evk", "genio-510", "machines: the README"),
]


def apply_breakage(tmp_layer, tmp_manifest, breakage):
    target, old, new, _ = breakage
    count = 1
    if target.endswith("*"):        # every occurrence
        target, count = target[:-1], -1
    if target.startswith("RENAME "):
        os.rename(os.path.join(tmp_layer, target[7:]),
                  os.path.join(tmp_layer, old))
        return True
    path = tmp_manifest if target == "MANIFEST" else \
        os.path.join(tmp_layer, target)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, count))
    return True


def check_breakages(results):
    """Each breakage makes its check fail, one that fails on the unbroken
    layer too does not count; a harmless change fails nothing new."""
    baseline = Quiet()
    run_checks(LAYER, MANIFEST, baseline)
    already = {w for w, _ in baseline.failed_checks}
    for breakage in BREAKAGES:
        target, old, new, check = breakage
        with tempfile.TemporaryDirectory(prefix="jh-layer-") as tmp:
            layer = os.path.join(tmp, "meta-jailhouse-arm64")
            shutil.copytree(LAYER, layer)
            manifest = os.path.join(tmp, "install-manifest.txt")
            shutil.copy(MANIFEST, manifest)
            what = f"breakage {target}: {old.strip()[:50]!r}"
            if not apply_breakage(layer, manifest, breakage):
                results.report(False, what, "the text to break is not there "
                               "any more: update BREAKAGES")
                continue
            quiet = Quiet()
            run_checks(layer, manifest, quiet)
            failed = [w for w, _ in quiet.failed_checks if w not in already]
            if check is None:
                results.report(not failed, f"{what}: harmless, all checks "
                               "still pass", "\n".join(failed))
            else:
                results.report(any(w.startswith(check) for w in failed),
                               f"{what}: caught by '{check}'",
                               "failed instead: " + ("; ".join(failed) or
                                                     "nothing"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layer", default=LAYER)
    parser.add_argument("--manifest", default=MANIFEST)
    parser.add_argument("--no-breakages", action="store_true",
                        help="only check the layer, do not break copies")
    args = parser.parse_args()
    results = Results()
    run_checks(args.layer, args.manifest, results)
    if not args.no_breakages and args.layer == LAYER and \
            args.manifest == MANIFEST:
        check_breakages(results)
    print(f"layer: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
