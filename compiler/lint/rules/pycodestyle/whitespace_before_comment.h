// E261 at least two spaces before inline comment.
//
// What it does: finds an inline comment that starts less than two spaces after the code.
// Why is this bad: PEP 8 separates inline comments by at least two spaces.
// Example: `x = 1 # one`          Use instead: `x = 1  # one`
// Fix (safe): make the gap exactly two spaces.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

void CheckWhitespaceBeforeComment(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
