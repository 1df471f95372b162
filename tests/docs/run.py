#!/usr/bin/python3
"""The manual pages (Documentation/man/*.8) and the bash completion
(tools/jailhouse-completion.bash) against the jailhouse tool itself.

- Every page renders without a warning: "groff -man -ww -z" and
  "man --warnings -l" (MANWIDTH=80, UTF-8) say nothing, and lexgrog finds
  its NAME line (what whatis and apropos read).
- The commands and options are read from the built tool's own usage text
  (build/host/jailhouse --help, and the -h output of every command whose
  usage line offers -h), so that the documentation cannot drift from it:
  every command is in the SYNOPSIS of jailhouse(8) and of its group's page,
  with a subsection (.SS) there that names every option of the command;
  no page documents a command the tool does not have; every environment
  variable the tool reads (getenv, env_path in tools/*.c) is in
  jailhouse(8).
- The completion, sourced in "bash --norc" with COMP_WORDS / COMP_CWORD
  set, offers exactly the tool's commands and sub-commands, every option
  of each command, .cell files (and directories, not other files) where a
  configuration goes, .dtb files after "cell linux -d", and the ids and
  names of the cells of a fake sysfs tree (JAILHOUSE_SYSFS) where a cell
  goes.

Then each check is shown to be able to fail: copies of the pages and of
the completion are broken one way at a time, and a stand-in for the tool
prints a usage text with a command or an option more.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from results import Results  # noqa: E402

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOL = os.path.join(TOP, "build", "host", "jailhouse")
MAN = os.path.join(TOP, "Documentation", "man")
COMPLETION = os.path.join(TOP, "tools", "jailhouse-completion.bash")

# The page of each command group
PAGES = {"enable": "jailhouse-enable.8", "disable": "jailhouse-enable.8",
         "console": "jailhouse-enable.8", "cell": "jailhouse-cell.8",
         "config": "jailhouse-config.8", "hardware": "jailhouse-hardware.8"}
OPTION = re.compile(r"(?<![\w/.-])(--?[A-Za-z][\w-]*)")
HELP = {"-h", "--help"}


class Quiet:
    def __init__(self):
        self.failed_checks = []
        self.passed = self.failed = 0

    def report(self, ok, what, details=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failed_checks.append(what)


# ---------------------------------------------------------------- the CLI

def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return r.returncode, r.stdout + r.stderr


def usage_block(text):
    """The lines of the "usage:" block of @text (to the first blank)."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if re.match(r"^\s*[Uu]sage:", line):
            block = []
            for more in lines[n:]:
                if not more.strip():
                    break
                block.append(more)
            return block
    return []


def option_list(text):
    """Options at the start of option-list lines ("  -d, --dtb DTB  ...")."""
    found = set()
    for line in text.split("\n"):
        m = re.match(r"^\s{1,8}(-.*)$", line)
        if not m:
            continue
        head = re.split(r"\s{2,}", m.group(1))[0]
        found.update(OPTION.findall(head))
    return found


def cli_commands(tool):
    """{command path (tuple): set of options} from the tool's usage."""
    rc, text = run([tool, "--help"])
    commands = {}
    top_options = set(OPTION.findall(" ".join(usage_block(text))))
    listing = text.split("Available commands:", 1)
    for line in (listing[1] if len(listing) > 1 else "").split("\n"):
        if not line.startswith("   ") or not line.strip():
            continue
        words = line.split()
        path = []
        for w in words:
            if re.match(r"^[a-z][a-z-]*$", w):
                path.append(w)
            else:
                break
        rest = line.split(None, len(path))[-1] if len(words) > len(path) \
            else ""
        options = set(OPTION.findall(rest))
        if "-h" in options:
            rc2, more = run([tool] + path + ["-h"])
            options |= set(OPTION.findall(" ".join(usage_block(more))))
            options |= option_list(more)
        commands[tuple(path)] = options
    return rc, top_options, commands


def tool_env_vars():
    names = set()
    for path in glob.glob(os.path.join(TOP, "tools", "*.c")):
        text = open(path, encoding="utf-8").read()
        names.update(re.findall(r'getenv\("(JAILHOUSE_\w+)"\)', text))
        names.update(re.findall(r'env_path\([^,]+,\s*"(JAILHOUSE_\w+)"',
                                text))
    return names


# ---------------------------------------------------------------- pages

def unroff(text):
    """Roff source to plain words: escapes and fonts dropped."""
    text = re.sub(r"\\f[BIRP]|\\f\(..|\\&|\\%", "", text)
    text = text.replace("\\-", "-").replace("\\(dq", '"').replace(
        "\\e", "\\").replace("\\(lq", '"').replace("\\(rq", '"')
    return text


def sections(path):
    """{.SS heading: its source text (unescaped)} and the SYNOPSIS."""
    subs = {}
    synopsis = ""
    current = None
    sh = None
    for line in open(path, encoding="utf-8"):
        m = re.match(r'^\.SS\s+"?([^"\n]*)"?\s*$', line)
        if m:
            current = unroff(m.group(1)).strip()
            subs[current] = ""
            continue
        m = re.match(r'^\.SH\s+"?([^"\n]*)"?\s*$', line)
        if m:
            sh = m.group(1).strip()
            current = None
            continue
        if current is not None:
            subs[current] += unroff(line)
        if sh == "SYNOPSIS":
            synopsis += unroff(line)
    return subs, synopsis


def synopsis_entries(synopsis):
    """The SYNOPSIS as entries "jailhouse WORDS ...", macros dropped."""
    words = []
    for line in synopsis.split("\n"):
        line = re.sub(r"^\.(B|I|BR|RB|IR|RI|BI|IB)\s+", "", line)
        if line.startswith(".") or not line.strip():
            continue
        words.append(line.replace('"', " "))
    text = " ".join(words)
    return ["jailhouse " + e for e in re.split(r"\bjailhouse\s+", text)[1:]]


def words_of(text):
    return set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*|[a-z][a-z-]*)",
                          text))


def render(page, env):
    g = subprocess.run(["groff", "-man", "-ww", "-z", page],
                       capture_output=True, text=True)
    m = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", page],
                       capture_output=True, text=True, env=env)
    lx = subprocess.run(["lexgrog", page], capture_output=True, text=True)
    return g, m, lx


def check_pages(man, results):
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MANPAGER="cat",
               PAGER="cat")
    pages = sorted(glob.glob(os.path.join(man, "*.8")))
    results.report(len(pages) == 5 and set(map(os.path.basename, pages)) ==
                   set(PAGES.values()) | {"jailhouse.8"},
                   "man: jailhouse.8 and one page per command group",
                   f"{[os.path.basename(p) for p in pages]}")
    for page in pages:
        g, m, lx = render(page, env)
        name = os.path.basename(page)
        problems = []
        if g.returncode or g.stderr.strip():
            problems.append("groff: " + g.stderr.strip())
        if m.returncode or m.stderr.strip() or not m.stdout.strip():
            problems.append("man: " + (m.stderr.strip() or "no output"))
        if lx.returncode or f'"{name[:-2]} - ' not in lx.stdout:
            problems.append("lexgrog: " + (lx.stdout + lx.stderr).strip())
        results.report(not problems, f"man: {name} renders without "
                       "warnings, NAME readable by whatis",
                       "\n".join(problems))


def check_docs_cover_cli(tool, man, results):
    rc, top_options, commands = cli_commands(tool)
    results.report(rc == 0 and len(commands) >= 10,
                   "cli: the usage of build/host/jailhouse --help lists the "
                   "commands", f"exit {rc}, {len(commands)} commands")
    main_subs, main_syn = sections(os.path.join(man, "jailhouse.8"))
    main_entries = synopsis_entries(main_syn)
    main_text = unroff(open(os.path.join(man, "jailhouse.8")).read())
    missing = [o for o in top_options if o not in main_text]
    results.report(not missing, "man: jailhouse.8 has the tool's own "
                   "options (" + " ".join(sorted(top_options)) + ")",
                   f"missing: {missing}")
    documented = set()
    for path, options in sorted(commands.items()):
        name = " ".join(path)
        problems = []
        if not any(words_of(e) >= set(path) and
                   e.split()[1] == path[0] for e in main_entries):
            problems.append("not in the SYNOPSIS of jailhouse.8")
        page = PAGES.get(path[0])
        if not page or not os.path.isfile(os.path.join(man, page)):
            problems.append(f"no manual page for '{path[0]}' commands")
        else:
            subs, syn = sections(os.path.join(man, page))
            entries = [e for e in synopsis_entries(syn)
                       if e.split()[1:len(path) + 1] == list(path)]
            if not entries:
                problems.append(f"not in the SYNOPSIS of {page}")
            for o in sorted(options):
                if entries and o not in words_of(entries[0]) and \
                        o not in HELP:
                    problems.append(f"{o} not in its SYNOPSIS of {page}")
            if name not in subs:
                problems.append(f"no subsection '.SS {name}' in {page}")
            else:
                for o in sorted(options):
                    if o not in words_of(subs[name]):
                        problems.append(f"{o} not in '.SS {name}' of {page}")
            documented.add(page)
        results.report(not problems, f"man: jailhouse {name} and its "
                       "options are documented", "\n".join(problems))
    # the other way: no page documents what the tool does not have
    extra = []
    for page in set(PAGES.values()):
        path = os.path.join(man, page)
        if not os.path.isfile(path):
            continue
        subs, syn = sections(path)
        for heading in subs:
            if tuple(heading.split()) not in commands:
                extra.append(f"{page}: '.SS {heading}' is no command of "
                             "the tool")
        for e in synopsis_entries(syn):
            words = []
            for w in e.split()[1:]:
                if re.match(r"^[a-z][a-z-]*$", w):
                    words.append(w)
                else:
                    break
            if tuple(words) not in commands:
                extra.append(f"{page}: SYNOPSIS '{' '.join(words)}' is no "
                             "command of the tool")
    results.report(not extra, "man: every command documented exists in "
                   "the tool", "\n".join(extra))
    env = tool_env_vars()
    absent = [v for v in sorted(env) if v not in main_text]
    results.report(env and not absent, "man: jailhouse.8 names every "
                   "environment variable the tool reads",
                   f"missing: {absent}")
    return commands, top_options


# ---------------------------------------------------------------- completion

def complete(completion, words, cwd, sysfs):
    """COMPREPLY for COMP_WORDS=@words (the last one being completed)."""
    script = ('source "$1"; shift; fn=$(complete -p jailhouse | '
              'sed -n "s/.*-F \\([^ ]*\\) jailhouse$/\\1/p"); '
              '[ -n "$fn" ] || { echo "no completion for jailhouse" >&2; '
              'exit 3; }; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); '
              'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; '
              '"$fn" jailhouse "${COMP_WORDS[COMP_CWORD]}" '
              '"${COMP_WORDS[COMP_CWORD - 1]}"; '
              'printf "%s\\n" "${COMPREPLY[@]}"')
    env = dict(os.environ, JAILHOUSE_SYSFS=sysfs)
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", script, "bash",
                        completion] + words, capture_output=True, text=True,
                       cwd=cwd, env=env)
    return r.returncode, [w for w in r.stdout.split("\n") if w], r.stderr


def fake_tree(tmp):
    sysfs = os.path.join(tmp, "sysfs")
    for cid, name in (("0", "qemu-arm64"), ("1", "inmate-demo"),
                      ("2", "linux demo")):
        os.makedirs(os.path.join(sysfs, "cells", cid))
        with open(os.path.join(sysfs, "cells", cid, "name"), "w") as f:
            f.write(name + "\n")
    work = os.path.join(tmp, "work")
    os.makedirs(os.path.join(work, "cells"))
    for name in ("qemu-arm64.cell", "notes.txt", "inmate.dtb", "Image"):
        open(os.path.join(work, name), "w").close()
    return sysfs, work


def check_completion(completion, commands, top_options, results):
    with tempfile.TemporaryDirectory(prefix="jh-docs-") as tmp:
        sysfs, work = fake_tree(tmp)

        def offers(words):
            rc, got, err = complete(completion, words, work, sysfs)
            return rc, set(got), err

        rc, got, err = offers(["jailhouse", ""])
        firsts = {p[0] for p in commands}
        want = firsts | top_options
        results.report(rc == 0 and want <= got and
                       got - want <= HELP,
                       "completion: the commands, exactly",
                       f"exit {rc} {err}\nmissing: {sorted(want - got)}\n"
                       f"extra: {sorted(got - want)}")
        for group in sorted({p[0] for p in commands if len(p) > 1}):
            want = {p[1] for p in commands if p[0] == group and len(p) > 1}
            rc, got, err = offers(["jailhouse", group, ""])
            results.report(rc == 0 and got == want,
                           f"completion: the {group} sub-commands, exactly",
                           f"exit {rc} {err}\nmissing: {sorted(want - got)}"
                           f"\nextra: {sorted(got - want)}")
        for path, options in sorted(commands.items()):
            if not options:
                continue
            got = set()
            for words in (list(path) + ["-"], list(path) + ["x", "-"]):
                got |= offers(["jailhouse"] + words)[1]
            got = {w for w in got if w.startswith("-")}
            missing = options - got
            extra = got - options - HELP
            results.report(not missing and not extra,
                           f"completion: the options of jailhouse "
                           f"{' '.join(path)}",
                           f"missing: {sorted(missing)}\nextra: "
                           f"{sorted(extra)}")
        # cells by id and name, names alone after --name
        ids_names = {"0", "1", "2", "qemu-arm64", "inmate-demo",
                     "linux demo"}
        for sub in ("start", "shutdown", "destroy", "stats", "load"):
            if ("cell", sub) not in commands:
                continue
            rc, got, err = offers(["jailhouse", "cell", sub, ""])
            rc2, named, _ = offers(["jailhouse", "cell", sub, "--name", ""])
            results.report(got == ids_names and
                           named == ids_names - {"0", "1", "2"},
                           f"completion: cell {sub} offers the cells of "
                           "sysfs (ids and names; names after --name)",
                           f"got {sorted(got)}\nafter --name "
                           f"{sorted(named)}\n{err}")
        rc, got, _ = offers(["jailhouse", "cell", "stats", "in"])
        results.report(got == {"inmate-demo"}, "completion: a cell name "
                       "from its first letters", f"got {sorted(got)}")
        # configuration files
        cell_words = {"qemu-arm64.cell", "cells"}
        for words in (["enable", ""], ["cell", "create", ""],
                      ["config", "check", ""],
                      ["config", "check", "qemu-arm64.cell", ""],
                      ["hardware", "check", ""], ["cell", "linux", ""]):
            rc, got, _ = offers(["jailhouse"] + words)
            results.report(got == cell_words, "completion: .cell files and "
                           f"directories for jailhouse {' '.join(words)}",
                           f"got {sorted(got)}")
        rc, got, _ = offers(["jailhouse", "cell", "linux", "-d", ""])
        results.report(got == {"inmate.dtb", "cells"}, "completion: .dtb "
                       "files after cell linux -d", f"got {sorted(got)}")
        rc, got, _ = offers(["jailhouse", "cell", "linux",
                             "qemu-arm64.cell", "I"])
        results.report(got == {"Image"}, "completion: any file for the "
                       "kernel of cell linux", f"got {sorted(got)}")


# ---------------------------------------------------------------- driver

def run_checks(tool, man, completion, results):
    check_pages(man, results)
    commands, top_options = check_docs_cover_cli(tool, man, results)
    check_completion(completion, commands, top_options, results)


def fake_tool(tmp, extra_line=None, replace=None):
    """A stand-in for the tool: the real usage, with @extra_line added to
    the command list or @replace = (old, new) applied."""
    _, text = run([TOOL, "--help"])
    if extra_line:
        text = text.rstrip("\n") + "\n" + extra_line + "\n"
    if replace:
        text = text.replace(*replace)
    usage = os.path.join(tmp, "usage.txt")
    with open(usage, "w") as f:
        f.write(text)
    path = os.path.join(tmp, "jailhouse")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n"
                f'if [ "$1" = --help ]; then cat "{usage}"; exit 0; fi\n'
                f'exec "{TOOL}" "$@"\n')
    os.chmod(path, 0o755)
    return path


# (what is broken, target, old, new, the check that must fail)
BREAKAGES = [
    ("the tool gains a command", "TOOL+", "   cell pause { ID | [--name] "
     "NAME }", None, "man: jailhouse cell pause"),
    ("the tool gains a command", "TOOL+", "   cell pause { ID | [--name] "
     "NAME }", None, "completion: the cell sub-commands"),
    ("the tool gains a command group", "TOOL+", "   trace start", None,
     "man: jailhouse trace start"),
    ("a command gains an option", "TOOL", "console [-f | --follow]",
     "console [-f | --follow] [-n | --lines N]",
     "man: jailhouse console and its options"),
    ("a command gains an option", "TOOL", "console [-f | --follow]",
     "console [-f | --follow] [-n | --lines N]",
     "completion: the options of jailhouse console"),
    ("a page loses an option", "jailhouse-cell.8",
     ".BR \\-i \", \" \\-\\-initrd \" \\fIFILE\\fP\"", ".B \\-i",
     "man: jailhouse cell linux and its options"),
    ("a page loses a subsection", "jailhouse-cell.8", ".SS cell stats",
     ".SS cell statistics", "man: jailhouse cell stats"),
    ("a page documents a command the tool lacks", "jailhouse-config.8",
     ".SS config collect", ".SS config collect\n.PP\n.SS config dump\n",
     "man: every command documented exists"),
    ("jailhouse.8 loses a command", "jailhouse.8",
     '.BR " destroy " | " linux " | " stats " }',
     '.BR " destroy " | " linux " }', "man: jailhouse cell stats"),
    ("jailhouse.8 loses an environment variable", "jailhouse.8",
     ".B JAILHOUSE_DMESG", ".B JAILHOUSE_LOG",
     "man: jailhouse.8 names every environment variable"),
    ("a page has an unknown macro", "jailhouse-hardware.8", ".SH OPTIONS",
     ".XY\n.SH OPTIONS", "man: jailhouse-hardware.8 renders"),
    ("a page has a broken escape", "jailhouse-enable.8", "1 while the",
     "1 \\q while the", "man: jailhouse-enable.8 renders"),
    ("a page loses its NAME line", "jailhouse-config.8",
     "jailhouse\\-config \\- check", "jailhouse\\-config check",
     "man: jailhouse-config.8 renders"),
    ("the completion loses a command", "COMPLETION",
     "enable disable console cell", "enable disable cell",
     "completion: the commands, exactly"),
    ("the completion offers a command the tool lacks", "COMPLETION",
     "cell config hardware --help", "cell config hardware status --help",
     "completion: the commands, exactly"),
    ("the completion loses a sub-command", "COMPLETION",
     '"check create collect"', '"check create"',
     "completion: the config sub-commands"),
    ("the completion loses an option", "COMPLETION",
     "--no-demo --demo-uart", "--demo-uart",
     "completion: the options of jailhouse config create"),
    ("the completion reads the wrong sysfs", "COMPLETION",
     "${JAILHOUSE_SYSFS:-/sys/devices/jailhouse}", "/sys/devices/jailhouse",
     "completion: cell start offers the cells"),
    ("the completion offers any file for a configuration", "COMPLETION",
     '[ "$COMP_CWORD" -eq 2 ] && _jailhouse_files .cell "$cur" ;;',
     '[ "$COMP_CWORD" -eq 2 ] && _jailhouse_files "" "$cur" ;;',
     "completion: .cell files and directories for jailhouse enable"),
    ("the completion registers no function", "COMPLETION",
     "complete -F _jailhouse jailhouse", "",
     "completion: the commands, exactly"),
]


def check_breakages(results):
    """Each breakage makes its check fail; a check that fails on the
    unbroken files too does not count."""
    baseline = Quiet()
    run_checks(TOOL, MAN, COMPLETION, baseline)
    for what, target, old, new, check in BREAKAGES:
        with tempfile.TemporaryDirectory(prefix="jh-docs-break-") as tmp:
            man = os.path.join(tmp, "man")
            shutil.copytree(MAN, man)
            completion = os.path.join(tmp, "completion.bash")
            shutil.copy(COMPLETION, completion)
            tool = TOOL
            applied = True
            if target == "TOOL+":
                tool = fake_tool(tmp, extra_line=old)
            elif target == "TOOL":
                tool = fake_tool(tmp, replace=(old, new))
            else:
                path = completion if target == "COMPLETION" else \
                    os.path.join(man, target)
                text = open(path).read()
                applied = old in text
                with open(path, "w") as f:
                    f.write(text.replace(old, new, 1))
            name = f"breakage: {what} ({target})"
            if not applied:
                results.report(False, name, f"{old!r} is not in {target} "
                               "any more: update BREAKAGES")
                continue
            quiet = Quiet()
            run_checks(tool, man, completion, quiet)
            results.report(any(w.startswith(check) and
                               w not in baseline.failed_checks
                               for w in quiet.failed_checks),
                           f"{name}: caught by '{check}'",
                           "failed instead: " +
                           ("; ".join(quiet.failed_checks) or "nothing"))


def main():
    for target in (os.path.join(TOP, "build", "host", "jailhouse"),
                   os.path.join(TOP, "build", "host",
                                "jailhouse_config_defs.py")):
        subprocess.run(["make", "-s", "-C", os.path.join(TOP, "tools"),
                        target], check=True)
    for prog in ("groff", "man", "lexgrog", "bash"):
        if not shutil.which(prog):
            print(f"FAIL {prog} is missing: run scripts/setup-host.sh")
            print("docs: 0 passed, 1 failed")
            return 1
    results = Results()
    run_checks(TOOL, MAN, COMPLETION, results)
    check_breakages(results)
    print(f"docs: {results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
