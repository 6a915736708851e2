// E402 module level import not at top of file.
//
// What it does: finds a module-level `import`/`from` after other code. pycodestyle lets a
// docstring (the first string-literal line), `__dunder__ = ...` assignments, and any line
// that merely starts with try/except/else/finally/with/if/elif (a plain prefix test, so
// `iffy = 1` counts too) precede imports; indented imports are never reported.
// Why is this bad: PEP 8 puts imports at the top, after module comments and docstring.
// Example: `x = 1` / `import os`          Use instead: `import os` / `x = 1`
// No fix: moving an import can change what runs first.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kModuleImportNotAtTopOfFile{
    .code = "E402",
    .message = "module level import not at top of file",
    .summary = "module level import not at top of file",
    .fix = FixSafety::kNone,
};

// pycodestyle's per-file checker_state for this check.
struct ImportPlacement {
  bool seen_docstring = false;
  bool seen_non_imports = false;
};

void CheckModuleImportsOnTopOfFile(const Source& src, const LogicalLine& ll, ImportPlacement& state, Findings& out);

}  // namespace trajc::lint
