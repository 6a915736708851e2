// E211 whitespace before '(' or '['.
//
// What it does: finds whitespace between a name (or a closing bracket) and the bracket
// that opens its call, index or slice, as pycodestyle's whitespace_before_parameters
// does over the tokens of a logical line.
// Quirks kept from pycodestyle 2.10: keywords and the 3.11 soft keywords (`match`, `case`,
// `_`) are exempt, `print` is not; `class A (B):` is allowed; a backslash continuation
// between the name and the bracket counts as whitespace.
// Why is this bad: `spam (1)` looks like two expressions side by side.
// Example: `spam (1)`, `d ['key']`          Use instead: `spam(1)`, `d['key']`
// Fix (safe): delete the whitespace.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kWhitespaceBeforeParameters{
    .code = "E211",
    .message = "whitespace before '{}'",
    .summary = "whitespace before '('",
    .fix_title = "Remove extraneous whitespace",
    .fix = FixSafety::kSafe,
};

void CheckWhitespaceBeforeParameters(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
