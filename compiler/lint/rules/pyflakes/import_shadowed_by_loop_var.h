// F402 import 'x' from line N shadowed by loop variable.
//
// What it does: pyflakes 2.5's first test when a name is bound: the target of a `for`
// loop (any name in it, async or not) rebinds an import, of its own scope or of any
// enclosing one (class bodies included), used or not, unless the two sit on different
// branches of an `if`/`try`. A comprehension's `for` is not a loop here (its own scope:
// that is F811's business when the import was never used). Reported at the loop's
// target name, with the import statement's line. The semantic model (semantic/model.h)
// finds them; this rule words them.
// Why is this bad: after the loop the module (or imported name) is gone; later uses get
// the last loop value.
// Example: `import path` ... `for path in paths: ...`
// Use instead: `for p in paths: ...`
// No fix: the new name for the loop variable is a human choice.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kImportShadowedByLoopVar{
    .code = "F402",
    .message = "import '{}' from line {} shadowed by loop variable",
    .summary = "import shadowed by loop variable",
    .fix = FixSafety::kNone,
};

void CheckImportShadowedByLoopVar(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
