#!/usr/bin/python3
"""Differential check of trajc's lint against Debian's flake8 5.0.4.

usage: bench/lint_vs_flake8.py [--dump BUILD/tests/unit/lint/lint_dump] [-v] FILE_OR_DIR...
Prints, per code: flake8's count, trajc's count and the findings only one side reports.
"""
import argparse
import collections
import os
import subprocess
import sys



def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += sorted(os.path.join(root, f) for f in names if f.endswith(".py"))
        else:
            files.append(p)
    return files


def parse(output):
    found = set()
    for line in output.splitlines():
        try:
            path, row, col, rest = line.split(":", 3)
            code, msg = rest.strip().split(" ", 1)
        except ValueError:
            continue
        found.add((path, int(row), int(col), code, msg))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default=os.path.join(os.path.dirname(__file__), "..", "build", "tests", "unit", "lint", "lint_dump"))
    ap.add_argument("-v", action="store_true", help="print every disagreement")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = collect(args.paths)
    codes = subprocess.run([args.dump, "--list-codes"], capture_output=True, text=True, check=True).stdout.strip()
    theirs, ours = set(), set()
    for i in range(0, len(files), 200):
        chunk = files[i:i + 200]
        r = subprocess.run(["/usr/bin/flake8", "--isolated", "-j", "2", f"--select={codes}", *chunk],
                           capture_output=True, text=True)
        theirs |= parse(r.stdout)
        r = subprocess.run([args.dump, *chunk], capture_output=True, text=True, errors="replace")
        if r.returncode != 0:
            print(f"lint_dump failed ({r.returncode}) on a chunk starting at {chunk[0]}", file=sys.stderr)
        ours |= parse(r.stdout)
    per = collections.defaultdict(lambda: [0, 0, 0, 0])
    for f in theirs:
        per[f[3]][0] += 1
    for f in ours:
        per[f[3]][1] += 1
    for f in theirs - ours:
        per[f[3]][2] += 1
    for f in ours - theirs:
        per[f[3]][3] += 1
    print(f"{len(files)} files")
    print(f"{'code':6} {'flake8':>8} {'trajc':>8} {'missed':>8} {'extra':>8}")
    for code in sorted(set(codes.split(",")) | set(per)):
        a, b, m, x = per[code]
        print(f"{code:6} {a:8} {b:8} {m:8} {x:8}")
    if args.v:
        for f in sorted(theirs - ours):
            print("missed:", ":".join(map(str, f[:3])), f[3], f[4])
        for f in sorted(ours - theirs):
            print("extra: ", ":".join(map(str, f[:3])), f[3], f[4])
    return 1 if theirs != ours else 0


if __name__ == "__main__":
    sys.exit(main())
