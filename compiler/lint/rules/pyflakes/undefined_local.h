// F823 local variable 'x' defined in enclosing scope on line N referenced before assignment.
//
// What it does: pyflakes 2.5's handleNodeStore check: a function stores a name after
// reading it from an enclosing function or module scope (or as a builtin: "defined as a
// builtin"), reported at that read. The semantic model (semantic/model.h) finds them;
// this rule words them.
// Why is this bad: the store makes the name local to the whole function, so the earlier
// read raises UnboundLocalError.
// Example: `def f(): print(count); count = 1`          Use instead: pass `count` in
// No fix: whether the read or the store is wrong is the author's call.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

// The second "{}" says where the name is defined: "defined in enclosing scope on line N"
// or "defined as a builtin".
inline constexpr Violation kUndefinedLocal{
    .code = "F823",
    .message = "local variable '{}' {} referenced before assignment",
    .summary = "local variable referenced before assignment",
    .fix = FixSafety::kNone,
};

void CheckUndefinedLocals(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
