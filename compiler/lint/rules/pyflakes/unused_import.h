// F401 'module.name' imported but unused.
//
// What it does: finds imported names never used in their scope (pyflakes 2.5 semantics:
// names listed in `__all__` count as used; re-exports in `__init__.py` are still
// reported, as flake8 5 does; imports in class bodies are never reported). The semantic
// model (semantic/model.h) finds them; this rule words them and removes them.
// Why is this bad: dead imports slow start-up and hide real dependencies.
// Example: `import os, sys` (sys unused)          Use instead: `import os`
// Fix (unsafe: the import's side effects go with it): remove the unused names, or the
// whole statement when none is used (a lone statement of a block becomes `pass`).
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kUnusedImport{
    .code = "F401",
    .message = "'{}' imported but unused",
    .summary = "module imported but unused",
    .fix_title = "Remove unused import",
    .fix = FixSafety::kUnsafe,
};

void CheckUnusedImports(const Source& src, const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
