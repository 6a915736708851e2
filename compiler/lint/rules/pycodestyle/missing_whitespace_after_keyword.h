// E275 missing whitespace after keyword
//
// What it does: pycodestyle's missing_whitespace_after_keyword. A token that is a Python
// keyword (not True/False/None, async or await) directly followed by the next token, as in
// `if(x)`, `not(x)`, `from.mod import x`, `import(a)`, `pass;`. Not reported before `:`,
// a newline (or the empty NEWLINE at the end of a file), `except*` and `yield)`.
// Why is this bad: a keyword glued to a bracket reads like a function call.
// Example: `if(x): pass`          Use instead: `if (x): pass`
// Fix (safe): insert one space after the keyword.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMissingWhitespaceAfterKeyword{
    .code = "E275",
    .message = "missing whitespace after keyword",
    .summary = "missing whitespace after keyword",
    .fix_title = "Add missing whitespace",
    .fix = FixSafety::kSafe,
};

void CheckMissingWhitespaceAfterKeyword(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
