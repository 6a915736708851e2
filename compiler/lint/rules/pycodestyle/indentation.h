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

void CheckIndentation(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
