// F406 'from module import *' only allowed at module level.
//
// What it does: pyflakes 2.5's IMPORTFROM: a star import in a class body or a function
// (CPython's parser accepts it, its symbol table refuses it, and flake8 only parses). The
// module is printed with its leading dots (`from .. import *` prints '..'). Such an
// import binds nothing and is no F403. Reported at the import statement. The semantic
// model (semantic/model.h) finds them; this rule words them.
// Why is this bad: Python 3 refuses to compile the module (SyntaxError at import time).
// Example: `def f():` / `    from os.path import *`
// Use instead: `from os.path import join` (or the star import at module level)
// No fix: which names the code needs is a human decision.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kImportStarNotPermitted{
    .code = "F406",
    .message = "'from {} import *' only allowed at module level",
    .summary = "'from module import *' only allowed at module level",
    .fix = FixSafety::kNone,
};

void CheckImportStarNotPermitted(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
