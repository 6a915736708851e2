// E401 multiple imports on one line.
//
// What it does: finds `import a, b` (pycodestyle: a logical line starting with "import "
// that has a comma before any semicolon; `from x import a, b` is fine).
// Why is this bad: PEP 8 puts each imported module on its own line.
// Example: `import os, sys`          Use instead: `import os` / `import sys`
// Fix (unsafe, as every fix that changes the AST): split the statement into one `import`
// per module, at the same indentation.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMultipleImportsOnOneLine{
    .code = "E401",
    .message = "multiple imports on one line",
    .summary = "multiple imports on one line",
    .fix_title = "Split imports onto separate lines",
    .fix = FixSafety::kUnsafe,
};

void CheckImportsOnSeparateLines(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
