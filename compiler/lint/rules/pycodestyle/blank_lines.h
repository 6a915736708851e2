// pycodestyle's blank_lines, every code it yields:
//   E301 expected 1 blank line, found 0 / E302 expected 2 blank lines, found N /
//   E303 too many blank lines (N) / E304 blank lines found after function decorator /
//   E305 expected 2 blank lines after class or function definition, found N /
//   E306 expected 1 blank line before a nested definition, found 0.
//
// What it does: checks the blank lines before top-level `def`/`class`/decorators (two),
// before methods and nested definitions (one), after the end of a top-level definition
// (two), none between a decorator and what it decorates, and flags runs of more than two
// blank lines (more than one inside a block), with pycodestyle's exact counting (comments
// keep the largest run seen since the last statement; one-liner groups of defs are
// allowed; E301/E306 say "found 0" whatever the count; E306 is told from E301 by walking
// back over the raw lines to the nearest less indented one and asking if it is a `def`).
// Why is this bad: PEP 8 separates top-level definitions by two blank lines and methods by one.
// Example: `x = 1\ndef f(): ...`          Use instead: `x = 1\n\n\ndef f(): ...`
// Fix (safe): insert the missing blank lines (E301, E302, E305, E306; E301/E306 only when
// there is no blank line at all) or delete the extra ones (E303, E304).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kBlankLineBetweenMethods{
    .code = "E301",
    .message = "expected 1 blank line, found 0",
    .summary = "expected 1 blank line, found 0",
    .fix_title = "Add missing blank line",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kBlankLinesTopLevel{
    .code = "E302",
    .message = "expected 2 blank lines, found {}",
    .summary = "expected 2 blank lines",
    .fix_title = "Add missing blank line(s)",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kTooManyBlankLines{
    .code = "E303",
    .message = "too many blank lines ({})",
    .summary = "too many blank lines",
    .fix_title = "Remove extraneous blank line(s)",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kBlankLineAfterDecorator{
    .code = "E304",
    .message = "blank lines found after function decorator",
    .summary = "blank lines found after function decorator",
    .fix_title = "Remove blank line(s) after the decorator",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kBlankLinesAfterFunctionOrClass{
    .code = "E305",
    .message = "expected 2 blank lines after class or function definition, found {}",
    .summary = "expected 2 blank lines after class or function definition",
    .fix_title = "Add missing blank line(s)",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kBlankLinesBeforeNestedDefinition{
    .code = "E306",
    .message = "expected 1 blank line before a nested definition, found 0",
    .summary = "expected 1 blank line before a nested definition, found 0",
    .fix_title = "Add missing blank line",
    .fix = FixSafety::kSafe,
};

void CheckBlankLines(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
