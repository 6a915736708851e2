// E101 indentation contains mixed spaces and tabs.
//
// What it does: flags a physical line whose indentation holds a character other than the
// file's indent character. As in flake8, the indent character is the first character of
// the first line read that starts with a space or a tab (a line inside a string counts),
// and every physical line flake8 checks is looked at, multi-line strings included.
// Why is this bad: a mix of tabs and spaces reads differently in every editor, and
// Python rejects the ambiguous cases (TabError).
// Example: `if a:\n        b = 1\n\tc = 1`          Use instead: spaces only
// Fix: none (re-indenting can change what a string holds or where a block ends).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMixedSpacesAndTabs{
    .code = "E101",
    .message = "indentation contains mixed spaces and tabs",
    .summary = "indentation contains mixed spaces and tabs",
    .fix = FixSafety::kNone,
};

void CheckTabsOrSpaces(const Source& src, const PhysicalLine& line, Findings& out);

// flake8's indent_char once rows 1..up_to_row have been read: ' ', '\t', or 0 (none yet).
char IndentChar(const Source& src, int up_to_row);

}  // namespace trajc::lint
