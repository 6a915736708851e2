// pycodestyle's indentation: E111 indentation is not a multiple of 4 / E112 expected an
// indented block / E113 unexpected indentation / E114, E115, E116 the same three for a
// comment-only line (message + " (comment)") / E117 over-indented.
//
// What it does: compares each logical line's indentation (tabs expanded to 8) with the
// previous non-comment logical line: a multiple of 4, deeper after a `:`, not deeper
// otherwise, and at most one level (4 spaces, or 8 when the file indents with tabs)
// deeper after a `:`. A comment-only line gets E117 with " (comment)" too, as pycodestyle
// builds every message from one template.
// flake8 quirk: E112 and E113 (and most E115/E116 on code lines) mean the file does not
// compile, and then flake8 reports only E999; they show only where our syntax check
// (FlakeWouldCheck) lets such a file through, as pycodestyle itself would report them.
// Why is this bad: PEP 8 indents by four spaces per level.
// Example: `if x:\n  y = 1`          Use instead: `if x:\n    y = 1`
// Fix: only for comment-only lines, which Python's indentation ignores (safe): E115
// indents the comment one level (4 spaces) below the `:` line, E116 aligns it with the
// previous statement; offered in space-indented files for comments indented with spaces.
// None for code lines (changing indentation can move a statement into or out of a block).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

// pycodestyle builds these from one template, "E11%d %s" on a code line and
// "E11%d %s (comment)" on a comment-only line: E114-E116 are E111-E113 for comments, and
// E117 keeps its code with " (comment)" added (the "{}" of its message).
inline constexpr Violation kIndentationWithInvalidMultiple{
    .code = "E111",
    .message = "indentation is not a multiple of {}",
    .summary = "indentation is not a multiple of 4",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kNoIndentedBlock{
    .code = "E112",
    .message = "expected an indented block",
    .summary = "expected an indented block",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kUnexpectedIndentation{
    .code = "E113",
    .message = "unexpected indentation",
    .summary = "unexpected indentation",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kIndentationWithInvalidMultipleComment{
    .code = "E114",
    .message = "indentation is not a multiple of {} (comment)",
    .summary = "indentation is not a multiple of 4 (comment)",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kNoIndentedBlockComment{
    .code = "E115",
    .message = "expected an indented block (comment)",
    .summary = "expected an indented block (comment)",
    .fix_title = "Indent the comment one level below the block header",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kUnexpectedIndentationComment{
    .code = "E116",
    .message = "unexpected indentation (comment)",
    .summary = "unexpected indentation (comment)",
    .fix_title = "Align the comment with the previous statement",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kOverIndented{
    .code = "E117",
    .message = "over-indented{}",
    .summary = "over-indented",
    .fix = FixSafety::kNone,
};

void CheckIndentation(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
