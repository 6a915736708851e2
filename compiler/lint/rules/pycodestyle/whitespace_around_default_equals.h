// E251 unexpected spaces around keyword / parameter equals
// E252 missing whitespace around parameter equals
//
// What it does: pycodestyle's whitespace_around_named_parameter_equals. Inside brackets an
// `=` (keyword argument, parameter default) takes no blanks on either side (E251, once per
// side, at the end of the token before the gap); in a `def` whose parameter is annotated
// (`def f(a: int=1)`) the `=` needs a space on each side (E252, once per missing side).
// Quirks kept: a gap that holds a line break or a comment is E251 too, reported at the
// end of the token before it (comment tokens count, NL tokens do not); an annotation is
// only seen at bracket depth 1 of a line that starts with `def`/`async def`.
// Why is this bad: PEP 8 writes `f(a=1)` and `def f(a: int = 1)`.
// Example: `f(a = 1)`, `def f(a: int=1)`    Use instead: `f(a=1)`, `def f(a: int = 1)`
// Fix (safe): remove the gap (blanks, and line breaks inside the brackets: `f(a\n= 1)`
// becomes `f(a=1)`) or insert one space. A gap next to a comment has no fix: closing it
// would glue the code to the comment (or into it).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kUnexpectedSpacesAroundKeywordParameterEquals{
    .code = "E251",
    .message = "unexpected spaces around keyword / parameter equals",
    .summary = "unexpected spaces around keyword / parameter equals",
    .fix_title = "Remove whitespace around the equals sign",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMissingWhitespaceAroundParameterEquals{
    .code = "E252",
    .message = "missing whitespace around parameter equals",
    .summary = "missing whitespace around parameter equals",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};

void CheckWhitespaceAroundDefaultEquals(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
