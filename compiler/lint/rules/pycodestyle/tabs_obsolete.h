// W191 indentation contains tabs.
//
// What it does: flags a physical line whose indentation holds a tab (reported at the
// first tab), multi-line string lines included, as flake8 checks them.
// Why is this bad: PEP 8 prefers spaces; tabs display differently in every editor.
// Example: `if True:\n\treturn`          Use instead: `if True:\n    return`
// Fix: none (expanding tabs inside a string changes its value, and mixed files can
// change block structure).
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

inline constexpr Violation kTabIndentation{
    .code = "W191",
    .message = "indentation contains tabs",
    .summary = "indentation contains tabs",
    .fix = FixSafety::kNone,
};

void CheckTabsObsolete(const Source& src, const PhysicalLine& line, Findings& out);

}  // namespace trajc::lint
