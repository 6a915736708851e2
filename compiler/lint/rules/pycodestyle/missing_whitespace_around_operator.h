// E225 missing whitespace around operator.
//
// What it does: finds comparison, assignment and boolean operators (and arithmetic ones
// spaced on one side only) that are not surrounded by spaces, as pycodestyle does.
// Why is this bad: `x=y+1` hides where one operand ends and the next starts.
// Example: `if x==1:`          Use instead: `if x == 1:`
// Fix (safe): insert one space where it is missing.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

void CheckMissingWhitespaceAroundOperator(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
