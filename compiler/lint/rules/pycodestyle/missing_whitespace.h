// E231 missing whitespace after ',', ';' or ':'.
//
// What it does: finds a comma, semicolon or colon directly followed by a non-blank,
// except slices (`x[1:2]`), one-element tuples (`(1,)`) and walrus (`:=`).
// Why is this bad: `f(a,b)` reads as one token.
// Example: `f(a,b)`          Use instead: `f(a, b)`
// Fix (safe): insert one space after the punctuation.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMissingWhitespace{
    .code = "E231",
    .message = "missing whitespace after '{}'",
    .summary = "missing whitespace after ',', ';', or ':'",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};

void CheckMissingWhitespace(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
