// E221 multiple spaces before operator, E222 multiple spaces after operator,
// E223 tab before operator, E224 tab after operator.
//
// What it does: finds runs of more than one blank, or a tab, next to an operator, as
// pycodestyle's whitespace_around_operator does over the logical line (regex
// `[^,\s](\s*)(?:[-+*/|!<=>%&^]+|:=)(\s*)`).
// Quirks kept from pycodestyle 2.10: a run of operator characters counts as one operator
// (`x =-  1` is E222 after `=-`), and an operator right after a comma or at the start of
// the line is not looked at on its left (`f(a,  -b)` is E241's); a break across lines
// inside brackets counts as one space.
// Why is this bad: aligning `=` signs with extra blanks breaks as soon as a name changes.
// Example: `x    = 1`          Use instead: `x = 1`
// Fix (safe): replace the whitespace with one space.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

void CheckWhitespaceAroundOperator(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
