// E261 at least two spaces before inline comment
// E262 inline comment should start with '# '
// E265 block comment should start with '# '
// E266 too many leading '#' for block comment
//
// What it does: pycodestyle's whitespace_before_comment. An inline comment must start at
// least two spaces after the code (E261) and with exactly `# ` (E262: `#x`, `#  x`,
// `# \xa0x`, `##x`; a bare `#` is fine). A block comment must start with `#` and a space
// (E265: `#x`, `##x`, `#!x` except a shebang on line 1; `#:` and `#: x` are fine) and not
// with several `#` followed by text (E266: `## x`; a line of only `#`s is fine).
// Quirks kept from pycodestyle: the comment is split at its first space only, so `#\tx`
// is E265/E262; `#:x` is E265.
// Why is this bad: PEP 8 spells comments `# text` and inline comments two spaces away.
// Example: `x = 1 #one`, `#two`, `### three`   Use instead: `x = 1  # one`, `# two`, `# three`
// Fix (safe, comments only): E261 makes the gap two spaces; E262/E265 drop the leading
// `#`s and blanks and write `# ` (an empty inline comment becomes `#`); E266 keeps one `#`.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kTooFewSpacesBeforeInlineComment{
    .code = "E261",
    .message = "at least two spaces before inline comment",
    .summary = "at least two spaces before inline comment",
    .fix_title = "Insert two spaces before the comment",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kNoSpaceAfterInlineComment{
    .code = "E262",
    .message = "inline comment should start with '# '",
    .summary = "inline comment should start with '# '",
    .fix_title = "Format the inline comment as `# text`",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kNoSpaceAfterBlockComment{
    .code = "E265",
    .message = "block comment should start with '# '",
    .summary = "block comment should start with '# '",
    .fix_title = "Format the block comment as `# text`",
    .fix = FixSafety::kSafe,
};
inline constexpr Violation kMultipleLeadingHashesForBlockComment{
    .code = "E266",
    .message = "too many leading '#' for block comment",
    .summary = "too many leading '#' for block comment",
    .fix_title = "Remove leading `#`s",
    .fix = FixSafety::kSafe,
};

void CheckWhitespaceBeforeComment(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
