"""A straightforward Python sample-data-trajectory generator: the peer trajc is measured against.

It does what a hand-written generator typically does, and less than trajc: picks a random
fixture, parses it with Python's ast (per example, as such scripts do), picks a dataclass,
TypedDict, NamedTuple, Enum or annotated function, makes random values from the annotation
with the random module (small word lists, no field-name vocabularies, no defaults left
out, no wrong first write), and writes an inspect -> write -> validate -> submit
conversation whose validate result is simply claimed valid (no validation, no schema
check), so the ratio it gives is in the peer's favour.
"""
import argparse
import ast
import json
import os
import random
import sys

WORDS = ["alpha", "harbor", "cedar", "summit", "falcon", "orbit", "meadow", "quartz"]
NAMES = ["Ada Lovelace", "Liam Okafor", "Sofia Rossi", "Noah Nguyen", "Maya Schmidt"]


def models(tree):
    out = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            bases = [ast.unparse(b) for b in node.bases]
            decorators = [ast.unparse(d) for d in node.decorator_list]
            fields = [(s.target.id, s.annotation) for s in node.body
                      if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
            if any(b in ("Enum", "StrEnum", "IntEnum") for b in bases):
                values = [ast.literal_eval(s.value) for s in node.body
                          if isinstance(s, ast.Assign) and not s.targets[0].id.startswith("_")]
                out[node.name] = ("enum", values)
            elif "TypedDict" in bases or "NamedTuple" in bases or any(d.startswith("dataclass") for d in decorators):
                out[node.name] = ("model", fields)
        elif isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            params = node.args.args + node.args.kwonlyargs
            if params and all(a.annotation is not None for a in params):
                out[node.name] = ("model", [(a.arg, a.annotation) for a in params])
    return out


def value(annotation, known, rng, depth=0):
    text = ast.unparse(annotation)
    if isinstance(annotation, ast.BinOp):  # X | None
        return None if rng.random() < 0.25 else value(annotation.left, known, rng, depth)
    if isinstance(annotation, ast.Subscript):
        head = ast.unparse(annotation.value)
        args = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
        if head == "Optional":
            return None if rng.random() < 0.25 else value(args[0], known, rng, depth)
        if head == "Literal":
            return ast.literal_eval(rng.choice(args))
        if head in ("list", "set"):
            return [value(args[0], known, rng, depth + 1) for _ in range(rng.randint(1, 3))]
        if head == "tuple":
            if len(args) == 2 and ast.unparse(args[1]) == "...":
                return [value(args[0], known, rng, depth + 1) for _ in range(rng.randint(1, 3))]
            return [value(a, known, rng, depth + 1) for a in args]
        if head == "dict":
            return {rng.choice(WORDS): value(args[1], known, rng, depth + 1) for _ in range(rng.randint(1, 3))}
    if text == "int":
        return rng.randint(0, 100)
    if text == "float":
        return round(rng.uniform(0, 1000), 2)
    if text == "str":
        return rng.choice(NAMES + WORDS)
    if text == "bool":
        return rng.random() < 0.5
    if text == "date":
        return "%04d-%02d-%02d" % (rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
    if text == "datetime":
        return "%04d-%02d-%02dT%02d:00:00" % (rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28),
                                              rng.randint(7, 20))
    if text in known:
        kind, body = known[text]
        if kind == "enum":
            return rng.choice(body)
        return {name: value(a, known, rng, depth + 1) for name, a in body}
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(__file__), "..", "fixtures", "sample_data")
    files = sorted(f for f in os.listdir(root) if f.endswith(".py"))
    texts = {f: open(os.path.join(root, f), encoding="utf-8").read() for f in files}
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "train.jsonl"), "w", encoding="utf-8") as out:
        for i in range(args.count):
            name = rng.choice(files)
            text = texts[name]
            known = models(ast.parse(text))  # per example, as such scripts do
            target = rng.choice(sorted(known))
            kind, body = known[target]
            if kind == "enum":
                samples = list(body)
            else:
                samples = [{n: value(a, known, rng) for n, a in body} for _ in range(rng.randint(2, 4))]
            written = {"target": target, "written": len(samples)}
            calls = [("inspect_model", {"target": target}, {"target": target, "kind": kind}),
                     ("write_samples", {"target": target, "samples": samples}, written),
                     ("validate_samples", {"target": target}, {"target": target, "valid": True, "errors": []}),
                     ("submit_result", {"summary": "Wrote %d samples." % len(samples), "target": target,
                                        "sample_count": len(samples), "valid": True}, None)]
            lines = text.splitlines()
            numbered = "\n".join("%3d | %s" % (k + 1, line) for k, line in enumerate(lines))
            user = "File: %s\n\n%s\n\nWrite samples for %s." % (name, numbered, target)
            messages = [{"role": "system", "content": "You are a Python sample-data subagent."},
                        {"role": "user", "content": user}]
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
