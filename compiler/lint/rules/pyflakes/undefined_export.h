// F822 undefined name 'x' in __all__.
//
// What it does: a name listed in a static `__all__` (a list or tuple of strings, `+`
// and `+=` of such) that the module does not bind, reported at the `__all__` assignment,
// as pyflakes 2.5 does; not in an `__init__.py`, and not when the module has a star
// import (then it is F405). The semantic model (semantic/model.h) finds them; this rule
// words them.
// Why is this bad: `from module import *` raises AttributeError for that name.
// Example: `__all__ = ['run']` with no `run` defined          Use instead: define it, or drop it from `__all__`
// No fix: whether the name or the definition is missing is the author's call.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kUndefinedExport{
    .code = "F822",
    .message = "undefined name '{}' in __all__",
    .summary = "undefined name in __all__",
    .fix = FixSafety::kNone,
};

void CheckUndefinedExports(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
