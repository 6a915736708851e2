// F821 undefined name 'x'.
//
// What it does: pyflakes 2.5's name resolution over scopes (module, class, function,
// lambda, comprehension; builtins of CPython 3.11 and `__file__`, `__builtins__`,
// `__annotations__`, `WindowsError`): a load (or `del`) that finds no binding, unless
// the code is in the body of a `try` whose handlers name `NameError`, or a later
// `global x` anywhere drops the earlier reports for `x`; class bodies are invisible to
// nested functions; bare annotations (`x: int`) bind nothing; names inside string
// annotations are reported at the string. The semantic model (semantic/model.h) finds
// them; this rule words them.
// Why is this bad: a NameError waiting to happen.
// Example: `print(cuont)`          Use instead: `print(count)`
// No fix: the intended name is unknown.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kUndefinedName{
    .code = "F821",
    .message = "undefined name '{}'",
    .summary = "undefined name",
    .fix = FixSafety::kNone,
};

void CheckUndefinedNames(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
