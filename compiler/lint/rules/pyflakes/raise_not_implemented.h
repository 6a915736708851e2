// F901 'raise NotImplemented' should be 'raise NotImplementedError'.
//
// What it does: finds `raise NotImplemented` and `raise NotImplemented(...)` (pyflakes
// 2.5's RAISE: the raised expression, or the function it calls, is the name
// `NotImplemented`, parentheses aside), reported at the `raise`.
// Why is this bad: NotImplemented is a value for binary operators to return, not an
// exception: raising it is a TypeError.
// Example: `raise NotImplemented`            Use instead: `raise NotImplementedError`
// Fix (unsafe: the code then raises another exception than before, and a local name
// `NotImplementedError` may shadow the builtin): the name becomes `NotImplementedError`.
#pragma once

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kRaiseNotImplemented{
    .code = "F901",
    .message = "'raise NotImplemented' should be 'raise NotImplementedError'",
    .summary = "raise NotImplemented should be raise NotImplementedError",
    .fix_title = "Use `raise NotImplementedError`",
    .fix = FixSafety::kUnsafe,
};

// `tree`: the flattened src.tree.
void CheckRaiseNotImplemented(const Source& src, const python::FlatTree& tree, Findings& out);

}  // namespace trajc::lint
