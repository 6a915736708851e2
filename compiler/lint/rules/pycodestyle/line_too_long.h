// E501 line too long (N > 79 characters).
//
// What it does: finds physical lines longer than the maximum, counted in characters.
// Why is this bad: long lines are hard to read side by side and in reviews.
// Example: a 100-character call      Use instead: break it inside its brackets
// Exempt, as in pycodestyle: a shebang on line 1, and a line that is a single long word
// (a URL) in a comment or in a multi-line string. No fix.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kLineTooLong{
    .code = "E501",
    .message = "line too long ({} > {} characters)",
    .summary = "line too long",
    .fix = FixSafety::kNone,
};

void CheckLineTooLong(const Source& src, const PhysicalLine& line, int max_line_length, Findings& out);

}  // namespace trajc::lint
