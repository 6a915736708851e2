// F831 duplicate argument 'x' in function definition.
//
// What it does: pyflakes 2.5's LAMBDA (which serves `def`, `async def` and `lambda`): a
// parameter name (positional-only, plain, keyword-only, `*args`, `**kwargs`) that an
// earlier parameter of the same definition already has, once per repeat. Reported at the
// definition (`def`, `async` or `lambda`; after the decorators). CPython's parser accepts
// it, its symbol table refuses it, and flake8 only parses. The semantic model
// (semantic/model.h) finds them; this rule words them.
// Why is this bad: Python refuses to compile the module (SyntaxError at import time).
// Example: `def move(x, y, x): ...`
// Use instead: `def move(x, y, z): ...`
// No fix: which parameter was meant is a human decision.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kDuplicateArgument{
    .code = "F831",
    .message = "duplicate argument '{}' in function definition",
    .summary = "duplicate argument in function definition",
    .fix = FixSafety::kNone,
};

void CheckDuplicateArguments(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
