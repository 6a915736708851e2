// E221 multiple spaces before operator, E222 multiple spaces after operator,
// E223 tab before operator, E224 tab after operator.
//
// What it does: finds runs of more than one blank, or a tab, next to an operator, as
// pycodestyle's whitespace_around_operator does over the logical line (regex
// `[^,\s](\s*)(?:[-+*/|!<=>%&^]+|:=)(\s*)`).
// Quirks kept from pycodestyle 2.10: a run of operator characters counts as one operator
// (`x =-  1` is E222 after `=-`), and an operator right after a comma or at the start of
// the line is not looked at on its left (`f(a,  -b)` is E241's); a break across lines
// inside brackets counts as one space.
// Why is this bad: aligning `=` signs with extra blanks breaks as soon as a name changes.
// Example: `x    = 1`          Use instead: `x = 1`
// Fix (safe): replace the whitespace with one space.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMultipleSpacesBeforeOperator{
    .code = "E221",
    .message = "multiple spaces before operator",
    .summary = "multiple spaces before operator",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMultipleSpacesAfterOperator{
    .code = "E222",
    .message = "multiple spaces after operator",
    .summary = "multiple spaces after operator",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTabBeforeOperator{
    .code = "E223",
    .message = "tab before operator",
    .summary = "tab before operator",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTabAfterOperator{
    .code = "E224",
    .message = "tab after operator",
    .summary = "tab after operator",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};

void CheckWhitespaceAroundOperator(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
