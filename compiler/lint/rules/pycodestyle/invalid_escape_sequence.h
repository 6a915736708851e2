// W605 invalid escape sequence '\x'.
//
// What it does: finds a backslash in a non-raw string literal (f-strings included, as
// CPython 3.11 tokenizes them as one STRING) followed by a character that is not a
// recognised escape (newline, \ ' " a b f n r t v 0-7 x N u U; pycodestyle accepts N, u
// and U in bytes too).
// Why is this bad: such escapes are deprecated and will become errors.
// Example: `re.compile('\d+')`          Use instead: `re.compile(r'\d+')` or `'\\d+'`
// Fix (safe): double the backslash. An unrecognised escape keeps its backslash, so the
// literal's value (and ast.dump) is unchanged; making the string raw would not be safe
// when it also holds real escapes.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kInvalidEscapeSequence{
    .code = "W605",
    .message = "invalid escape sequence '\\{}'",
    .summary = "invalid escape sequence",
    .fix_title = "Add backslash to escape sequence",
    .fix = FixSafety::kSafe,
};

void CheckInvalidEscapeSequence(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
