#!/usr/bin/python3
"""E999 of trajc's lint against Debian's flake8 5.0.4 on seeded mutants of real files.

usage: bench/e999_vs_flake8.py [--dump BUILD/tests/unit/lint/lint_dump] [-n 500] [--seed 1]
                               [--keep DIR] [-v] [FILE_OR_DIR...]   (default /usr/lib/python3.11)

Each mutant is one file of the corpus with one seeded edit of the kinds that break code
in practice: a character or a token deleted, a line duplicated at a wrong indentation, a
closing bracket or a colon dropped, a stray tab or bracket inserted, a quote deleted.
Both tools run over every mutant; the script prints how often they agree on whether
there is an E999, on its exact line, on its row, and (files without E999) on all codes.
"""
import argparse
import collections
import io
import os
import random
import subprocess
import sys
import tempfile
import tokenize

from lint_vs_flake8 import collect  # the same file walk (bench/ is on sys.path when run)


def tokens_of(text):
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                                  tokenize.ENDMARKER, tokenize.COMMENT)]
    except (tokenize.TokenError, SyntaxError):
        return []


def offset_of(lines, row, col):
    return sum(len(line) for line in lines[:row - 1]) + col


def mutate(text, rng):
    """One seeded edit of `text`: (kind, new text), or None when the kind does not apply."""
    lines = text.splitlines(keepends=True)
    kind = rng.choice(["delete_char", "delete_token", "dup_line_bad_indent", "drop_close_bracket",
                       "drop_colon", "insert_tab", "insert_bracket", "delete_quote"])
    if kind == "delete_char":
        code = [i for i, c in enumerate(text) if not c.isspace()]
        i = rng.choice(code)
        return kind, text[:i] + text[i + 1:]
    if kind in ("delete_token", "drop_close_bracket", "drop_colon", "delete_quote"):
        toks = tokens_of(text)
        if kind == "drop_close_bracket":
            toks = [t for t in toks if t.string in (")", "]", "}")]
        elif kind == "drop_colon":
            toks = [t for t in toks if t.string == ":"]
        elif kind == "delete_quote":
            toks = [t for t in toks if t.type == tokenize.STRING and t.start[0] == t.end[0]]
        if not toks:
            return None
        t = rng.choice(toks)
        start = offset_of(lines, *t.start)
        if kind == "delete_quote":  # the closing quote
            end = offset_of(lines, *t.end)
            return kind, text[:end - 1] + text[end:]
        return kind, text[:start] + text[offset_of(lines, *t.end):]
    if kind == "dup_line_bad_indent":
        code = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
        if not code:
            return None
        i = rng.choice(code)
        stripped = lines[i].lstrip(" \t")
        indent = len(lines[i]) - len(stripped) + rng.choice([-3, -2, -1, 1, 2, 3, 5])
        dup = " " * max(indent, 0) + stripped
        return kind, "".join(lines[:i + 1] + [dup if dup.endswith("\n") else dup + "\n"] + lines[i + 1:])
    i = rng.randrange(len(text) + 1)
    if kind == "insert_tab":
        # at the start of a line's indentation, where tabs and spaces mix
        starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n" and k + 1 < len(text)]
        i = rng.choice(starts)
        return kind, text[:i] + "\t" + text[i:]
    return kind, text[:i] + rng.choice("()[]{}") + text[i:]


def parse(output):
    found = collections.defaultdict(list)
    for line in output.splitlines():
        try:
            path, row, col, rest = line.split(":", 3)
            code = rest.strip().split(" ", 1)[0]
        except ValueError:
            continue
        found[path].append((int(row), int(col), code, rest.strip()))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default=os.path.join(os.path.dirname(__file__), "..", "build", "tests", "unit", "lint", "lint_dump"))
    ap.add_argument("-n", type=int, default=500, help="mutants")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-bytes", type=int, default=40000, help="skip larger corpus files (flake8 time)")
    ap.add_argument("--keep", help="write the mutants here instead of a temporary folder")
    ap.add_argument("-v", action="store_true", help="print every disagreement")
    ap.add_argument("paths", nargs="*", default=["/usr/lib/python3.11"])
    args = ap.parse_args()
    corpus = [f for f in collect(args.paths) if os.path.getsize(f) <= args.max_bytes]
    rng = random.Random(args.seed)
    codes = subprocess.run([args.dump, "--list-codes"], capture_output=True, text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        mutants = {}  # path -> (kind, source)
        while len(mutants) < args.n:
            src = rng.choice(corpus)
            try:
                with open(src, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if not text.strip():
                continue
            m = mutate(text, rng)
            if m is None or m[1] == text:
                continue
            path = os.path.join(out_dir, f"m{len(mutants):04d}.py")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(m[1])
            mutants[path] = (m[0], src)
        files = sorted(mutants)
        theirs, ours = collections.defaultdict(list), collections.defaultdict(list)
        for i in range(0, len(files), 100):
            chunk = files[i:i + 100]
            r = subprocess.run(["/usr/bin/flake8", "--isolated", "-j", "2", f"--select={codes}", *chunk],
                               capture_output=True, text=True)
            theirs.update(parse(r.stdout))
            r = subprocess.run([args.dump, *chunk], capture_output=True, text=True, errors="replace")
            if r.returncode != 0:
                print(f"lint_dump failed ({r.returncode}) on a chunk starting at {chunk[0]}", file=sys.stderr)
            ours.update(parse(r.stdout))

    per_kind = collections.defaultdict(lambda: collections.Counter())
    total = collections.Counter()
    disagreements = []
    for path in files:
        kind = mutants[path][0]
        t = [f for f in theirs.get(path, []) if f[2] == "E999"]
        o = [f for f in ours.get(path, []) if f[2] == "E999"]
        c = per_kind[kind]
        for counter in (c, total):
            counter["files"] += 1
            counter["presence"] += bool(t) == bool(o)
            if t and o:
                counter["both"] += 1
                counter["exact"] += t == o
                counter["row"] += t[0][0] == o[0][0]
            if t:
                counter["flake8_e999"] += 1
                counter["alone"] += len(theirs[path]) == 1 and len(ours.get(path, [])) == len(o)
            if not t and not o:
                counter["clean"] += 1
                counter["codes"] += sorted(theirs.get(path, [])) == sorted(ours.get(path, []))
        if bool(t) != bool(o) or t != o:
            disagreements.append((path, kind, mutants[path][1], t[0][3] if t else "-", o[0][3] if o else "-",
                                  t[0][:2] if t else "", o[0][:2] if o else ""))

    def pct(a, b):
        return f"{100.0 * a / b:6.1f}% ({a}/{b})" if b else "     - (0/0)"

    print(f"{total['files']} mutants of {len(corpus)} files (seed {args.seed}); flake8 E999 on {total['flake8_e999']}")
    print(f"{'kind':22} {'files':>5}  {'E999 presence':>20}  {'exact line':>20}  {'row':>20}  {'non-E999: all codes':>20}")
    for kind in sorted(per_kind) + ["all"]:
        c = total if kind == "all" else per_kind[kind]
        print(f"{kind:22} {c['files']:5}  {pct(c['presence'], c['files']):>20}  {pct(c['exact'], c['both']):>20}  "
              f"{pct(c['row'], c['both']):>20}  {pct(c['codes'], c['clean']):>20}")
    if args.v:
        for path, kind, src, a, b, pa, pb in disagreements:
            print(f"{path} ({kind} of {src})\n  flake8: {pa} {a}\n  trajc:  {pb} {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
