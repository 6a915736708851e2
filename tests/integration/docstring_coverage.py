#!/usr/bin/python3
"""Check that docstrings document exactly what their code has, independently of trajc.

For every function, method and class with a docstring (or only the definitions on
the lines given after a file), Python's own ast says what the code has and per-style
patterns say what the docstring documents:

- every parameter but self/cls (``*args`` and ``**kwargs`` too) is documented, and no
  documented parameter is missing from the signature;
- a Returns section exactly when the body returns a value (never for properties and
  ``__init__``), a Yields section exactly when it yields;
- a Raises entry for exactly the exceptions its body raises with ``raise X``;
- for classes, documented attributes exist, and an Attributes section lists them all.

Usage: docstring_coverage.py [--style google|numpy|sphinx] FILE[:LINE,LINE...]...
With lines, only the definitions whose def/class keyword is on one of them are checked.
Prints ``file:line: name: problem`` lines; exit status 1 when there is any.
"""

import argparse
import ast
import re
import sys

GOOGLE_HEADER = re.compile(r"^(Args|Arguments|Parameters|Returns|Return|Yields|Yield|Raises|"
                           r"Attributes|Examples|Example|Note|Notes):\s*$")
NUMPY_HEADERS = {"Parameters", "Returns", "Yields", "Raises", "Attributes", "Examples",
                 "Notes"}


def detect(doc):
    lines = doc.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.strip() in NUMPY_HEADERS and re.match(r"^\s*-{3,}\s*$", lines[i + 1]):
            return "numpy"
    if any(re.match(r"^\s*:(param|returns?|yields?|raises?|ivar|cvar|var|rtype|type)\b", ln)
           for ln in lines):
        return "sphinx"
    if any(GOOGLE_HEADER.match(ln.strip()) for ln in lines):
        return "google"
    return "plain"


def google_sections(lines):
    sections, current = {}, None
    for line in lines:
        stripped = line.strip()
        if GOOGLE_HEADER.match(stripped) and not line[:1].isspace():
            current = stripped[:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def google_entries(body):
    indent = None
    names = []
    for line in body:
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip())
        if indent is None:
            indent = width
        if width == indent:
            m = re.match(r"^\s*(\*{0,2}[\w.]+)\s*(\(.*?\))?\s*:", line)
            names.append(m.group(1) if m else line.strip())
    return names


def numpy_sections(lines):
    sections, current, i = {}, None, 0
    while i < len(lines):
        line = lines[i]
        if (line.strip() in NUMPY_HEADERS and i + 1 < len(lines)
                and re.match(r"^\s*-{3,}\s*$", lines[i + 1])):
            current = line.strip()
            sections[current] = []
            i += 2
            continue
        if current is not None:
            sections[current].append(line)
        i += 1
    return sections


def numpy_entries(body):
    names = []
    for line in body:
        if line.strip() and not line[:1].isspace():
            for name in line.split(" : ")[0].split(","):
                names.append(name.strip())
    return names


def documented(doc, style):
    """Return (params, has_returns, has_yields, raises, attributes) of a docstring."""
    lines = doc.expandtabs().splitlines()
    base = min((len(ln) - len(ln.lstrip()) for ln in lines[1:] if ln.strip()), default=0)
    lines = [lines[0].strip()] + [ln[base:] for ln in lines[1:]]
    if style == "google":
        s = google_sections(lines)
        params = google_entries(s.get("Args", s.get("Arguments", s.get("Parameters", []))))
        return (params, "Returns" in s or "Return" in s, "Yields" in s or "Yield" in s,
                google_entries(s.get("Raises", [])), google_entries(s.get("Attributes", [])))
    if style == "numpy":
        s = numpy_sections(lines)
        return (numpy_entries(s.get("Parameters", [])), "Returns" in s, "Yields" in s,
                numpy_entries(s.get("Raises", [])), numpy_entries(s.get("Attributes", [])))
    if style == "sphinx":
        text = "\n".join(lines)
        params = re.findall(r"^:param (?:[^:]*\s)?(\w+):", text, re.M)
        raises = re.findall(r"^:raises? ([\w.]+):", text, re.M)
        attributes = re.findall(r"^:(?:ivar|cvar|var) (?:[^:]*\s)?(\w+):", text, re.M)
        return (params, bool(re.search(r"^:returns?:", text, re.M)),
                bool(re.search(r"^:yields?:", text, re.M)), raises, attributes)
    return ([], False, False, [], [])


class Body(ast.NodeVisitor):
    """What a function body does, not counting nested functions and classes."""

    def __init__(self, node):
        self.raises, self.yields, self.returns_value = [], False, False
        for statement in node.body:
            self.visit(statement)

    def visit_FunctionDef(self, node):
        pass

    visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef

    def visit_Raise(self, node):
        if node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = ast.unparse(exc)
            if name not in self.raises:
                self.raises.append(name)
        self.generic_visit(node)

    def visit_Yield(self, node):
        self.yields = True

    visit_YieldFrom = visit_Yield

    def visit_Return(self, node):
        if node.value is not None and not (isinstance(node.value, ast.Constant)
                                           and node.value.value is None):
            self.returns_value = True
        self.generic_visit(node)


def decorator_names(node):
    return [ast.unparse(d) for d in node.decorator_list]


def is_property(node):
    return any(d in ("property", "functools.cached_property", "cached_property")
               or d.endswith(".getter") for d in decorator_names(node))


def signature_params(node, in_class):
    a = node.args
    names = [p.arg for p in a.posonlyargs + a.args]
    static = "staticmethod" in decorator_names(node)
    if in_class and not static and names and names[0] in ("self", "cls"):
        names = names[1:]
    if a.vararg:
        names.append("*" + a.vararg.arg)
    names += [p.arg for p in a.kwonlyargs]
    if a.kwarg:
        names.append("**" + a.kwarg.arg)
    return names


def assigned(statement):
    """Return the targets an assignment statement binds, or [] for any other statement."""
    if isinstance(statement, ast.AnnAssign):
        return [statement.target]
    if isinstance(statement, ast.Assign):
        return statement.targets
    return []


def class_attributes(node):
    names = []
    for statement in node.body:
        for t in assigned(statement):
            if isinstance(t, ast.Name) and t.id not in names:
                names.append(t.id)
        if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
            for sub in ast.walk(statement):
                for t in assigned(sub):
                    if (isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name)
                            and t.value.id == "self" and t.attr not in names):
                        names.append(t.attr)
    return [n for n in names if not n.startswith("_")]


def check_definition(node, in_class, style, report):
    doc = ast.get_docstring(node, clean=False)
    if doc is None:
        return
    style = style or detect(doc)
    params, has_returns, has_yields, raises, attributes = documented(doc, style)
    if isinstance(node, ast.ClassDef):
        if params:
            report(node, "class docstring documents parameters " + ", ".join(params))
        public = class_attributes(node)
        for name in attributes:
            if name not in public:
                report(node, f"documents attribute {name}, which the class does not have")
        if attributes:
            for name in public:
                if name not in attributes:
                    report(node, f"attribute {name} is not documented")
        return
    want = signature_params(node, in_class)
    bare = [p.lstrip("*") for p in want]
    for name in want:
        if name not in params and name.lstrip("*") not in [p.lstrip("*") for p in params]:
            report(node, f"parameter {name} is not documented")
    for name in params:
        if name.lstrip("*") not in bare:
            report(node, f"documents parameter {name}, which is not in the signature")
    body = Body(node)
    wants_returns = (body.returns_value and not is_property(node)
                     and node.name != "__init__")
    if wants_returns != has_returns:
        report(node, "returns a value but documents no return" if wants_returns
               else "documents a return value it does not have")
    if body.yields != has_yields:
        report(node, "yields but documents no yields" if body.yields
               else "documents yields but does not yield")
    for name in body.raises:
        if name not in raises:
            report(node, f"raises {name} but does not document it")
    for name in raises:
        if name not in body.raises:
            report(node, f"documents raising {name}, which its body does not raise")


def walk(node, in_class, visit):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            visit(child, in_class)
            walk(child, isinstance(child, ast.ClassDef), visit)
        elif not isinstance(child, (ast.Lambda,)):
            walk(child, in_class, visit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", choices=["google", "numpy", "sphinx"])
    parser.add_argument("files", nargs="+", metavar="FILE[:LINE,LINE...]")
    args = parser.parse_args()
    problems = []
    for spec in args.files:
        head, sep, lines = spec.partition(".py:")
        path = head + ".py" if sep else spec
        only = {int(n) for n in lines.split(",") if n}
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)

        def report(node, message, path=path):
            problems.append(f"{path}:{node.lineno}: {node.name}: {message}")

        def visit(node, in_class):
            if not only or node.lineno in only:
                check_definition(node, in_class, args.style, report)

        walk(tree, False, visit)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
