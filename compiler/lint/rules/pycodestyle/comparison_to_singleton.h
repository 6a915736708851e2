// E711 comparison to None / E712 comparison to True or False.
//
// What it does: finds `== None`, `!= None`, `== True`, `!= False` and the mirrored forms.
// Why is this bad: None is a singleton, compare by identity; `== True` is redundant and
// can call a surprising __eq__.
// Example: `if x == None:`          Use instead: `if x is None:`
// Fix (unsafe: `is None` skips an overloaded `__eq__`, and `is True` is stricter than
// `== True`): replace the operator with `is` / `is not`.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

// pycodestyle words these from the operator and the singleton: E711 "is" or "is not";
// E712 the singleton, then "is"/"is not" + singleton, then "" or "not " before `cond`.
inline constexpr Violation kNoneComparison{
    .code = "E711",
    .message = "comparison to None should be 'if cond is {}None:'",
    .summary = "comparison to None should be 'if cond is None:'",
    .fix_title = "Replace with `is` / `is not`",
    .fix = FixSafety::kUnsafe,
};
inline constexpr Violation kTrueFalseComparison{
    .code = "E712",
    .message = "comparison to {} should be 'if cond is {}{}:' or 'if {}cond:'",
    .summary = "comparison to True/False should be 'if cond is True:' or 'if cond:'",
    .fix_title = "Replace with `is` / `is not`",
    .fix = FixSafety::kUnsafe,
};

void CheckComparisonToSingleton(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
