// pycodestyle's trailing_blank_lines: W391 blank line at end of file /
// W292 no newline at end of file.
//
// What it does: finds empty lines after the last line of code (W391), or a last line
// with no newline (W292; reported at the end of the file's last line, even when the
// physical line flake8 checks there is a whole multi-line token).
// Why is this bad: the file should end with exactly one newline.
// Example: `x = 1\n\n` or `x = 1`          Use instead: `x = 1\n`
// Fix (safe): delete every trailing blank line (W391); add the newline (W292).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMissingNewlineAtEndOfFile{
    .code = "W292",
    .message = "no newline at end of file",
    .summary = "no newline at end of file",
    .fix_title = "Add trailing newline",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTooManyNewlinesAtEndOfFile{
    .code = "W391",
    .message = "blank line at end of file",
    .summary = "blank line at end of file",
    .fix_title = "Remove trailing blank lines",
    .fix = FixSafety::kSafe,
};

void CheckBlankLineAtEof(const Source& src, const PhysicalLine& line, Findings& out);

}  // namespace trajc::lint
