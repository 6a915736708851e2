"""A straightforward Python test-trajectory generator: the peer trajc is measured against.

It does what a hand-written generator typically does, and less than trajc: picks a random
fixture and a function with doctest examples (Python's doctest finder on the imported
module), writes a test file asserting each example's output, and gets the run result by
executing that file in process (no pytest: no collection, ids, parametrize or messages),
then writes a write -> run -> submit conversation without schema validation. So the
ratio it gives is in the peer's favour.
"""
import argparse
import doctest
import importlib
import json
import os
import random
import sys


def cases(module):
    out = []
    for test in doctest.DocTestFinder().find(module):
        examples = [e for e in test.examples if e.want and not e.exc_msg]
        if examples and "." not in test.name[len(module.__name__) + 1:]:
            out.append((test.name.split(".")[-1], examples))
    return out


def run(test_source, module):
    namespace = dict(vars(module))
    exec(compile(test_source, "test_file.py", "exec"), namespace)
    passed = failed = 0
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            try:
                value()
                passed += 1
            except Exception:  # noqa: BLE001 - a failing test is data here
                failed += 1
    return passed, failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "test")
    sys.path.insert(0, root)
    files = sorted(f for f in os.listdir(root) if f.endswith(".py"))
    modules = {f: importlib.import_module(f[:-3]) for f in files}
    texts = {f: open(os.path.join(root, f), encoding="utf-8").read() for f in files}
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "train.jsonl"), "w", encoding="utf-8") as out:
        for i in range(args.count):
            name = rng.choice(files)
            module = modules[name]
            found = cases(module)  # per example, as such scripts do
            if not found:
                continue
            func, examples = rng.choice(found)
            body = "".join("    assert %s == %s\n" % (e.source.strip(), e.want.strip()) for e in examples)
            source = "from %s import *\n\n\ndef test_%s():\n%s" % (module.__name__, func, body)
            passed, failed = run(source, module)
            path = "tests/test_%s.py" % module.__name__
            numbered = "\n".join("%3d | %s" % (n, line) for n, line in enumerate(texts[name].splitlines(), 1))
            calls = [("write_test_file", {"path": path, "content": source}, {"path": path, "written": True}),
                     ("run_tests", {"path": path}, {"path": path, "passed": passed, "failed": failed}),
                     ("submit_result", {"summary": "Tested %s." % func, "test_file": path, "passed": passed,
                                        "failed": failed}, {})]
            messages = [{"role": "system", "content": "You are a Python testing subagent."},
                        {"role": "user", "content": "File: %s\n\n%s\n\nWrite tests for %s." % (name, numbered, func)}]
            for n, (tool, arguments, result) in enumerate(calls):
                call_id = "call_%d_%d" % (i, n)
                messages.append({"role": "assistant", "content": None, "tool_calls": [
                    {"id": call_id, "type": "function",
                     "function": {"name": tool, "arguments": json.dumps(arguments, separators=(",", ":"))}}]})
                messages.append({"role": "tool", "tool_call_id": call_id,
                                 "content": json.dumps(result, separators=(",", ":"))})
            out.write(json.dumps({"messages": messages}, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
