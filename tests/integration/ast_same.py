#!/usr/bin/python3
"""usage: ast_same.py BEFORE_DIR AFTER_DIR

For every *.py under BEFORE_DIR and its namesake under AFTER_DIR, one line
`REL before=ok|syntax after=ok|syntax ast=same|differs|-`: whether each
compiles (as py_compile does), and whether their Python ASTs (ast.dump, no
positions) are the same — a safe `trajc fix` changes whitespace and layout
only. One process for a whole tree, so that the test does not start Python
once per file.
"""
import ast
import os
import sys


def parse(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source, filename=path)
        compile(source, path, "exec")
    except (SyntaxError, ValueError):
        return None
    return ast.dump(tree)


def main(before_dir, after_dir):
    for root, dirs, names in os.walk(before_dir):
        dirs.sort()
        for name in sorted(n for n in names if n.endswith(".py")):
            rel = os.path.relpath(os.path.join(root, name), before_dir)
            before, after = parse(os.path.join(before_dir, rel)), parse(os.path.join(after_dir, rel))
            same = "-" if before is None or after is None else ("same" if before == after else "differs")
            print(f"{rel} before={'ok' if before else 'syntax'} after={'ok' if after else 'syntax'} ast={same}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
