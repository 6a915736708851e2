// E302 expected 2 blank lines, found N / E303 too many blank lines (N).
//
// What it does: checks the blank lines before top-level `def`/`class`/decorators (two)
// and flags runs of more than two blank lines (more than one inside a block), with
// pycodestyle's exact counting (comments keep the largest run seen since the last
// statement; one-liner groups of defs are allowed).
// Why is this bad: PEP 8 separates top-level definitions by two blank lines.
// Example: `x = 1\ndef f(): ...`          Use instead: `x = 1\n\n\ndef f(): ...`
// Fix (safe): insert the missing blank lines (E302) or delete the extra ones (E303).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

void CheckBlankLines(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
