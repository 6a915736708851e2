// E713 test for membership should be 'not in' / E714 test for object identity should be 'is not'.
//
// What it does: finds `not x in y` and `not x is y` (pycodestyle's COMPARE_NEGATIVE_REGEX:
// `not`, one operand without spaces or brackets, then `in`/`is`; `is not x in y` is skipped).
// Why is this bad: `x not in y` reads as what it means; `not x in y` looks like `(not x) in y`.
// Example: `if not key in table:`          Use instead: `if key not in table:`
// Fix (unsafe, as every fix that changes the AST): move the `not`. CPython compiles
// `not x in y` and `x not in y` (and the `is` pair) to the same bytecode, so behaviour
// cannot change, but the AST does. The fix is offered only when the operand is a
// (dotted) name, the match sits on one physical line, and the right-hand side is not part
// of a longer comparison chain (`not a in b < c` differs from `a not in b < c`) nor
// starts with `not` (`not a is not b`).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kNotInTest{
    .code = "E713",
    .message = "test for membership should be 'not in'",
    .summary = "test for membership should be 'not in'",
    .fix_title = "Convert to `not in`",
    .fix = FixSafety::kUnsafe,
};
inline constexpr Violation kNotIsTest{
    .code = "E714",
    .message = "test for object identity should be 'is not'",
    .summary = "test for object identity should be 'is not'",
    .fix_title = "Convert to `is not`",
    .fix = FixSafety::kUnsafe,
};

void CheckComparisonNegative(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
