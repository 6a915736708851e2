// E201 whitespace after '(', E202 whitespace before ')', E203 whitespace before ':'.
//
// What it does: finds a blank or tab right inside an opening or closing bracket, or right
// before a comma, semicolon or colon, as pycodestyle's extraneous_whitespace does over the
// logical line (regex `[\[({][ \t]|[ \t][\]}),;:](?!=)`).
// Quirks kept from pycodestyle 2.10: a closing bracket after `, ` is fine (`(1, )`); a
// bracket or colon followed by `=` is skipped (`x[a :=b]`, and also `f(a )== b`); slices
// get no exemption (`x[a : b]` is E203); a break before a comma inside brackets counts as
// one space and is reported at the end of the previous line.
// Why is this bad: `spam( ham[ 1 ], { eggs : 2 } )` spreads one expression apart.
// Example: `spam( ham[1] , {eggs: 2} )`          Use instead: `spam(ham[1], {eggs: 2})`
// Fix (safe): delete the whitespace (a line break inside brackets too, unless a comment
// sits there).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kWhitespaceAfterOpenBracket{
    .code = "E201",
    .message = "whitespace after '{}'",
    .summary = "whitespace after '('",
    .fix_title = "Remove extraneous whitespace",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kWhitespaceBeforeCloseBracket{
    .code = "E202",
    .message = "whitespace before '{}'",
    .summary = "whitespace before ')'",
    .fix_title = "Remove extraneous whitespace",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kWhitespaceBeforePunctuation{
    .code = "E203",
    .message = "whitespace before '{}'",
    .summary = "whitespace before ':'",
    .fix_title = "Remove extraneous whitespace",
    .fix = FixSafety::kSafe,
};

void CheckExtraneousWhitespace(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
