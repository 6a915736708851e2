// F631 assertion is always true, perhaps remove parentheses? / F634 'if tuple literal'
// is always true, perhaps remove accidental comma?
//
// What it does: finds an `assert` (F631) or an `if`, `elif` or conditional expression
// (F634) whose test is a non-empty tuple display, parentheses aside (pyflakes 2.5's
// ASSERT, IF and IFEXP). Reported at the statement (an `elif` at its keyword), or at the
// start of the conditional expression.
// Why is this bad: a non-empty tuple is always true, so the assertion never fails and
// the branch always runs: `assert (x, "msg")` meant `assert x, "msg"`.
// Example: `assert (x > 0, "negative")`      Use instead: `assert x > 0, "negative"`
// Fix: none (which element was the test cannot be known).
#pragma once

#include "lint/rules/pyflakes/checker_context.h"
#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kAssertTuple{
    .code = "F631",
    .message = "assertion is always true, perhaps remove parentheses?",
    .summary = "assertion test is a tuple, which is always True",
};

inline constexpr Violation kIfTuple{
    .code = "F634",
    .message = "'if tuple literal' is always true, perhaps remove accidental comma?",
    .summary = "if test is a tuple, which is always True",
};

// `tree`: the flattened src.tree.
void CheckTupleCondition(const Source& src, const python::FlatTree& tree, const CheckerContext& context, Findings& out);

}  // namespace trajc::lint
