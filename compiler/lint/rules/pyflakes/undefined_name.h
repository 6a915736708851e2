// F821 undefined name 'x'.
// F822 undefined name 'x' in __all__.
// F823 local variable 'x' defined in enclosing scope on line N referenced before assignment.
//
// What it does: pyflakes 2.5's name resolution over scopes (module, class, function,
// lambda, comprehension; builtins of CPython 3.11 and `__file__`, `__builtins__`,
// `__annotations__`, `WindowsError`). F821: a load (or `del`) that finds no binding, unless
// the code is in the body of a `try` whose handlers name `NameError`, or a later
// `global x` anywhere drops the earlier reports for `x`; class bodies are invisible to
// nested functions; bare annotations (`x: int`) bind nothing; names inside string
// annotations are reported at the string. F822: a name listed in a static `__all__` that
// the module does not bind (not in `__init__.py`, not with a star import). F823: a
// function stores a name after reading it from an enclosing scope (or as a builtin:
// "defined as a builtin"), reported at that read.
// Why is this bad: each is a NameError or UnboundLocalError waiting to happen.
// Example: `def f(): print(count); count = 1`          Use instead: pass `count` in
// No fix: the intended name is unknown.
#pragma once

#include "lint/rules/pyflakes/scopes.h"
#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kUndefinedName{
    .code = "F821",
    .message = "undefined name '{}'",
    .summary = "undefined name",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kUndefinedExport{
    .code = "F822",
    .message = "undefined name '{}' in __all__",
    .summary = "undefined name in __all__",
    .fix = FixSafety::kNone,
};
// The second "{}" says where the name is defined: "defined in enclosing scope on line N"
// or "defined as a builtin".
inline constexpr Violation kUndefinedLocal{
    .code = "F823",
    .message = "local variable '{}' {} referenced before assignment",
    .summary = "local variable referenced before assignment",
    .fix = FixSafety::kNone,
};

void CheckUndefinedNames(const ScopeReport& scopes, Findings& out);

}  // namespace trajc::lint
