#!/usr/bin/python3
"""usage: ast_same.py BEFORE.py AFTER.py

Exit 0 when the two files have the same Python AST (ast.dump, no
positions): a safe `trajc fix` changes whitespace and layout only. Exit 1
naming the first difference, 2 when either file does not parse.
"""
import ast
import sys


def dump(path):
    with open(path, "rb") as f:
        return ast.dump(ast.parse(f.read(), filename=path))


def main():
    try:
        before, after = dump(sys.argv[1]), dump(sys.argv[2])
    except SyntaxError as e:
        print(f"{e.filename}:{e.lineno}: does not parse: {e.msg}")
        return 2
    if before == after:
        return 0
    pairs = zip(before + "\0", after + "\0")
    at = next(i for i, (a, b) in enumerate(pairs) if a != b)
    lo = max(0, at - 80)
    print(f"AST differs at character {at}:\n"
          f"  before: ...{before[lo:at + 80]}\n"
          f"  after:  ...{after[lo:at + 80]}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
