// E701 multiple statements on one line (colon) / E702 (semicolon) / E703 statement ends
// with a semicolon / E704 multiple statements on one line (def) / E731 do not assign a
// lambda expression, use a def.
//
// What it does: pycodestyle's compound_statements over the logical line (strings muted):
// every `:` outside brackets that is not `:=` ends a compound-statement header (E701 when
// the line starts with if/for/while/with/try/except/else/class/..., E704 for def; the
// first `:` preceded by `lambda` stops the scan and is E731 when the line is
// `name = lambda ...`); every `;` is E702, or E703 when it ends the logical line.
// E704 is in flake8's default extend-ignore.
// Why is this bad: one statement per line keeps code readable and diffs small; a named
// lambda loses its name in tracebacks.
// Example: `if x: y()` / `a = 1; b = 2` / `x = 1;` / `f = lambda: 0`
// Use instead: the body on its own line / one statement per line / `x = 1` / `def f(): return 0`
// Fixes (safe): E703 drops the semicolon; E702 puts the next statement on its own line at
// the same indentation, offered only for a line of simple statements (never after a
// compound header, where the split would move statements out of the body).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kMultipleStatementsOnOneLineColon{
    .code = "E701",
    .message = "multiple statements on one line (colon)",
    .summary = "multiple statements on one line (colon)",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kMultipleStatementsOnOneLineSemicolon{
    .code = "E702",
    .message = "multiple statements on one line (semicolon)",
    .summary = "multiple statements on one line (semicolon)",
    .fix_title = "Put each statement on its own line",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kUselessSemicolon{
    .code = "E703",
    .message = "statement ends with a semicolon",
    .summary = "statement ends with a semicolon",
    .fix_title = "Remove unnecessary semicolon",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMultipleStatementsOnOneLineDef{
    .code = "E704",
    .message = "multiple statements on one line (def)",
    .summary = "multiple statements on one line (def)",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kLambdaAssignment{
    .code = "E731",
    .message = "do not assign a lambda expression, use a def",
    .summary = "do not assign a lambda expression, use a def",
    .fix = FixSafety::kNone,
};

void CheckCompoundStatements(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
