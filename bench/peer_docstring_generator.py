"""A straightforward Python docstring-trajectory generator: the peer trajc is measured against.

It does what a hand-written generator typically does, and less than trajc: picks a random
fixture and documented definition, parses the file with Python's ast, cuts the docstring
out of the user turn, and writes an inspect -> write -> submit conversation whose answer is
the author's docstring as it stands (no conversion to another style, no check, no schema
validation), so the ratio it gives is in the peer's favour.
"""
import argparse
import ast
import json
import os
import random
import sys


def documented(tree):
    out = []

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = prefix + child.name
                if ast.get_docstring(child) is not None:
                    out.append((name, child))
                walk(child, name + ".")
    walk(tree, "")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "docstring")
    files = sorted(f for f in os.listdir(root) if f.endswith(".py"))
    texts = {f: open(os.path.join(root, f), encoding="utf-8").read() for f in files}
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "train.jsonl"), "w", encoding="utf-8") as out:
        for i in range(args.count):
            name = rng.choice(files)
            text = texts[name]
            tree = ast.parse(text)  # per example, as such scripts do
            target, node = rng.choice(documented(tree))
            doc = node.body[0]
            lines = text.splitlines(True)
            stripped = "".join(lines[:doc.lineno - 1] + lines[doc.end_lineno:])
            params = [a.arg for a in node.args.args] if not isinstance(node, ast.ClassDef) else []
            calls = [("inspect_node", {"target": target}, {"target": target, "parameters": params}),
                     ("write_docstring", {"target": target, "docstring": ast.get_docstring(node)},
                      {"written": True}),
                     ("submit_result", {"summary": "Documented %s." % target, "documented": [target]}, None)]
            messages = [{"role": "system", "content": "You are a Python docstring subagent."},
                        {"role": "user", "content": "File: %s\n\n%s\n\nDocument %s." % (name, stripped, target)}]
            for k, (tool, arguments, result) in enumerate(calls):
                call_id = "call_%d_%d" % (i, k)
                messages.append({"role": "assistant", "content": None, "tool_calls": [
                    {"id": call_id, "type": "function",
                     "function": {"name": tool, "arguments": json.dumps(arguments)}}]})
                if result is not None:
                    messages.append({"role": "tool", "tool_call_id": call_id, "content": json.dumps(result)})
            out.write(json.dumps({"messages": messages}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
