"""A straightforward Python lint-trajectory generator: the peer trajc is measured against.

It does what a hand-written generator typically does, and less than trajc: picks a random
fixture, lints it in process with pycodestyle + pyflakes (flake8's engines), and writes a
run_linter -> submit_result conversation as JSON. No fixes are applied and nothing is
validated, so the ratio it gives is in the peer's favour.
"""
import argparse
import json
import os
import random
import sys

import pycodestyle
from pyflakes import api as flakes_api
from pyflakes import reporter as flakes_reporter

CODES = {"F401", "F841", "E225", "E231", "E261", "E302", "E303", "E501",
         "E711", "E712", "W291", "W293", "W391"}


class _Collect(flakes_reporter.Reporter):
    def __init__(self):
        self.found = []

    def flake(self, message):
        self.found.append(message)

    def unexpectedError(self, filename, msg):
        pass

    def syntaxError(self, filename, msg, lineno, offset, text):
        pass


class _Report(pycodestyle.BaseReport):
    def __init__(self, options):
        super().__init__(options)
        self.found = []

    def error(self, line_number, offset, text, check):
        code = text[:4]
        if code in CODES:
            self.found.append((line_number, offset + 1, code, text[5:]))
        return code


def lint(path, text, options):
    report = _Report(options)
    checker = pycodestyle.Checker(path, lines=text.splitlines(True), options=options, report=report)
    checker.check_all()
    issues = list(report.found)
    collector = _Collect()
    flakes_api.check(text, path, collector)
    for m in collector.found:
        code = {"UnusedImport": "F401", "UnusedVariable": "F841"}.get(type(m).__name__)
        if code:
            issues.append((m.lineno, m.col + 1, code, m.message % m.message_args))
    return sorted(issues)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "lint")
    files = sorted(f for f in os.listdir(root) if f.endswith(".py"))
    texts = {f: open(os.path.join(root, f), encoding="utf-8").read() for f in files}
    options = pycodestyle.StyleGuide(quiet=True, select=sorted(CODES)).options
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "train.jsonl"), "w", encoding="utf-8") as out:
        for i in range(args.count):
            name = rng.choice(files)
            issues = lint(name, texts[name], options)
            result = {"issues": [{"code": c, "line": l, "column": col, "message": m} for l, col, c, m in issues]}
            messages = [
                {"role": "system", "content": "You are a Python lint subagent."},
                {"role": "user", "content": "File: %s\n\n%s\n\nLint it." % (name, texts[name])},
                {"role": "assistant", "content": None, "tool_calls": [{"id": "call_%d" % i, "type": "function",
                 "function": {"name": "run_linter", "arguments": json.dumps({"check_only": True})}}]},
                {"role": "tool", "tool_call_id": "call_%d" % i, "content": json.dumps(result)},
                {"role": "assistant", "content": None, "tool_calls": [{"id": "call_%d_s" % i, "type": "function",
                 "function": {"name": "submit_result", "arguments": json.dumps({"summary": "%d issues" % len(issues)})}}]},
            ]
            out.write(json.dumps({"messages": messages}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
