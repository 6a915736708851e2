// F632 use ==/!= to compare constant literals (str, bytes, int, float, tuple).
//
// What it does: finds `is` / `is not` where either operand is a literal other than
// None/True/False/`...` (pyflakes 2.5's COMPARE check: a Constant, or a tuple of
// constants). Each offending operator of a chain is reported, all at the start of the
// comparison, as pyflakes does. `-1` is a unary operation and an f-string a JoinedStr, so
// neither counts.
// Why is this bad: identity of literals is an implementation detail (CPython 3.8+ warns).
// Example: `if x is 'a':`          Use instead: `if x == 'a':`
// Fix (unsafe: `==` calls `__eq__`, which may differ from identity): `is` becomes `==`,
// `is not` becomes `!=`.
#pragma once

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kIsLiteral{
    .code = "F632",
    .message = "use ==/!= to compare constant literals (str, bytes, int, float, tuple)",
    .summary = "use ==/!= to compare constant literals (str, bytes, int, float, tuple)",
    .fix_title = "Replace `is` with `==`",
    .fix = FixSafety::kUnsafe,
};

// `tree`: the flattened src.tree.
void CheckIsLiteral(const Source& src, const python::FlatTree& tree, Findings& out);

}  // namespace trajc::lint
