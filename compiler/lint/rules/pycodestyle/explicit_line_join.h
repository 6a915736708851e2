// E502 the backslash is redundant between brackets.
//
// What it does: flags a backslash continuation on a line that is already inside (), []
// or {}, where the newline continues the statement anyway. As in pycodestyle, once a
// comment has been seen in the logical line nothing more is reported, and the column is
// the length of the last line of the token's `line` as str.splitlines cuts it, minus one.
// Why is this bad: PEP 8 prefers implied continuation inside brackets to backslashes.
// Example: `x = [1, \\\n     2]`          Use instead: `x = [1,\n     2]`
// Fix (safe): delete the backslash and the blanks before it.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kRedundantBackslash{
    .code = "E502",
    .message = "the backslash is redundant between brackets",
    .summary = "the backslash is redundant between brackets",
    .fix_title = "Remove redundant backslash",
    .fix = FixSafety::kSafe,
};

void CheckExplicitLineJoin(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
