// F811 redefinition of unused 'x' from line N.
//
// What it does: pyflakes 2.5's addBinding check: a function, class or import that is
// rebound (by any binding but a bare annotation) before anything used it, in the same
// scope; or an import of an outer scope rebound in an inner one and never used at all
// (reported at the end, like pyflakes' `redefined` list). Bindings on different branches
// of the nearest enclosing `if` (body vs elif/else) or `try` (body+else vs each handler)
// are exempt, as are `@overload` functions, `_` (unless imported) and a loop variable
// shadowing an import (that is F402). `import a.b` and `import a.c` do not redefine each
// other. Reported at the rebinding statement (`def`/`class` keyword, import statement,
// or the rebound name). The semantic model (semantic/model.h) finds them; this rule
// words them.
// Why is this bad: the first definition is dead code, often a copy-paste slip.
// Example: `import json` ... `def json(): ...`          Use instead: rename one of them
// No fix: which of the two is meant is a human decision.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kRedefinedWhileUnused{
    .code = "F811",
    .message = "redefinition of unused '{}' from line {}",
    .summary = "redefinition of unused name",
    .fix = FixSafety::kNone,
};

void CheckRedefinedWhileUnused(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
