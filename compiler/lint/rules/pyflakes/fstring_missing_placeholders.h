// F541 f-string is missing placeholders.
//
// What it does: finds f-strings with no `{...}` placeholder (pyflakes 2.5's JoinedStr
// check). Implicitly concatenated strings are one JoinedStr, so `f'a' f'{b}'` is fine and
// `'{a}' f'b'` is reported once, at the first string. An f-string nested inside another
// f-string's placeholder is not checked (pyflakes' `_in_fstring`).
// Why is this bad: the `f` prefix promises interpolation; without placeholders it is
// noise, or a forgotten `{}`.
// Example: `print(f'done')`          Use instead: `print('done')`
// Fix (safe): drop the `f` of each f-prefixed part and un-double its `{{` / `}}`, which
// leaves the string's value unchanged.
#pragma once

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kFStringMissingPlaceholders{
    .code = "F541",
    .message = "f-string is missing placeholders",
    .summary = "f-string is missing placeholders",
    .fix_title = "Remove extraneous `f` prefix",
    .fix = FixSafety::kSafe,
};

// `tree`: the flattened src.tree.
void CheckFStringMissingPlaceholders(const Source& src, const python::FlatTree& tree, Findings& out);

}  // namespace trajc::lint
