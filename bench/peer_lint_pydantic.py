"""The lint peer as such scripts are usually written: Pydantic models + jsonschema.

trajc's emission speed is measured against this script (bench/generate_throughput.sh). It
generates the same lint trajectories as `trajc --domain lint`, from the same inputs:
trajectories/lint/*.yaml (templates: `when`, instructions, steps, summary variants),
tool_schemas/lint.yaml (system prompt, context template, tool schemas) and the train
fixtures fixtures/lint/*.py.

What it does, per example:
  * picks (random.Random(seed)) a template among those that apply to at least one
    fixture, a fixture the template applies to, and an instruction phrasing;
    applicability is decided once at start-up, as trajc does: `when` (e.g.
    "fix_target_count >= 6") on one lint of each fixture, then a dry run of the template
    on each fixture that passes, which must meet every `expect: ok|error`;
  * runs the template's steps against an in-process environment holding the file's text:
    run_linter lints the current text with pycodestyle + pyflakes (flake8's engines,
    restricted to the 13 codes trajc supports, max-line-length 79, flake8-style `# noqa`);
    apply_fix edits the text with a small fixer per fixable code, then re-lints it to count
    what the fix removed and what remains; submit_result is checked against the
    environment's counts (issues_fixed, issues_remaining, changed_files);
  * validates every tool call's arguments against the tool's `parameters` schema and every
    tool result against its `returns` schema with jsonschema (validators built once);
  * builds every message as a Pydantic model (SystemMessage, UserMessage, AssistantMessage
    with ToolCall/FunctionCall, ToolMessage) inside a Record, and writes Record.json() as one
    line of DIR/train.jsonl. Tool call ids are "call_" + 12 chars from the seeded RNG.
  Should an example still not go as its template expects, it is dropped and its fixture
  re-drawn for the same template (does not happen: the steps do not depend on the draws).

What it does not do, compared with trajc:
  * no train/eval split, no eval fixtures, no manifest, no meta, no dedup, no template
    balancing (templates are drawn uniformly), no --jobs: one process, one train.jsonl;
  * no memoisation: every lint is really run (trajc caches analyses of identical texts);
  * the fixers are simple text edits, not trajc's token/tree-based edits: F401 rewrites the
    import statement on one line (a comment on it is lost, a sole statement in a block is
    deleted rather than replaced by `pass`); E302/E303 insert/delete blank lines above the
    reported line; E225 adds a space on both sides of the operator (trajc's edit adds one
    space at the reported position only); `# noqa` is honoured on the reported physical
    line only (flake8 also maps it over multi-line strings);
  * the output is not byte-identical to trajc's (different RNG, different draws), only the
    same shape and the same kinds of trajectories.

Run it with /usr/bin/python3 (Debian's python3-pycodestyle, -pyflakes, -jsonschema,
-pydantic, -yaml):
  /usr/bin/python3 bench/peer_lint_pydantic.py --count 2000 --seed 42 --out /tmp/peer
"""
import argparse
import ast
import json
import os
import re
import sys
from random import Random
from typing import List, Literal, NamedTuple, Optional, Union

import jsonschema
import pycodestyle
import yaml
from pydantic import BaseModel, Field
from pyflakes import checker as flakes_checker
from pyflakes import messages as flakes_messages

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

FIX_TITLES = {
    "E225": "Add missing whitespace",
    "E231": "Add missing whitespace",
    "E261": "Insert two spaces before the comment",
    "E302": "Add missing blank line(s)",
    "E303": "Remove extraneous blank line(s)",
    "E711": "Replace with `is` / `is not`",
    "E712": "Replace with `is` / `is not`",
    "F401": "Remove unused import",
    "W291": "Remove trailing whitespace",
    "W293": "Remove whitespace from blank line",
    "W391": "Remove trailing blank lines",
}
UNFIXABLE = {"E501", "F841"}
CODES = set(FIX_TITLES) | UNFIXABLE
FLAKES_CODES = {flakes_messages.UnusedImport: "F401", flakes_messages.UnusedVariable: "F841"}

# flake8 handles `# noqa` itself and turns pycodestyle's off (pycodestyle would treat
# `# noqa: E501` as a blanket noqa for every check on the line).
pycodestyle.noqa = lambda line: None
NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z][0-9]+(?:[,\s]+)?)+))?", re.I)


# ---------------------------------------------------------------------------- models

class Strict(BaseModel):
    class Config:
        extra = "forbid"


class FunctionCall(Strict):
    name: str
    arguments: str


class ToolCall(Strict):
    id: str = Field(..., regex=r"^call_[a-z0-9]{12}$")
    type: Literal["function"] = "function"
    function: FunctionCall


class SystemMessage(Strict):
    role: Literal["system"] = "system"
    content: str


class UserMessage(Strict):
    role: Literal["user"] = "user"
    content: str


class AssistantMessage(Strict):
    role: Literal["assistant"] = "assistant"
    content: Optional[str] = None
    tool_calls: List[ToolCall]


class ToolMessage(Strict):
    role: Literal["tool"] = "tool"
    tool_call_id: str
    content: str


class Record(Strict):
    messages: List[Union[SystemMessage, UserMessage, AssistantMessage, ToolMessage]]


class Issue(Strict):
    code: str
    line: int
    column: int
    message: str
    fixable: bool
    fix: Optional[str] = None


class RunLinterResult(Strict):
    path: str
    issues: List[Issue]
    issue_count: int
    fixable_count: int


class ApplyFixResult(Strict):
    applied: bool
    issue_code: str
    line_number: int
    fixed: Optional[int] = None
    remaining_issues: Optional[int] = None
    error: Optional[str] = None


class Finding(NamedTuple):
    line: int
    column: int
    code: str
    message: str
    name: Optional[str]  # F401: the import as pyflakes names it ("typing.List")


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------------------- linting

class _Report(pycodestyle.BaseReport):
    def __init__(self, options):
        super().__init__(options)
        self.found = []

    def error(self, line_number, offset, text, check):
        code = text[:4]
        if code in CODES:
            self.found.append(Finding(line_number, offset + 1, code, text[5:], None))
        return code


class Linter:
    def __init__(self):
        self.options = pycodestyle.StyleGuide(quiet=True, select=sorted(CODES), max_line_length=79).options

    def lint(self, path, text):
        lines = text.splitlines(True)
        report = _Report(self.options)
        pycodestyle.Checker(path, lines=lines, options=self.options, report=report).check_all()
        found = report.found
        try:
            tree = ast.parse(text, filename=path)
        except SyntaxError:
            tree = None
        if tree is not None:
            for m in flakes_checker.Checker(tree, filename=path).messages:
                code = FLAKES_CODES.get(type(m))
                if code:
                    found.append(Finding(m.lineno, m.col + 1, code, m.message % m.message_args,
                                         m.message_args[0] if code == "F401" else None))
        kept = []
        for f in found:
            noqa = NOQA.search(lines[f.line - 1]) if f.line <= len(lines) else None
            if noqa:
                codes = noqa.group("codes")
                if not codes or any(f.code.startswith(c) for c in re.split(r"[,\s]+", codes.upper()) if c):
                    continue
            kept.append(f)
        kept.sort(key=lambda f: (f.line, f.column, f.code))
        return kept


# ---------------------------------------------------------------------------- fixers
# Each takes the file's lines (with their newlines), the 0-based index of the reported
# line and the findings of one code on it (sorted by column), and edits `lines` in place.

OPERATORS = sorted(["**=", "//=", "<<=", ">>=", "*=", "/=", "+=", "-=", "!=", "<>", "%=", "^=", "&=", "|=",
                    "==", "<=", ">=", "->", ":=", "**", "//", "<<", ">>", "<", ">", "=", "*", "/", "+",
                    "-", "%", "^", "&", "|", "@"], key=len, reverse=True)


def _body(line):
    stripped = line.rstrip("\r\n")
    return stripped, line[len(stripped):]


def fix_trailing_whitespace(lines, i, found):
    body, eol = _body(lines[i])
    lines[i] = body.rstrip(" \t\f\v") + eol


def fix_blank_line_at_eof(lines, i, found):
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"


def fix_operator_space(lines, i, found):
    body, eol = _body(lines[i])
    for f in reversed(found):
        p = f.column - 1
        op = next((o for o in OPERATORS if body.startswith(o, p)), None)
        if op is None:  # reported after the operator: the space after it is missing
            body = body[:p] + " " + body[p:]
            continue
        end = p + len(op)
        after = "" if end < len(body) and body[end] == " " else " "
        before = "" if p > 0 and body[p - 1] == " " else " "
        body = body[:p] + before + op + after + body[end:]
    lines[i] = body + eol


def fix_space_after(lines, i, found):
    body, eol = _body(lines[i])
    for f in reversed(found):
        body = body[:f.column] + " " + body[f.column:]
    lines[i] = body + eol


def fix_inline_comment(lines, i, found):
    body, eol = _body(lines[i])
    for f in reversed(found):
        p = f.column - 1
        hash_at = body.find("#", p)
        if hash_at >= 0:
            body = body[:p].rstrip(" \t") + "  " + body[hash_at:]
    lines[i] = body + eol


def fix_comparison(lines, i, found):
    body, eol = _body(lines[i])
    for f in reversed(found):
        p = f.column - 1
        op = body[p:p + 2]
        if op in ("==", "!="):
            body = body[:p].rstrip() + (" is " if op == "==" else " is not ") + body[p + 2:].lstrip()
    lines[i] = body + eol


def fix_too_few_blank_lines(lines, i, found):
    m = re.search(r"found (\d+)", found[0].message)
    missing = 2 - int(m.group(1)) if m else 1
    top = i
    while top > 0 and lines[top - 1].lstrip().startswith("#"):  # keep comments with their def
        top -= 1
    lines[top:top] = ["\n"] * max(missing, 0)


def fix_too_many_blank_lines(lines, i, found):
    allowed = 1 if found[0].column > 1 else 2
    blanks = 0
    while i - blanks - 1 >= 0 and not lines[i - blanks - 1].strip():
        blanks += 1
    extra = blanks - allowed
    if extra > 0:
        del lines[i - blanks:i - blanks + extra]


def _import_label(node, alias):
    if isinstance(node, ast.ImportFrom):
        label = "." * node.level + (node.module or "")
        label = (label + "." if node.module else label) + alias.name
    else:
        label = alias.name
    return label + (" as " + alias.asname if alias.asname else "")


def fix_unused_import(lines, i, found):
    unused = {f.name for f in found}
    tree = ast.parse("".join(lines))
    node = next((n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) and n.lineno == i + 1), None)
    if node is None:
        return
    kept = [a for a in node.names if _import_label(node, a) not in unused]
    start, end = node.lineno - 1, node.end_lineno
    if not kept:
        del lines[start:end]
        return
    indent = lines[start][:len(lines[start]) - len(lines[start].lstrip())]
    names = ", ".join(a.name + (" as " + a.asname if a.asname else "") for a in kept)
    if isinstance(node, ast.ImportFrom):
        text = "from %s%s import %s" % ("." * node.level, node.module or "", names)
    else:
        text = "import " + names
    lines[start:end] = [indent + text + "\n"]


FIXERS = {
    "W291": fix_trailing_whitespace, "W293": fix_trailing_whitespace, "W391": fix_blank_line_at_eof,
    "E225": fix_operator_space, "E231": fix_space_after, "E261": fix_inline_comment,
    "E711": fix_comparison, "E712": fix_comparison, "E302": fix_too_few_blank_lines,
    "E303": fix_too_many_blank_lines, "F401": fix_unused_import,
}


# ---------------------------------------------------------------------------- environment

def issue_view(findings):
    targets = sorted({(f.line, f.code) for f in findings if f.code in FIXERS})
    asc = [{"code": code, "line": line} for line, code in targets]
    desc = sorted(asc, key=lambda t: -t["line"])  # stable: same code order on one line
    fixable = sum(1 for f in findings if f.code in FIXERS)
    return {"fix_targets": desc, "fix_targets_asc": asc, "fix_target_count": len(asc),
            "issue_count": len(findings), "fixable_count": fixable, "unfixable_count": len(findings) - fixable,
            "codes": sorted({f.code for f in findings})}


class LintEnvironment:
    def __init__(self, linter, path, text):
        self.linter, self.path, self.original, self.text = linter, path, text, text
        self.findings = linter.lint(path, text)
        self.seen = {}
        self.issues_fixed = 0
        self.fixed_codes = set()

    def run_linter(self, args):
        issues = [Issue(code=f.code, line=f.line, column=f.column, message=f.message, fixable=f.code in FIXERS,
                        fix=FIX_TITLES[f.code] if f.code in FIXERS and not args["check_only"] else None)
                  for f in self.findings]
        self.seen = issue_view(self.findings)
        result = RunLinterResult(path=self.path, issues=issues, issue_count=len(issues),
                                 fixable_count=self.seen["fixable_count"])
        return result.dict(exclude_none=True), True

    def apply_fix(self, args):
        code, line = args["issue_code"], args["line_number"]
        if code not in CODES:
            return self._failure(code, line, "unknown issue code '%s'" % code)
        if code in UNFIXABLE:
            return self._failure(code, line, "%s has no automatic fix; it must be edited by hand" % code)
        found = [f for f in self.findings if f.code == code and f.line == line]
        if not found:
            return self._failure(code, line, "no %s issue at line %d of the current file; line numbers may "
                                             "have changed, run run_linter again" % (code, line))
        lines = self.text.splitlines(True)
        FIXERS[code](lines, line - 1, found)
        self.text = "".join(lines)
        before = sum(1 for f in self.findings if f.code == code)
        self.findings = self.linter.lint(self.path, self.text)
        removed = max(0, before - sum(1 for f in self.findings if f.code == code))
        self.issues_fixed += removed
        if removed:
            self.fixed_codes.add(code)
        result = ApplyFixResult(applied=True, issue_code=code, line_number=line, fixed=removed,
                                remaining_issues=len(self.findings))
        return result.dict(exclude_none=True), True

    @staticmethod
    def _failure(code, line, error):
        result = ApplyFixResult(applied=False, issue_code=code, line_number=line, error=error)
        return result.dict(exclude_none=True), False

    def truth(self):
        return {"issues_fixed": self.issues_fixed, "issues_remaining": len(self.findings),
                "changed_files": [] if self.text == self.original else [self.path],
                "fixed_codes": sorted(self.fixed_codes), "remaining_codes": sorted({f.code for f in self.findings})}

    def check_submit(self, args):
        truth = self.truth()
        for key in ("issues_fixed", "issues_remaining", "changed_files"):
            if args[key] != truth[key]:
                raise Rejected("submit_result %s is %r, the environment says %r" % (key, args[key], truth[key]))


# ---------------------------------------------------------------------------- templates

class Rejected(Exception):
    pass


PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
FILTER = re.compile(r"(\w+)\('(.*)'\)$")
CONDITION = re.compile(r"^\s*(\w+)\s*(==|!=|>=|<=|>|<)\s*(\d+)\s*$")
COMPARE = {"==": int.__eq__, "!=": int.__ne__, ">=": int.__ge__, "<=": int.__le__, ">": int.__gt__, "<": int.__lt__}


def plural(noun):
    return noun + ("es" if noun.endswith(("s", "x", "z", "ch", "sh")) else "s")


def resolve(expr, scope):
    path, *filters = [part.strip() for part in expr.split("|")]
    value = scope
    for key in path.split("."):
        value = value[int(key)] if isinstance(value, list) else value[key]
    for f in filters:
        name, arg = FILTER.match(f).groups()
        if name == "join":
            value = arg.join(str(v) for v in value)
        elif name == "plural":
            value = "%d %s" % (value, arg if value == 1 else plural(arg))
        else:
            raise ValueError("unknown filter " + name)
    return value


def render(value, scope, rng):
    if isinstance(value, dict):
        if "variants" in value:
            return render(rng.choice(value["variants"]), scope, rng)
        return {k: render(v, scope, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [render(v, scope, rng) for v in value]
    if isinstance(value, str):
        whole = PLACEHOLDER.fullmatch(value)
        if whole:  # a lone placeholder keeps its type: "{{target.line}}" is an int
            return resolve(whole.group(1), scope)
        return PLACEHOLDER.sub(lambda m: str(resolve(m.group(1), scope)), value)
    return value


def applies(template, view):
    for condition in template.get("when", []):
        name, op, number = CONDITION.match(condition).groups()
        if not COMPARE[op](view[name], int(number)):
            return False
    return True


def numbered(text):
    lines = text.splitlines()
    width = len(str(max(len(lines), 1)))
    return "\n".join("%*d | %s" % (width, n, line) for n, line in enumerate(lines, 1))


# ---------------------------------------------------------------------------- generator

class Generator:
    def __init__(self, seed):
        self.rng = Random(seed)
        with open(os.path.join(ROOT, "tool_schemas", "lint.yaml"), encoding="utf-8") as f:
            schema = yaml.safe_load(f)
        self.system_prompt = schema["system_prompt"]
        self.context_template = schema["context_template"]
        self.params, self.returns = {}, {}
        for tool in schema["tools"]:
            for schemas, key in ((self.params, "parameters"), (self.returns, "returns")):
                if key in tool:
                    cls = jsonschema.validators.validator_for(tool[key])
                    cls.check_schema(tool[key])
                    schemas[tool["name"]] = cls(tool[key])
        tdir = os.path.join(ROOT, "trajectories", "lint")
        templates = []
        for name in sorted(os.listdir(tdir)):
            if name.endswith(".yaml"):
                with open(os.path.join(tdir, name), encoding="utf-8") as f:
                    templates.append(yaml.safe_load(f))
        fdir = os.path.join(ROOT, "fixtures", "lint")
        self.linter = Linter()
        self.fixtures = {}
        for name in sorted(os.listdir(fdir)):
            if name.endswith(".py"):
                with open(os.path.join(fdir, name), encoding="utf-8") as f:
                    self.fixtures[name] = f.read()
        views = {name: issue_view(self.linter.lint(name, text)) for name, text in self.fixtures.items()}
        # Like trajc, a (template, fixture) pair is viable when `when` holds on the fixture's
        # findings and a dry run of the template on it meets every `expect:`.
        self.plan = []  # (template, [fixtures it applies to])
        rng, self.rng = self.rng, Random(0)
        for t in templates:
            fits = [name for name in self.fixtures if applies(t, views[name]) and self.viable(t, name)]
            if fits:
                self.plan.append((t, fits))
        self.rng = rng
        self.rejected = 0

    def viable(self, template, path):
        try:
            self.example(template, [path])
            return True
        except Rejected:
            return False

    def call_id(self):
        return "call_" + "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))

    def example(self, template, fits):
        path = self.rng.choice(fits)
        text = self.fixtures[path]
        env = LintEnvironment(self.linter, path, text)
        scope = {"path": path}
        instruction = render(self.rng.choice(template["instruction"]), scope, self.rng)
        context = render(self.context_template, {"path": path, "line_count": len(text.splitlines()),
                                                 "numbered_source": numbered(text), "instruction": instruction},
                         self.rng)
        messages = [SystemMessage(content=self.system_prompt), UserMessage(content=context)]
        self.steps(template["steps"], env, scope, messages)
        last = messages[-1]
        if not isinstance(last, AssistantMessage) or last.tool_calls[0].function.name != "submit_result":
            raise Rejected("the trajectory does not end with submit_result")
        return Record(messages=messages)

    def steps(self, steps, env, scope, messages):
        for step in steps:
            if "for_each" in step:
                scope["env"], scope["seen"] = env.truth(), env.seen
                for item in list(resolve(step["for_each"], scope)):
                    scope[step["as"]] = item
                    self.steps(step["do"], env, scope, messages)
                continue
            name = step["call"]
            scope["env"], scope["seen"] = env.truth(), env.seen
            args = render(step.get("args", {}), scope, self.rng)
            self.params[name].validate(args)
            call_id = self.call_id()
            messages.append(AssistantMessage(tool_calls=[
                ToolCall(id=call_id, function=FunctionCall(name=name, arguments=compact(args)))]))
            if name == "submit_result":
                env.check_submit(args)
                continue
            result, ok = env.run_linter(args) if name == "run_linter" else env.apply_fix(args)
            self.returns[name].validate(result)
            messages.append(ToolMessage(tool_call_id=call_id, content=compact(result)))
            expect = step.get("expect")
            if (expect == "ok" and not ok) or (expect == "error" and ok):
                raise Rejected("%s: expected %s" % (name, expect))

    def generate(self, count, out):
        for _ in range(count):
            template, fits = self.rng.choice(self.plan)
            for attempt in range(100):  # keep the template, redraw the fixture
                try:
                    record = self.example(template, fits)
                    break
                except Rejected:
                    self.rejected += 1
            else:
                raise SystemExit("%s: no fixture gives the expected trajectory" % template["id"])
            out.write(record.json(separators=(",", ":"), ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    generator = Generator(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "train.jsonl"), "w", encoding="utf-8") as out:
        generator.generate(args.count, out)
    print("%d examples, %d drafts rejected" % (args.count, generator.rejected), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
