#!/usr/bin/python3
"""E999 of trajc's lint against CPython's own `ast.parse` on seeded mutants of real files.

usage: bench/e999_vs_ast.py [--dump BUILD/tests/unit/lint/lint_dump] [-n 100000] [--seed 1]
                            [--max-bytes 20000] [--batch 2000] [--keep DIR] [-v] [--strict]
                            [FILE_OR_DIR...]   (default /usr/lib/python3.11)

flake8 5 reports E999 exactly when `ast.parse` raises, so the oracle is this interpreter's
compile(text, path, 'exec', ast.PyCF_ONLY_AST), run in-process (errors only the bytecode
compiler or the symbol table raise, such as `return` outside a function, are not E999).
Mutants come from bench/e999_mutate.py (one seeded edit each); trajc's side is
`lint_dump --select E999` over batches of mutant files, run while the next batch is made.
Prints agreement on whether there is an E999, on its line and on its message, per
mutation kind. -v lists the disagreements; --keep DIR saves each disagreeing mutant there
(NNNNNN.py, its kind and both verdicts in NNNNNN.txt). --strict: exit 1 when presence
disagrees anywhere (the ctest `lint_e999_vs_ast` runs a fixed sample that way).

Corpus files that do not parse themselves, or that tokenize cannot read, are skipped.
"""
import argparse
import ast
import collections
import os
import random
import subprocess
import sys
import tempfile
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e999_mutate import FileInfo, mutate  # noqa: E402
from lint_vs_flake8 import collect  # noqa: E402


def oracle(text):
    """(row, "Type: message") of the error ast.parse raises, or None: flake8's E999."""
    try:
        compile(text, "m.py", "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return (e.lineno or 1, f"{type(e).__name__}: {e.args[0]}")
    except (ValueError, TypeError, RecursionError, MemoryError) as e:
        return (1, f"{type(e).__name__}: {e}")
    return None


def load_corpus(paths, max_bytes):
    infos = []
    for f in collect(paths):
        try:
            if os.path.getsize(f) > max_bytes:
                continue
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
            if not text.strip() or "\r" in text or "\f" in text:
                continue
            infos.append((f, FileInfo(text)))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError) as e:
            if not isinstance(e, (OSError, UnicodeDecodeError, SyntaxError)):
                print(f"skipped {f}: {e}", file=sys.stderr)
            continue
    return infos


def run_dump(dump, files):
    return subprocess.Popen([dump, "--select", "E999", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, errors="replace")


def read_dump(proc):
    out, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"lint_dump failed ({proc.returncode}): {err[:2000]}")
    found = {}
    for line in out.splitlines():
        try:
            path, row, _col, rest = line.split(":", 3)
        except ValueError:
            continue
        found[path] = (int(row), rest.strip()[len("E999 "):])
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default=os.path.join(os.path.dirname(__file__), "..", "build", "tests", "unit", "lint", "lint_dump"))
    ap.add_argument("-n", type=int, default=100000, help="mutants")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-bytes", type=int, default=20000, help="skip larger corpus files")
    ap.add_argument("--batch", type=int, default=2000, help="mutants per lint_dump run")
    ap.add_argument("--keep", help="save the disagreeing mutants here")
    ap.add_argument("-v", action="store_true", help="print every disagreement")
    ap.add_argument("--strict", action="store_true", help="exit 1 on any presence disagreement")
    ap.add_argument("paths", nargs="*", default=["/usr/lib/python3.11"])
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        print(f"python {sys.version.split()[0]} is not 3.11, whose ast.parse is the oracle: skipped")
        return 77
    warnings.simplefilter("ignore")  # SyntaxWarnings of the corpus and the mutants
    t0 = time.time()
    corpus = load_corpus(args.paths, args.max_bytes)
    if not corpus:
        sys.exit("no corpus file parses")
    t_load = time.time() - t0
    rng = random.Random(args.seed)
    per_kind = collections.defaultdict(collections.Counter)
    total = collections.Counter()
    disagreements = []
    t_oracle = 0.0
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)

    def score(batch, ours):
        for path, kind, src, text, theirs in batch:
            o = ours.get(path)
            for c in (per_kind[kind.split(".")[0]], per_kind[kind], total):
                c["mutants"] += 1
                c["ast_e999"] += theirs is not None
                c["presence"] += (theirs is None) == (o is None)
                if theirs and o:
                    c["both"] += 1
                    c["row"] += theirs[0] == o[0]
                    c["message"] += theirs[1] == o[1]
            if (theirs is None) != (o is None):
                disagreements.append((len(disagreements), kind, src, text, theirs, o))
                if args.keep:
                    n = len(disagreements) - 1
                    with open(os.path.join(args.keep, f"{n:06d}.py"), "w", encoding="utf-8", newline="") as f:
                        f.write(text)
                    with open(os.path.join(args.keep, f"{n:06d}.txt"), "w", encoding="utf-8") as f:
                        f.write(f"kind: {kind}\nfrom: {src}\nast.parse: {theirs}\ntrajc: {o}\n")

    with tempfile.TemporaryDirectory() as tmp:
        pending = None  # (process, batch) of the previous batch
        made = 0
        while made < args.n or pending:
            batch = []
            t1 = time.time()
            while made < args.n and len(batch) < args.batch:
                src, info = rng.choice(corpus)
                m = mutate(info, rng)
                if m is None or m[1] == info.text:
                    continue
                kind, text = m
                path = os.path.join(tmp, f"{made % (2 * args.batch):06d}.py")
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                t2 = time.time()
                batch.append((path, kind, src, text, oracle(text)))
                t_oracle += time.time() - t2
                made += 1
            if pending:
                score(pending[1], read_dump(pending[0]))
            pending = (run_dump(args.dump, [b[0] for b in batch]), batch) if batch else None
    elapsed = time.time() - t0

    def pct(a, b):
        return f"{100.0 * a / b:7.2f}% ({a}/{b})" if b else "      - (0/0)"

    print(f"{total['mutants']} mutants of {len(corpus)} files (seed {args.seed}) in {elapsed:.0f} s "
          f"(corpus {t_load:.0f} s, ast.parse {t_oracle:.0f} s); ast.parse rejects {total['ast_e999']}")
    print(f"{'kind':28} {'mutants':>7} {'rejected':>8}  {'E999 presence':>22}  {'line':>22}  {'message':>22}")
    for kind in sorted(per_kind) + ["all"]:
        c = total if kind == "all" else per_kind[kind]
        if "." in kind and not args.v:
            continue
        print(f"{kind:28} {c['mutants']:7} {c['ast_e999']:8}  {pct(c['presence'], c['mutants']):>22}  "
              f"{pct(c['row'], c['both']):>22}  {pct(c['message'], c['both']):>22}")
    print(f"presence disagreements: {len(disagreements)}")
    if args.v:
        for n, kind, src, text, theirs, o in disagreements:
            print(f"#{n} {kind} of {src}\n  ast.parse: {theirs}\n  trajc:     {o}")
    return 1 if args.strict and disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
