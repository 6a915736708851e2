// F404 from __future__ imports must occur at the beginning of the file.
// F407 future feature X is not defined.
//
// What it does: pyflakes 2.5's IMPORTFROM for `from __future__ import ...` (also written
// `from .__future__`, which pyflakes takes for the same module): F404 when any module-level
// statement before it is neither such an import nor a string statement (every string
// statement counts as a docstring, as in pyflakes), or when it is not at module level at
// all; F407 for each imported name that is not in CPython 3.11's
// `__future__.all_feature_names` (the name imported, not its alias). Both are reported at
// the import statement. CPython's parser accepts both; only its compiler refuses them,
// which flake8 never runs. The semantic model (semantic/model.h) finds them; this rule
// words them.
// Why is this bad: Python refuses to compile the module (SyntaxError at import time).
// Example: `import os` then `from __future__ import annotations`; `from __future__ import braces`
// Use instead: the `__future__` imports first, after the docstring only; real features only
// No fix: moving imports across code, or dropping a feature, changes the program.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kLateFutureImport{
    .code = "F404",
    .message = "from __future__ imports must occur at the beginning of the file",
    .summary = "from __future__ imports must occur at the beginning of the file",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kFutureFeatureNotDefined{
    .code = "F407",
    .message = "future feature {} is not defined",
    .summary = "future feature is not defined",
    .fix = FixSafety::kNone,
};

void CheckFutureImports(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
