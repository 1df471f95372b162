"""A small reader of BitBake metadata (.bb, .bbappend, .inc, .conf), for
the static checks of tests/layer/run.py.

It knows what BitBake's parser accepts at the top level of a file
(assignments with their operators and quoting, inherit / require /
include / addtask / deltask / addhandler / EXPORT_FUNCTIONS / unset /
export, shell and python functions, "def" blocks) and reports anything
else as a syntax error with its line, like "bitbake -p" would.  It does
not evaluate the metadata beyond what the checks need: expand() knows
the standard directory variables with OE's defaults and the file's own
plain assignments.
"""
import re

ASSIGN = re.compile(
    r"^(?P<export>export\s+)?"
    r"(?P<name>[A-Za-z0-9_${}@./+~\-:]+?)"
    r"(?:\[(?P<flag>[A-Za-z0-9_\-.+]+)\])?"
    r"\s*(?P<op>\?\?=|\?=|:=|\+=|=\+|\.=|=\.|=)\s*"
    r"(?P<value>.*)$", re.S)
DIRECTIVE = re.compile(
    r"^(inherit|inherit_defer|require|include|include_all|addtask|deltask|"
    r"addhandler|EXPORT_FUNCTIONS|unset|export)\s+(.*)$", re.S)
SHELL_FUNC = re.compile(
    r"^(?:fakeroot\s+)?(?P<name>[A-Za-z0-9_${}.:+\-]+)\s*\(\s*\)\s*\{\s*$")
PYTHON_FUNC = re.compile(
    r"^(?:fakeroot\s+)?python\s+(?P<name>[A-Za-z0-9_${}.:+\-]*)\s*"
    r"\(\s*\)\s*\{\s*$")
DEF_FUNC = re.compile(r"^def\s+(?P<name>\w+)\s*\(.*\)\s*:\s*$")

# oe-core's variable defaults (bitbake.conf, poky without usrmerge)
DEFAULTS = {
    "base_prefix": "",
    "prefix": "/usr",
    "exec_prefix": "/usr",
    "base_bindir": "/bin",
    "base_sbindir": "/sbin",
    "base_libdir": "/lib",
    "nonarch_base_libdir": "/lib",
    "bindir": "/usr/bin",
    "sbindir": "/usr/sbin",
    "libdir": "/usr/lib",
    "libexecdir": "/usr/libexec",
    "includedir": "/usr/include",
    "datadir": "/usr/share",
    "mandir": "/usr/share/man",
    "docdir": "/usr/share/doc",
    "infodir": "/usr/share/info",
    "sysconfdir": "/etc",
    "localstatedir": "/var",
    "systemd_unitdir": "/lib/systemd",
    "KERNEL_VERSION": "<KVER>",
    "KERNEL_PACKAGE_NAME": "kernel",
    "D": "",
}


class Function:
    def __init__(self, kind, name, line, body):
        self.kind = kind            # "shell", "python" or "def"
        self.name = name
        self.line = line
        self.body = body            # list of lines


class Assignment:
    def __init__(self, name, flag, op, value, line, raw):
        self.name = name            # with overrides: FILES:${PN}-cells
        self.flag = flag
        self.op = op
        self.value = value          # without the quotes
        self.line = line
        self.raw = raw


class BBFile:
    """The parsed file: assignments, directives, functions, errors."""

    def __init__(self, path, text=None):
        self.path = path
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        self.text = text
        self.assignments = []
        self.directives = []        # (keyword, argument, line)
        self.functions = []
        self.errors = []            # (line, message)
        self._parse(text.split("\n"))

    def _error(self, line, msg):
        self.errors.append((line, msg))

    def _parse(self, lines):
        n = 0
        while n < len(lines):
            start = n
            line = lines[n]
            n += 1
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            m = PYTHON_FUNC.match(line) or SHELL_FUNC.match(line)
            if m:
                kind = "python" if line.lstrip().startswith(
                    ("python", "fakeroot python")) else "shell"
                body = []
                while n < len(lines) and lines[n].rstrip() != "}":
                    body.append(lines[n])
                    n += 1
                if n == len(lines):
                    self._error(start + 1, f"function {m.group('name')}: "
                                "no closing '}' at the start of a line")
                n += 1
                self.functions.append(Function(kind, m.group("name"),
                                               start + 1, body))
                continue
            m = DEF_FUNC.match(line)
            if m:
                body = [line]
                while n < len(lines) and (not lines[n].strip() or
                                          lines[n][0] in " \t"):
                    body.append(lines[n])
                    n += 1
                self.functions.append(Function("def", m.group("name"),
                                               start + 1, body))
                continue
            # a logical line: backslash continuations
            logical = line
            while logical.endswith("\\") and n < len(lines):
                logical = logical[:-1] + "\n" + lines[n]
                n += 1
            if logical.endswith("\\"):
                self._error(start + 1, "continuation at the end of the file")
            self._logical(logical, start + 1)

    def _logical(self, text, line):
        if line_is_directive(text):
            m = DIRECTIVE.match(text.strip())
            self.directives.append((m.group(1), m.group(2).strip(), line))
            return
        m = ASSIGN.match(text)
        if not m:
            self._error(line, "not an assignment, directive or function: "
                        + text.split("\n")[0][:60])
            return
        value = m.group("value").rstrip()
        if len(value) < 2 or value[0] not in "\"'" or value[-1] != value[0]:
            self._error(line, f"{m.group('name')}: the value must be one "
                        "quoted string (balanced quotes)")
            return
        self.assignments.append(Assignment(
            m.group("name"), m.group("flag"), m.group("op"), value[1:-1],
            line, text))

    # ---- queries ----

    def values(self, name, flag=None):
        """Every assignment of exactly @name (overrides included)."""
        return [a for a in self.assignments
                if a.name == name and a.flag == flag]

    def value(self, name, flag=None):
        """The value of @name after its plain assignments (no overrides)."""
        result = None
        for a in self.values(name, flag):
            if a.op in ("=", ":="):
                result = a.value
            elif a.op in ("?=", "??="):
                if result is None:
                    result = a.value
            elif a.op in ("+=",):
                result = ((result + " ") if result else "") + a.value
            elif a.op == "=+":
                result = a.value + ((" " + result) if result else "")
            elif a.op == ".=":
                result = (result or "") + a.value
            elif a.op == "=.":
                result = a.value + (result or "")
        return result

    def names(self):
        return {a.name for a in self.assignments}

    def function(self, name):
        for f in self.functions:
            if f.name == name:
                return f
        return None


def line_is_directive(text):
    m = DIRECTIVE.match(text.strip())
    if not m:
        return False
    if m.group(1) == "export":
        # "export VAR = ..." is an assignment; "export VAR" a directive
        return not ASSIGN.match(text.strip()[len("export"):].strip())
    return True


def brace_problems(text):
    """Unbalanced ${ ... } in @text: a list of messages."""
    problems = []
    depth = 0
    i = 0
    while i < len(text):
        if text.startswith("${", i):
            depth += 1
            i += 2
            continue
        if text[i] == "}" and depth:
            depth -= 1
        i += 1
    if depth:
        problems.append(f"{depth} unclosed '${{'")
    return problems


def reference_end(text, j):
    """Where the ${...} whose body starts at @j ends (after its "}"),
    nested references counted; len(@text) if it is not closed."""
    depth = 1
    while j < len(text) and depth:
        if text.startswith("${", j):
            depth += 1
            j += 2
            continue
        if text[j] == "}":
            depth -= 1
        j += 1
    return j


def inline_python(text):
    """The expressions of ${@...} in @text (outermost, braces balanced)."""
    found = []
    i = 0
    while True:
        i = text.find("${@", i)
        if i < 0:
            return found
        j = reference_end(text, i + 3)
        found.append(text[i + 3:j - 1])
        i = j


def without_references(text):
    """@text with every ${...} replaced by X (for compiling or sh -n)."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("${", i):
            out.append("X")
            i = reference_end(text, i + 2)
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def without_inline_python(text):
    """@text with each ${@...} replaced by X, other ${VAR} kept."""
    for expr in inline_python(text):
        text = text.replace("${@" + expr + "}", "X", 1)
    return text


def expand(value, variables, depth=0):
    """${VAR} references of @value from @variables, then DEFAULTS; others
    stay as they are."""
    if depth > 20:
        return value

    def one(m):
        name = m.group(1)
        if name in variables:
            return expand(variables[name], variables, depth + 1)
        if name in DEFAULTS:
            return DEFAULTS[name]
        return m.group(0)
    return re.sub(r"\$\{([A-Za-z0-9_\-]+)\}", one, value)
