// E741 ambiguous variable name 'l' / E742 ambiguous class definition / E743 ambiguous
// function definition.
//
// What it does: pycodestyle 2.10's token walk over the logical line's tokens: a name
// `l`, `O` or `I` bound by `=`/`:=` (outside brackets), after as/for/global/nonlocal, as
// a def/lambda parameter, or defined by `class`/`def`. Ported token for token, quirks
// included: every token with empty text (DEDENT, the final NEWLINE) counts as an opening
// bracket because `'' in '([{'` is true, so `l = 1` right after two dedents is not
// reported, as flake8 does not report it.
// Why is this bad: in many fonts l, O and I look like 1 and 0.
// Example: `l = len(items)`          Use instead: `length = len(items)`
// No fix: renaming needs every use updated and a name chosen by the author.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kAmbiguousVariableName{
    .code = "E741",
    .message = "ambiguous variable name '{}'",
    .summary = "ambiguous variable name",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kAmbiguousClassName{
    .code = "E742",
    .message = "ambiguous class definition '{}'",
    .summary = "ambiguous class definition",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kAmbiguousFunctionName{
    .code = "E743",
    .message = "ambiguous function definition '{}'",
    .summary = "ambiguous function definition",
    .fix = FixSafety::kNone,
};

void CheckAmbiguousIdentifier(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
