// E241 multiple spaces after ',', E242 tab after ','.
//
// What it does: finds more than one blank, or a tab, after a comma, semicolon or colon,
// as pycodestyle's whitespace_around_comma does over the logical line (regex
// `[,;:]\s*(?:  |\t)`). Off by default in flake8 (E24 is in its extend-ignore).
// Quirks kept from pycodestyle 2.10: the message names the character actually found
// (`multiple spaces after ':'`); any tab in the run makes it E242.
// Why is this bad: aligning columns with blanks after commas breaks on the next edit.
// Example: `a = (1,  2)`          Use instead: `a = (1, 2)`
// Fix (safe): replace the whitespace with one space.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

// The message names the character found after, as pycodestyle's does.
inline constexpr Violation kMultipleSpacesAfterComma{
    .code = "E241",
    .message = "multiple spaces after '{}'",
    .summary = "multiple spaces after ','",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTabAfterComma{
    .code = "E242",
    .message = "tab after '{}'",
    .summary = "tab after ','",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};

void CheckWhitespaceAroundComma(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
