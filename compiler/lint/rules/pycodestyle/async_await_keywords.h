// W606 'async' and 'await' are reserved keywords starting with Python 3.7.
//
// What it does: pycodestyle's token state machine over a logical line (written for
// tokenizers that read async/await as names): `async` must be followed by `def`, `with`
// or `for`; `await` by a name or `(`; `def`/`for` must not be followed by `async` or
// `await`. Anything else is reported at the `async`/`await` (or the `def`/`for`).
// In Python 3.11 code that parses, it is an `await` of an atom that is not a name or
// parenthesized: `await [f()][0]`, `await {k: v}.get(k)`, `await "text"`, `await ...`.
// Why is this bad: kept by flake8 5 for code that used async/await as names; on current
// code it flags awaits of expressions that do not start with a name.
// Example: `await [f()][0]`          Use instead: `await ([f()][0])`
// No fix: pycodestyle's wording is about names; no rewrite is what it asks for.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kAsyncAwaitKeywords{
    .code = "W606",
    .message = "'async' and 'await' are reserved keywords starting with Python 3.7",
    .summary = "'async' and 'await' are reserved keywords starting with Python 3.7",
    .fix = FixSafety::kNone,
};

void CheckAsyncAwaitKeywords(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
