// E722 do not use bare 'except'.
//
// What it does: finds a logical line starting with `except:` (pycodestyle's
// BLANK_EXCEPT_REGEX `except\s*:` anchored at the start).
// Why is this bad: a bare except also catches SystemExit and KeyboardInterrupt and hides
// programming errors.
// Example: `except:`          Use instead: `except Exception:`
// No fix: which exception to catch is the author's decision.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kBareExcept{
    .code = "E722",
    .message = "do not use bare 'except'",
    .summary = "do not use bare 'except'",
    .fix = FixSafety::kNone,
};

void CheckBareExcept(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
