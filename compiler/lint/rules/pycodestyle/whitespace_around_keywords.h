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

void CheckWhitespaceAroundKeywords(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
