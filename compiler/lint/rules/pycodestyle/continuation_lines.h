// pycodestyle's continued_indentation: E121 E122 E123 E124 E125 E126 E127 E128 E129 E131.
//
// What it does: follows the brackets of a logical line that spans several physical lines
// and checks where each continuation line starts: aligned with the first token after an
// opening bracket ("visual indent"), or one level (4 columns; 4 or 8 in a tab-indented
// file) in from the line that opened the bracket ("hanging indent"), with a closing
// bracket either aligned to the visual indent or back on the opening line's indentation.
// A port of pycodestyle 2.10's algorithm as flake8 5.0.4 runs it (hang_closing off,
// indent size 4, the file's first indent character as indent_char), on the logical
// line's tokens with its NL and COMMENT tokens. Columns are characters, as in tokenize.
// Why is this bad: PEP 8 asks that wrapped elements line up either way, so that where a
// bracket's contents start and end reads at a glance.
// Example: `print("a",\n    "b")`          Use instead: `print("a",\n      "b")`
// flake8 ignores E121, E123 and E126 by default (they disagree with some accepted styles);
// they are exact when selected.
//
// Fix (safe): re-indent the continuation line, changing only the spaces before its first
// token. That token starts the physical line (never inside a multi-line string) and the
// line continues a bracket or a backslash, so its indentation means nothing to Python and
// the AST stays the same. The new column is one the algorithm itself accepts, tried
// before any edit is offered: the visual indent (E124, E127, E128) or the hanging indent
// from the opening line (E121, E122, E123, E126, E131; E122 falls back to the visual
// indent, E127 and E128 to the hanging indent when the visual one cannot pass, as after a
// backslash outside brackets). A line lined up with the line a fix moves (the strings of
// a dict value under its key) would fail next; a trial pass that moves every failing line
// as it goes finds them, and the fix moves them too, by the same shift where that passes. A finding gets no edit when no column passes, when two different hanging
// indents would (a dict value after `key:` may hang from either line), when the move
// would make the last line E125/E129, or in a file indented with tabs (flake8 then allows
// 8-column hangs, and spaces would bring E101). E125 and E129 have no fix: indenting the
// last line further or the block less are both reasonable, so neither is determined.
// Fixing converges: a fixed line passes given the lines above it, which its fix does
// not touch, so each round settles the first line still wrong.
#pragma once

#include <memory>

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kContinuationUnderIndentedHanging{
    .code = "E121",
    .message = "continuation line under-indented for hanging indent",
    .summary = "continuation line under-indented for hanging indent",
    .fix_title = "Re-indent to the hanging indent",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kContinuationMissingIndentation{
    .code = "E122",
    .message = "continuation line missing indentation or outdented",
    .summary = "continuation line missing indentation or outdented",
    .fix_title = "Re-indent to the hanging indent",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kClosingBracketNotMatchingOpeningLine{
    .code = "E123",
    .message = "closing bracket does not match indentation of opening bracket's line",
    .summary = "closing bracket does not match indentation of opening bracket's line",
    .fix_title = "Align the closing bracket with the opening bracket's line",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kClosingBracketNotMatchingVisualIndent{
    .code = "E124",
    .message = "closing bracket does not match visual indentation",
    .summary = "closing bracket does not match visual indentation",
    .fix_title = "Align the closing bracket with the visual indent",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kContinuationSameIndentAsNext{
    .code = "E125",
    .message = "continuation line with same indent as next logical line",
    .summary = "continuation line with same indent as next logical line",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kContinuationOverIndentedHanging{
    .code = "E126",
    .message = "continuation line over-indented for hanging indent",
    .summary = "continuation line over-indented for hanging indent",
    .fix_title = "Re-indent to the hanging indent",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kContinuationOverIndentedVisual{
    .code = "E127",
    .message = "continuation line over-indented for visual indent",
    .summary = "continuation line over-indented for visual indent",
    .fix_title = "Align with the visual indent",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kContinuationUnderIndentedVisual{
    .code = "E128",
    .message = "continuation line under-indented for visual indent",
    .summary = "continuation line under-indented for visual indent",
    .fix_title = "Align with the visual indent",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kVisualIndentSameAsNext{
    .code = "E129",
    .message = "visually indented line with same indent as next logical line",
    .summary = "visually indented line with same indent as next logical line",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kContinuationUnalignedHanging{
    .code = "E131",
    .message = "continuation line unaligned for hanging indent",
    .summary = "continuation line unaligned for hanging indent",
    .fix_title = "Re-indent to the hanging indent",
    .fix = FixSafety::kSafe,
};

// The check for one file: it learns the file's indent character once and keeps its work
// buffers from one logical line to the next. Cost per logical line: O(t log t) in its
// tokens t (every bracket, column and row is looked up in an ordered map or a heap, so
// deep nesting or long lines stay near linear); one-row logical lines return at once, and
// the trial pass of the fixes runs only on a logical line with a fixable finding.
class ContinuationLines {
 public:
  explicit ContinuationLines(const Source& src);
  ~ContinuationLines();
  ContinuationLines(const ContinuationLines&) = delete;
  ContinuationLines& operator=(const ContinuationLines&) = delete;

  void Check(const LogicalLine& ll, Findings& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trajc::lint
