// E271 multiple spaces after keyword
// E272 multiple spaces before keyword
// E273 tab after keyword
// E274 tab before keyword
//
// What it does: pycodestyle's whitespace_around_keywords. It matches
// `(\s*)\b(keyword)\b(\s*)` over the logical line (strings already replaced by "xxx"), where
// the keywords are Python's without True/False/None plus `print` and `async`; a blank run
// with a tab is E274 before / E273 after, else one longer than a space is E272 / E271.
// Quirk kept: matches do not overlap, so the blanks between two keywords (`not  in`) are
// reported once, as after the first (E271).
// Why is this bad: PEP 8 wants a single space around keywords.
// Example: `x = a  and\tb`          Use instead: `x = a and b`
// Fix (safe): replace the blank run with one space.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMultipleSpacesAfterKeyword{
    .code = "E271",
    .message = "multiple spaces after keyword",
    .summary = "multiple spaces after keyword",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMultipleSpacesBeforeKeyword{
    .code = "E272",
    .message = "multiple spaces before keyword",
    .summary = "multiple spaces before keyword",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTabAfterKeyword{
    .code = "E273",
    .message = "tab after keyword",
    .summary = "tab after keyword",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTabBeforeKeyword{
    .code = "E274",
    .message = "tab before keyword",
    .summary = "tab before keyword",
    .fix_title = "Replace with a single space",
    .fix = FixSafety::kSafe,
};

void CheckWhitespaceAroundKeywords(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
