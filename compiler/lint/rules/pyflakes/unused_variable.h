// F841 local variable 'x' is assigned to but never used.
//
// What it does: finds names bound by a plain assignment (or walrus, or `except ... as e`)
// in a function and never read there (pyflakes 2.5: tuple unpacking, `with ... as`, loop
// targets and `global`/`nonlocal` names are exempt; a `locals()` call exempts the whole
// function; `except E as e` is reported at any scope). The semantic model
// (semantic/model.h) finds them; this rule words them.
// Why is this bad: dead stores are usually a typo or leftover logic.
// Example: `def f(): x = g()`          Use instead: `def f(): g()`
// No fix: removing the store could drop a side effect.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kUnusedVariable{
    .code = "F841",
    .message = "local variable '{}' is assigned to but never used",
    .summary = "local variable is assigned to but never used",
    .fix = FixSafety::kNone,
};

void CheckUnusedVariables(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
