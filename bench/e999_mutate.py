"""Seeded, structure-aware mutants of Python files, for E999 differentials (bench/e999_vs_ast.py).

mutate(info, rng) makes one edit of a FileInfo (a corpus file read once: its tokens, its
AST and the edit sites found in them) and returns (kind, new text) or None when the drawn
kind has no site in that file. The kinds are the edits that break (or, as often, keep)
code in practice and the grammar's corners where a checker that is not CPython's parser
goes wrong: tokens deleted, duplicated or swapped; parameter lists and call arguments
reordered, duplicated, given or stripped of defaults, `*`, `**`, `/` and annotations;
decorators with odd expressions; walrus, lambda, async/await, match/case, f-strings,
relative-import dots and comprehension clauses; brackets, colons, indentation.
Everything is in character offsets of the text.
"""
import ast
import io
import keyword
import tokenize

SKIP_TOKENS = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER,
               tokenize.COMMENT)
OPEN = {"(": ")", "[": "]", "{": "}"}
CLOSE = {")", "]", "}"}

# Tokens to insert or to replace one with: keywords, operators, names, literals.
VOCAB = (sorted(keyword.kwlist) + ["match", "case", "_", "type", "print"] +
         ["(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "...", "=", "==", ":=", "->", "*", "**", "/", "//",
          "@", "+", "-", "~", "<", ">", "!=", "|", "&", "^", "%", "+=", "**=", "<<", "!", "$", "?", "\\"] +
         ["x", "f", "1", "0x1", "1.5j", "'s'", "f'{x}'", "b''", "None"])

PARAM_INSERTS = ["*", "/", "*args", "**kw", "*a: int", "**k: int", "x", "x=1", "x: int", "x: int = 1", "y=None",
                 "*, x", "/, x", "self", "**", "*args=1", "**kw=1", "x=", "=1", "(x)", "x.y", "x, x", "lambda", "1"]
CALL_INSERTS = ["k=1", "*a", "**k", "x", "k=", "*", "**", "a for a in b", "(a for a in b)", "x := 1", "(x := 1)",
                "k=1 for k in b", "*a=1", "f(x)=1", "1=1", "True=1", "k:=1", "a, b", "lambda: 0", "yield x",
                "(yield x)", "await x", "*a, *b", "k=lambda x: x", "x if y else z", "x if y"]
DECORATORS = ["x", "x.y.z", "x[0]", "x[0].y(1)(2)", "(lambda f: f)", "lambda f: f", "a if b else c", "x := y",
              "(x := y)", "*a", "**a", "f()()", "a, b", "(a, b)", "await x", "yield x", "(yield)", "not x",
              "x.y = 1", "x + y", "x or y", "[x][0]", "{x}.pop", "1", "'s'", "", "x,", "x:", "f(*a, **k)",
              "f(k=1, x)", "a.b c", "...", "x.", "@x", "x if y", "-x", "x[1:2]", "x for x in y"]
WALRUS_TARGETS = ["n", "a.b", "a[0]", "(a, b)", "*a", "True", "f()", "_"]
LAMBDA_FORMS = ["lambda: {e}", "lambda x: {e}", "(lambda: {e})", "lambda *a, **k: {e}", "lambda x=1, /, y=2, *, z: {e}",
                "lambda x, *: {e}", "lambda x: int: {e}", "lambda (x): {e}", "lambda x, x: {e}", "lambda *, **k: {e}",
                "lambda x=1, y: {e}", "lambda **k, x: {e}", "lambda: (yield)", "lambda: {e} if x else y",
                "lambda x=lambda: 1: {e}", "lambda /: {e}", "lambda *: {e}"]
AWAIT_FORMS = ["await {e}", "(await {e})", "await await {e}", "await -{e}", "-await {e}", "await {e} ** 2",
               "await *{e}"]
IMPORT_FORMS = ["from {d}{m} import {n}", "from {d} import {n}", "from {d} import ({n},)", "from {d}{m} import ({n})",
                "from {d}{m} import *", "from {d} import *", "import {d}{m}", "from {d}{m} import {n},",
                "from {d}{m} import {n} as", "from {d}{m} import {n}.{n}", "from {d}{m} import ()",
                "from {d}{m} import ({n}, *)", "from {d}{m} import {n} as {n}, {n}", "from __future__ import *",
                "from __future__ import annotations", "from {d}{m}.{m} import ({n} as {n},\n    {n})",
                "from {d}{m} import ({n}", "from {d}{m} import {n})", "from {d}{m}. import {n}",
                "from {d}{m} {n} import {n}", "from {d}{m} import {n} {n}", "from {d}{m} import *, {n}"]
MATCH_PATTERNS = ["1", "-1", "-1+2j", "1-2j", "'s' 'k'", "f'x'", "b'x'", "None", "True", "x", "_", "a.b", "a.b.c",
                  "x.y()", "Point(x=1, y=_)", "Point(1, y=2)", "Point(y=2, 1)", "[]", "()", "[x, *rest]",
                  "[*_]", "(x, y, *_)", "[*a, *b]", "{}", "{'k': v}", "{'k': v, **rest}", "{**rest}",
                  "{**rest, 'k': v}", "{**_}", "{x: 1}", "{a.b: 1}", "{1+1: x}", "1 | 2 | 3", "[x] | (y)",
                  "(1 as y)", "[1, 2] as z", "x as y", "_ as y", "x as _", "1 + 2", "f(x)", "x.y(z=1)(2)",
                  "a.b(c.d, e=f)", "x if y else z", "-x", "1 | x", "*x", "x, *y", "x, y", "{x}", "(x := 1)", "~1",
                  "1.5 + 2j", "-1.5 - 2j", "'a' | b'b'", "[x for x in y]", "Point(*a)", "Point(**k)", "{'k': 1 as z}",
                  "a | b as c", "(a | b) as c", "{'k': [1, {'j': _}]}", "A.B(C.D(x=[1, *y]))", "x.y as z.w", "()",
                  "(,)", "(x,)", "[x,]", "{'a': 1,}", "Point(x=1,)", "Point(,)", "0b1", "1_000", "...", "not x"]
FSTRING_INSERTS = ["{", "}", "{x}", "{x!r}", "{x!z}", "{x=}", "{x:>{w}}", "{x:{y:{z}}}", "{}", "{ }", "{x!}",
                   "{x:}", "{lambda x: 1}", "{(lambda x: 1)}", "{yield}", "{*a}", "{a:=1}", "{(a:=1)}", "{x!r:>3}",
                   "{{", "}}", "{'a'}", "{\"a\"}", "\\", "{\\n}", "{#}", "{x #}", "{x!r=}", "{x=!r}", "{a, b}",
                   "{await x}", "{x:=}", "{!r}", "{=}", "{x:{{}}}", "{x[0]}", "{x['k']}", "{f'{x}'}", "{...}"]
STAR_FORMS = ["*{e}", "*{e},", "(*{e})", "(*{e},)", "[*{e}]", "{{*{e}}}", "**{e}", "{{**{e}}}", "*{e}, *{e}"]
TARGET_FORMS = ["f()", "1", "'s'", "None", "True", "a + b", "a.b", "a[0]", "(a, b)", "[a, *b]", "*a", "(a)",
                "f(x).y", "a if b else c", "lambda: 0", "await a", "(yield)", "-a", "a < b", "{a}", "{'k': a}",
                "[a for a in b]", "(a, f())", "a.b()", "...", "__debug__", "(*a,)", "*a, *b", "f'{a}'", "a := b",
                "not a", "a and b", "()", "[]", "x,", "[a, (b, c)]"]
COMPREHENSION_INSERTS = [" if x", " for y in z", " async for y in z", " if x if y", " for y in z if w",
                         " for y, in z", " for (y) in z", " for y.z in w", " for f() in w", " for 1 in w", " if",
                         " for y in", " for in z", " else x", " if x else y", " for y in z, w", " for y in *z",
                         " for y in lambda: z", " if lambda: z", " if (x := 1)", " if x := 1", " for (x := 1) in y",
                         " for y in (x := z)", " for *y, in z", " for y in z async", " await for y in z"]


class Tok:
    __slots__ = ("start", "end", "type", "string")

    def __init__(self, start, end, type_, string):
        self.start, self.end, self.type, self.string = start, end, type_, string


class FileInfo:
    """A corpus file, read once: its text, tokens, AST and the sites each kind edits."""

    def __init__(self, text):
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.line_starts = []
        off = 0
        for line in self.lines:
            self.line_starts.append(off)
            off += len(line)
        self.line_starts.append(off)
        self.toks = []
        for t in tokenize.generate_tokens(io.StringIO(text).readline):
            if t.type in SKIP_TOKENS:
                continue
            self.toks.append(Tok(self.offset(*t.start), self.offset(*t.end), t.type, t.string))
        self.match = {}
        stack = []
        for i, t in enumerate(self.toks):
            if t.type == tokenize.OP and t.string in OPEN:
                stack.append(i)
            elif t.type == tokenize.OP and t.string in CLOSE and stack:
                self.match[stack.pop()] = i
        self.tree = ast.parse(text)
        self._sites = None

    def offset(self, row, col):
        return self.line_starts[row - 1] + col if row - 1 < len(self.line_starts) else len(self.text)

    def ast_offset(self, row, byte_col):
        line = self.lines[row - 1] if row - 1 < len(self.lines) else ""
        if not line.isascii():
            byte_col = len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))
        return self.offset(row, byte_col)

    def span(self, node):
        return (self.ast_offset(node.lineno, node.col_offset), self.ast_offset(node.end_lineno, node.end_col_offset))

    def tok_at(self, offset):
        """Index of the first token starting at or after `offset`."""
        lo, hi = 0, len(self.toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.toks[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def items(self, open_i, close_i):
        """The comma-separated items between tokens open_i and close_i: (start, end) offsets."""
        out, start, depth = [], open_i + 1, 0
        for k in range(open_i + 1, close_i + 1):
            s = self.toks[k].string
            if k == close_i or (depth == 0 and s == "," and self.toks[k].type == tokenize.OP):
                if k > start:
                    out.append((self.toks[start].start, self.toks[k - 1].end))
                start = k + 1
            elif self.toks[k].type == tokenize.OP and s in OPEN:
                depth += 1
            elif self.toks[k].type == tokenize.OP and s in CLOSE:
                depth -= 1
        return out

    def lambda_items(self, lam_i):
        """A lambda's parameters: (items, offset of its `:`), or None."""
        depth, nested, start, out = 0, 0, lam_i + 1, []
        for k in range(lam_i + 1, len(self.toks)):
            t = self.toks[k]
            if t.type == tokenize.OP and t.string in OPEN:
                depth += 1
            elif t.type == tokenize.OP and t.string in CLOSE:
                depth -= 1
                if depth < 0:
                    return None
            elif depth == 0 and t.string == "lambda":
                nested += 1
            elif depth == 0 and t.string == ":":
                if nested:
                    nested -= 1
                    continue
                if k > start:
                    out.append((self.toks[start].start, self.toks[k - 1].end))
                return out, t.start
            elif depth == 0 and nested == 0 and t.string == ",":
                if k > start:
                    out.append((self.toks[start].start, self.toks[k - 1].end))
                start = k + 1
        return None

    def sites(self):
        if self._sites is None:
            self._sites = Sites(self)
        return self._sites


class Sites:
    """Where each structure-aware kind can edit a file."""

    def __init__(self, info):
        self.params = []        # (items, insert offset if empty, is_lambda)
        self.calls = []         # (items, offset after `(`)
        self.decorated = []     # (line start offset of the first decorator or def, indent, [decorator line spans])
        self.exprs = []         # (start, end) of expressions
        self.names = []         # (start, end) of loaded names
        self.assigns = []       # offset of an assignment's `=`
        self.targets = []       # (start, end) of assignment / for / with / del targets
        self.stmts = []         # (offset of the statement's first char, indent text)
        self.fstrings = []      # (start, end) of f-string tokens
        self.strings = []       # start of plain string tokens
        self.imports = []       # (line start, line end) of `from ... import` statements
        self.comprehensions = []  # (offset before the closing bracket, offsets of each `for` / `if` clause)
        self.asyncs = []        # offsets of `async` tokens
        toks = info.toks
        for i, t in enumerate(toks):
            if t.string == "lambda" and t.type == tokenize.NAME:
                got = info.lambda_items(i)
                if got:
                    self.params.append((got[0], got[1], True))
            elif t.type == tokenize.STRING:
                prefix = t.string[:min(k for k in (t.string.find("'"), t.string.find('"')) if k >= 0)].lower()
                if "f" in prefix:
                    self.fstrings.append((t.start, t.end))
                else:
                    self.strings.append(t.start)
            elif t.string == "async" and t.type == tokenize.NAME:
                self.asyncs.append(t.start)
        for node in ast.walk(info.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                first = node.decorator_list[0].lineno - 1 if node.decorator_list else node.lineno - 1
                line = info.lines[first]
                indent = line[:len(line) - len(line.lstrip(" \t"))]
                decos = []
                for d in node.decorator_list:
                    a = info.line_starts[d.lineno - 1]
                    decos.append((a, info.line_starts[min(d.end_lineno, len(info.lines))]))
                self.decorated.append((info.line_starts[first], indent, decos))
                if not isinstance(node, ast.ClassDef):
                    k = info.tok_at(info.ast_offset(node.lineno, node.col_offset))
                    while k < len(toks) and toks[k].string != "(":
                        k += 1
                    if k in info.match:
                        self.params.append((info.items(k, info.match[k]), toks[k].end, False))
            if isinstance(node, ast.Call):
                k = info.tok_at(info.span(node.func)[1])
                if k < len(toks) and toks[k].string == "(" and k in info.match:
                    self.calls.append((info.items(k, info.match[k]), toks[k].end))
            if isinstance(node, ast.stmt):
                a = info.ast_offset(node.lineno, node.col_offset)
                line = info.lines[node.lineno - 1]
                self.stmts.append((a, line[:len(line) - len(line.lstrip(" \t"))]))
            if isinstance(node, ast.expr) and hasattr(node, "end_col_offset"):
                self.exprs.append(info.span(node))
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                    self.names.append(info.span(node))
            if isinstance(node, ast.Assign):
                k = info.tok_at(info.span(node.targets[0])[1])
                if k < len(toks) and toks[k].string == "=":
                    self.assigns.append(toks[k].start)
            for target in ((node.targets if isinstance(node, (ast.Assign, ast.Delete)) else []) +
                           ([node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For,
                                                               ast.AsyncFor, ast.comprehension)) else []) +
                           ([w.optional_vars for w in node.items if w.optional_vars]
                            if isinstance(node, (ast.With, ast.AsyncWith)) else [])):
                self.targets.append(info.span(target))
            if isinstance(node, ast.ImportFrom) or isinstance(node, ast.Import):
                self.imports.append(info.span(node))
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                a, b = info.span(node)
                clauses = []
                for k in range(info.tok_at(a), info.tok_at(b)):
                    if toks[k].string in ("for", "if", "async") and toks[k].type == tokenize.NAME:
                        clauses.append(toks[k].start)
                close = b - 1 if info.text[b - 1:b] in ")]}" else b
                self.comprehensions.append((close, clauses))


def _replace(text, a, b, s):
    return text[:a] + s + text[b:]


def _edit_items(text, rng, items, empty_at, inserts):
    """Delete, duplicate, move or swap one item of a comma-separated list, or insert one."""
    op = rng.choice(["delete", "dup", "move", "swap", "insert", "insert", "default_add", "default_drop",
                     "annotate", "unannotate"])
    if not items or op == "insert":
        new = rng.choice(inserts)
        if not items:
            return "insert", _replace(text, empty_at, empty_at, new)
        a, b = rng.choice(items)
        if rng.random() < 0.5:
            return "insert", _replace(text, a, a, new + ", ")
        return "insert", _replace(text, b, b, ", " + new)
    k = rng.randrange(len(items))
    a, b = items[k]
    item = text[a:b]
    if op == "delete":
        if k + 1 < len(items):
            return op, _replace(text, a, items[k + 1][0], "")
        if k > 0:
            return op, _replace(text, items[k - 1][1], b, "")
        return op, _replace(text, a, b, "")
    if op == "dup":
        return op, _replace(text, b, b, ", " + item)
    if op in ("move", "swap") and len(items) > 1:
        j = rng.randrange(len(items))
        while j == k:
            j = rng.randrange(len(items))
        c, d = items[j]
        other = text[c:d]
        if op == "swap":
            lo, hi = (k, j) if k < j else (j, k)
            (a1, b1), (a2, b2) = items[lo], items[hi]
            return op, text[:a1] + text[a2:b2] + text[b1:a2] + text[a1:b1] + text[b2:]
        # move item k before item j
        if j < k:
            return op, text[:c] + item + ", " + text[c:items[k - 1][1]] + text[b:]
        return op, text[:a] + text[items[k + 1][0]:d] + ", " + item + text[d:]
    if op == "default_add":
        return op, _replace(text, b, b, rng.choice(["=1", "=None", " = x", "=", "=*a", "=(yield)", "=lambda: 0"]))
    if op == "default_drop":
        eq = item.rfind("=")
        if eq <= 0 or item[eq - 1] in "=!<>:" or item[eq + 1:eq + 2] == "=":
            return None
        return op, _replace(text, a + eq, b, "")
    if op == "annotate":
        eq = item.find("=")
        at = a + eq if eq > 0 and item[eq - 1] not in "=!<>:" else b
        return op, _replace(text, at, at, rng.choice([": int", ": 'T'", ": *Ts", ": x[0]", ": lambda: 0", ":", ": a=b"]))
    if op == "unannotate":
        colon = item.find(":")
        if colon <= 0:
            return None
        eq = item.find("=", colon)
        return op, _replace(text, a + colon, a + eq if eq > 0 else b, "")
    return None


def _mutate_tokens(info, rng, kind):
    text, toks = info.text, info.toks
    if not toks:
        return None
    i = rng.randrange(len(toks))
    t = toks[i]
    if kind == "delete_token":
        return _replace(text, t.start, t.end, "")
    if kind == "dup_token":
        return _replace(text, t.end, t.end, " " + t.string if t.type == tokenize.NAME else t.string)
    if kind in ("swap_adjacent", "swap_nearby"):
        j = i + (1 if kind == "swap_adjacent" else rng.randint(2, 6))
        if j >= len(toks):
            return None
        u = toks[j]
        return text[:t.start] + u.string + text[t.end:u.start] + t.string + text[u.end:]
    if kind == "insert_token":
        at = rng.choice([t.start, t.end])
        return _replace(text, at, at, " " + rng.choice(VOCAB) + " ")
    if kind == "replace_token":
        return _replace(text, t.start, t.end, rng.choice(VOCAB))
    if kind == "swap_bracket_kind":
        brackets = [k for k in info.match]
        if not brackets:
            return None
        k = rng.choice(brackets)
        o = rng.choice("([{")
        c = {"(": ")", "[": "]", "{": "}"}[o]
        a, b = toks[k], toks[info.match[k]]
        if rng.random() < 0.5:  # only one side: a mismatched pair
            return _replace(text, a.start, a.end, o)
        return text[:a.start] + o + text[a.end:b.start] + c + text[b.end:]
    return None


def mutate(info, rng):
    """One seeded edit of `info`: (kind, new text), or None when the kind does not apply."""
    kind = rng.choice(KINDS)
    try:
        new = KIND_FUNCS[kind](info, rng, kind)
    except (IndexError, ValueError):
        return None
    if new is None:
        return None
    if isinstance(new, tuple):  # (sub-kind, text)
        kind, new = f"{kind}.{new[0]}", new[1]
    return kind, new


def _line_edits(info, rng, kind):
    text, lines = info.text, info.lines
    code = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if not code:
        return None
    i = rng.choice(code)
    line = lines[i] if lines[i].endswith("\n") else lines[i] + "\n"
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    a, b = info.line_starts[i], info.line_starts[i + 1]
    if kind == "dup_line_bad_indent":
        dup = " " * max(indent + rng.choice([-3, -2, -1, 1, 2, 3, 5]), 0) + stripped
        return _replace(text, b, b, dup if lines[i].endswith("\n") else "\n" + dup)
    if kind == "dup_line":
        return _replace(text, b, b, line if lines[i].endswith("\n") else "\n" + line)
    if kind == "delete_line":
        return _replace(text, a, b, "")
    if kind == "indent_line":
        return _replace(text, a, a, "    ")
    if kind == "dedent_line":
        return _replace(text, a, a + min(indent, 4), "") if indent else None
    if kind == "insert_tab":
        return _replace(text, a, a, "\t")
    return None


def _char_edits(info, rng, kind):
    text = info.text
    if kind == "delete_char":
        code = [i for i, c in enumerate(text) if not c.isspace()]
        if not code:
            return None
        i = rng.choice(code)
        return _replace(text, i, i + 1, "")
    if kind == "insert_bracket":
        i = rng.randrange(len(text) + 1)
        return _replace(text, i, i, rng.choice("()[]{}"))
    toks = info.toks
    if kind == "drop_close_bracket":
        cands = [t for t in toks if t.string in CLOSE and t.type == tokenize.OP]
    elif kind == "drop_colon":
        cands = [t for t in toks if t.string == ":"]
    else:  # delete_quote: the closing quote of a one-line string
        cands = [t for t in toks if t.type == tokenize.STRING and "\n" not in t.string]
    if not cands:
        return None
    t = rng.choice(cands)
    if kind == "delete_quote":
        return _replace(text, t.end - 1, t.end, "")
    return _replace(text, t.start, t.end, "")


def _params(info, rng, kind):
    s = info.sites().params
    if not s:
        return None
    items, empty_at, is_lambda = rng.choice(s)
    got = _edit_items(info.text, rng, items, empty_at, PARAM_INSERTS)
    if got is None:
        return None
    return ("lambda." if is_lambda else "def.") + got[0], got[1]


def _calls(info, rng, kind):
    s = info.sites().calls
    if not s:
        return None
    items, empty_at = rng.choice(s)
    return _edit_items(info.text, rng, items, empty_at, CALL_INSERTS)


def _decorators(info, rng, kind):
    s = info.sites().decorated
    if not s:
        return None
    start, indent, decos = rng.choice(s)
    text = info.text
    op = rng.choice(["add", "add", "delete", "dup"]) if decos else "add"
    if op == "add":
        return op, _replace(text, start, start, indent + "@" + rng.choice(DECORATORS) + "\n")
    a, b = rng.choice(decos)
    if op == "delete":
        return op, _replace(text, a, b, "")
    return op, _replace(text, b, b, text[a:b])


def _walrus(info, rng, kind):
    s = info.sites()
    text = info.text
    op = rng.choice(["assign", "wrap", "wrap_bare", "target"])
    if op == "assign" and s.assigns:
        at = rng.choice(s.assigns)
        return op, _replace(text, at, at + 1, ":=")
    if not s.names:
        return None
    a, b = rng.choice(s.names)
    name = text[a:b]
    if op == "wrap":
        return op, _replace(text, a, b, f"({name} := {name})")
    if op == "wrap_bare":
        return op, _replace(text, a, b, f"{name} := {name}")
    return op, _replace(text, a, b, f"({rng.choice(WALRUS_TARGETS)} := {name})")


def _expr_form(info, rng, forms):
    s = info.sites().exprs
    if not s:
        return None
    a, b = rng.choice(s)
    e = info.text[a:b]
    if len(e) > 200:
        return None
    return _replace(info.text, a, b, rng.choice(forms).replace("{e}", e).replace("{{", "{").replace("}}", "}"))


def _lambda(info, rng, kind):
    return _expr_form(info, rng, LAMBDA_FORMS)


def _star(info, rng, kind):
    return _expr_form(info, rng, STAR_FORMS)


def _async(info, rng, kind):
    s = info.sites()
    text = info.text
    op = rng.choice(["stmt", "stmt", "await", "delete", "comprehension"])
    if op == "stmt" and s.stmts:
        a, _ = rng.choice(s.stmts)
        return op, _replace(text, a, a, "async ")
    if op == "delete" and s.asyncs:
        a = rng.choice(s.asyncs)
        return op, _replace(text, a, a + 6, "")
    if op == "comprehension" and s.comprehensions:
        close, clauses = rng.choice(s.comprehensions)
        fors = [c for c in clauses if text.startswith("for", c)]
        if fors:
            a = rng.choice(fors)
            return op, _replace(text, a, a, "async ")
    got = _expr_form(info, rng, AWAIT_FORMS)
    return ("await", got) if got else None


def _match(info, rng, kind):
    s = info.sites().stmts
    if not s:
        return None
    a, indent = rng.choice(s)
    cases = []
    for _ in range(rng.randint(1, 3)):
        pattern = rng.choice(MATCH_PATTERNS)
        if rng.random() < 0.3:
            pattern = pattern + rng.choice([" | ", ", ", " as "]) + rng.choice(MATCH_PATTERNS)
        guard = rng.choice(["", "", " if x", " if (y := x)", " if y := x", " if", " if lambda: 1"])
        cases.append(f"{indent}    case {pattern}{guard}:\n{indent}        pass\n")
    subject = rng.choice(["x", "x, y", "*x, y", "(x := y)", "x := y", "f(x)", "x,", "", "await x", "-x", "lambda: x"])
    block = f"match {subject}:\n" + "".join(cases) + indent
    return _replace(info.text, a, a, block)


def _fstring(info, rng, kind):
    s = info.sites()
    text = info.text
    if s.fstrings and rng.random() < 0.7:
        a, b = rng.choice(s.fstrings)
        q = text.find(text[b - 1], a)  # the opening quote
        if not a <= q < b - 1:
            return None
        at = rng.randint(q + 1, b - 1)
        if rng.random() < 0.2:
            braces = [k for k in range(q + 1, b - 1) if text[k] in "{}"]
            if braces:
                k = rng.choice(braces)
                return "delete_brace", _replace(text, k, k + 1, "")
        return "insert", _replace(text, at, at, rng.choice(FSTRING_INSERTS))
    if not s.strings:
        return None
    a = rng.choice(s.strings)
    prefix = rng.choice(["f", "F", "rf", "fr", "bf", "uf", "ff", "f"])
    quote = next((k for k in range(a, min(a + 4, len(text))) if text[k] in "'\""), a)
    return "make_f", text[:a] + prefix + text[quote:]


def _imports(info, rng, kind):
    s = info.sites().imports
    text = info.text
    form = rng.choice(IMPORT_FORMS).format(d="." * rng.choice([0, 1, 1, 2, 3, 4, 5]), m=rng.choice(["a", "a.b"]),
                                           n=rng.choice(["x", "y"]))
    if s and rng.random() < 0.5:
        a, b = rng.choice(s)
        return _replace(text, a, b, form)
    stmts = info.sites().stmts
    if not stmts:
        return None
    a, indent = rng.choice(stmts)
    return _replace(text, a, a, form + "\n" + indent)


def _comprehension(info, rng, kind):
    s = info.sites().comprehensions
    if not s:
        return None
    close, clauses = rng.choice(s)
    text = info.text
    op = rng.choice(["append", "insert", "delete", "dup", "swap"])
    if op == "append":
        return op, _replace(text, close, close, rng.choice(COMPREHENSION_INSERTS))
    if not clauses:
        return None
    k = rng.randrange(len(clauses))
    a = clauses[k]
    b = clauses[k + 1] if k + 1 < len(clauses) else close
    if op == "insert":
        return op, _replace(text, a, a, rng.choice(COMPREHENSION_INSERTS).lstrip() + " ")
    if op == "delete":
        return op, _replace(text, a, b, "")
    if op == "dup":
        return op, _replace(text, b, b, " " + text[a:b].rstrip())
    if len(clauses) < 2:
        return None
    j = rng.randrange(len(clauses))
    if j == k:
        return None
    lo, hi = min(j, k), max(j, k)
    a1, b1 = clauses[lo], clauses[lo + 1]
    a2, b2 = clauses[hi], clauses[hi + 1] if hi + 1 < len(clauses) else close
    c1, c2 = text[a1:b1].rstrip() + " ", text[a2:b2].rstrip() + " "
    return op, text[:a1] + c2 + text[b1:a2] + c1 + text[b2:]


def _targets(info, rng, kind):
    s = info.sites().targets
    if not s:
        return None
    a, b = rng.choice(s)
    return _replace(info.text, a, b, rng.choice(TARGET_FORMS))


KIND_FUNCS = {}
for _k in ("delete_token", "dup_token", "swap_adjacent", "swap_nearby", "insert_token", "replace_token",
           "swap_bracket_kind"):
    KIND_FUNCS[_k] = _mutate_tokens
for _k in ("dup_line_bad_indent", "dup_line", "delete_line", "indent_line", "dedent_line", "insert_tab"):
    KIND_FUNCS[_k] = _line_edits
for _k in ("delete_char", "insert_bracket", "drop_close_bracket", "drop_colon", "delete_quote"):
    KIND_FUNCS[_k] = _char_edits
KIND_FUNCS.update({"params": _params, "call_args": _calls, "decorator": _decorators, "walrus": _walrus,
                   "lambda": _lambda, "star": _star, "async": _async, "match": _match, "fstring": _fstring,
                   "import": _imports, "comprehension": _comprehension, "target": _targets})
# Structure-aware kinds weigh more: they are the grammar's corners.
KINDS = sorted(KIND_FUNCS) + ["params"] * 4 + ["call_args"] * 3 + ["decorator", "walrus", "match", "fstring",
                                                                     "comprehension", "async", "import"]
