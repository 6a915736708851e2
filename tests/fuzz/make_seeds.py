#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from the project's own inputs at run time.

usage: make_seeds.py SOURCE_DIR OUT_DIR

Writes OUT_DIR/<target>/<n> (the folder is emptied first). Nothing here is kept in the
repository: the seeds follow the inputs as they change. Every file is capped at
MAX_BYTES so that a seed never makes one execution slow.
"""
import glob
import hashlib
import json
import os
import shutil
import sys

MAX_BYTES = 64 * 1024
# Debian's libtest-json-schema-acceptance-perl: the JSON-Schema-Test-Suite (a test-time
# dependency already, scripts/setup.sh); its schemas and instances seed the schema target.
SCHEMA_SUITE = "/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance/tests"


def files(root, *patterns):
    found = set()
    for pattern in patterns:
        found.update(glob.glob(os.path.join(root, pattern), recursive=True))
    return sorted(f for f in found if os.path.isfile(f) and "/build" not in f[len(root):])


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Corpus:
    def __init__(self, out, target):
        self.dir = os.path.join(out, target)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.count = 0

    def add(self, data):
        if isinstance(data, str):
            data = data.encode()
        data = data[:MAX_BYTES]
        # Named by content, as libFuzzer names its own: duplicates collapse.
        with open(os.path.join(self.dir, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        self.count += 1


def jsonl_lines(paths, per_file):
    for path in paths:
        with open(path, "rb") as f:
            for i, line in enumerate(f):
                if i >= per_file:
                    break
                yield line.rstrip(b"\n")


def main():
    src, out = sys.argv[1], sys.argv[2]
    yamls = files(src, "tool_schemas/*.yaml", "trajectories/**/*.yaml", "fixtures/**/*.yaml",
                  "examples/**/*.yaml", "tests/**/*.yaml")
    jsonls = files(src, "tests/golden/**/*.jsonl", "examples/**/*.jsonl", "tests/**/*.jsonl")
    suite = sorted(glob.glob(os.path.join(SCHEMA_SUITE, "draft2020-12", "*.json")) +
                   glob.glob(os.path.join(SCHEMA_SUITE, "draft7", "*.json")))

    c = Corpus(out, "yaml")
    for path in yamls:
        c.add(read(path))

    c = Corpus(out, "subagent")
    for path in files(src, "tool_schemas/*.yaml", "examples/**/*.yaml", "tests/**/*.yaml"):
        data = read(path)
        if b"system_prompt" in data:
            c.add(data)

    # template_fuzz takes the domain from a first-line comment.
    c = Corpus(out, "template")
    for path in files(src, "trajectories/*/*.yaml"):
        domain = os.path.basename(os.path.dirname(path))
        c.add(b"# " + domain.encode() + b"\n" + read(path))

    c = Corpus(out, "python")
    for path in files(src, "fixtures/**/*.py", "tests/unit/lint/fixtures/*.py", "tests/unit/lint/syntax_errors/**/*.py",
                      "examples/**/*.py"):
        c.add(read(path))

    c = Corpus(out, "json")
    for line in jsonl_lines(jsonls, 3):
        c.add(line)
    for path in files(src, "tests/golden/**/*.json") + suite[:40]:
        c.add(read(path))

    # records_fuzz: train lines, then optionally a form feed and eval lines.
    c = Corpus(out, "records")
    for path in jsonls:
        head = b"\n".join(jsonl_lines([path], 4)) + b"\n"
        c.add(head)
        c.add(head + b"\f" + head)

    # schema_fuzz: schema NUL instance, one per test of the suite.
    c = Corpus(out, "schema")
    for path in suite:
        with open(path, encoding="utf-8") as f:
            for case in json.load(f):
                schema = json.dumps(case["schema"])
                for test in case["tests"]:
                    c.add(schema + "\0" + json.dumps(test["data"]))

    for target in sorted(os.listdir(out)):
        print(f"seeds: {target}: {len(os.listdir(os.path.join(out, target)))}")


if __name__ == "__main__":
    main()
