// W291 trailing whitespace / W293 blank line contains whitespace.
//
// What it does: finds spaces, tabs or vertical tabs at the end of a physical line.
// Why is this bad: invisible characters that make diffs noisy and editors disagree.
// Example: `x = 1   `          Use instead: `x = 1`
// Fix (safe outside strings): delete the trailing whitespace.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kTrailingWhitespace{
    .code = "W291",
    .message = "trailing whitespace",
    .summary = "trailing whitespace",
    .fix_title = "Remove trailing whitespace",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kBlankLineWithWhitespace{
    .code = "W293",
    .message = "blank line contains whitespace",
    .summary = "blank line contains whitespace",
    .fix_title = "Remove whitespace from blank line",
    .fix = FixSafety::kSafe,
};

void CheckTrailingWhitespace(const Source& src, const PhysicalLine& line, Findings& out);

}  // namespace trajc::lint
