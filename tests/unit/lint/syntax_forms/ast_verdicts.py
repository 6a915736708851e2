"""Prints what CPython's ast.parse says of each file named: "path<TAB>ok" or
"path<TAB>lineno<TAB>message" (flake8 5 reports E999 exactly when ast.parse raises)."""
import ast
import sys
import warnings

warnings.simplefilter("ignore")
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        ast.parse(text)
        print(f"{path}\tok")
    except SyntaxError as e:
        print(f"{path}\t{e.lineno}\t{type(e).__name__}: {e.msg}")
