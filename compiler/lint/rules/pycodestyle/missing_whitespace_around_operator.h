// E225 missing whitespace around operator; E226 missing whitespace around arithmetic
// operator, E227 ... bitwise or shift operator, E228 ... modulo operator.
//
// What it does: finds comparison, assignment and boolean operators (and arithmetic ones
// spaced on one side only) that are not surrounded by spaces (E225), and binary
// arithmetic, bitwise/shift and `%` operators with no space on either side (E226-E228),
// as pycodestyle's missing_whitespace_around_operator does. E226 is in flake8's default
// extend-ignore. `**` tight on both sides is never reported (`x**2` is fine).
// Why is this bad: `x=y+1` hides where one operand ends and the next starts.
// Example: `if x==1:`, `c = a|b`          Use instead: `if x == 1:`, `c = a | b`
// Fix (safe): insert one space where it is missing (both sides for E226-E228).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMissingWhitespaceAroundOperator{
    .code = "E225",
    .message = "missing whitespace around operator",
    .summary = "missing whitespace around operator",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMissingWhitespaceAroundArithmeticOperator{
    .code = "E226",
    .message = "missing whitespace around arithmetic operator",
    .summary = "missing whitespace around arithmetic operator",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMissingWhitespaceAroundBitwiseOrShiftOperator{
    .code = "E227",
    .message = "missing whitespace around bitwise or shift operator",
    .summary = "missing whitespace around bitwise or shift operator",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMissingWhitespaceAroundModuloOperator{
    .code = "E228",
    .message = "missing whitespace around modulo operator",
    .summary = "missing whitespace around modulo operator",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};

void CheckMissingWhitespaceAroundOperator(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
