// E721 do not compare types, use 'isinstance()'.
//
// What it does: finds `==`, `!=`, `is` or `is not` followed by `type(...)` or a
// `types.XxxType` name (pycodestyle's COMPARE_TYPE_REGEX, first match of the logical
// line only). `type(a) is type(b)` style comparisons whose argument is a plain
// identifier other than None/True/False are allowed, as in pycodestyle.
// Why is this bad: isinstance() also accepts subclasses, which is nearly always meant.
// Example: `if type(obj) == type(1):`          Use instead: `if isinstance(obj, int):`
// No fix: isinstance() is not equivalent when subclasses matter.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kTypeComparison{
    .code = "E721",
    .message = "do not compare types, use 'isinstance()'",
    .summary = "do not compare types, use 'isinstance()'",
    .fix = FixSafety::kNone,
};

void CheckComparisonType(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
