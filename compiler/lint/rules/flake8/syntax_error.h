// E999 SyntaxError: message (flake8's own code, not pycodestyle's or pyflakes').
//
// What it does: flake8 runs `ast.parse` on every file before any check; when CPython
// rejects the file, flake8 reports that one error, at SyntaxError's line and offset, and
// nothing else. python/compile_check decides, from tree-sitter's tree and the tokens,
// what CPython 3.11 would reject and with which type and message.
// Why is this bad: the file does not run.
// Example: `def f(:`          Use instead: valid Python
// No fix: what was meant is unknown.
#pragma once

#include <optional>

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kSyntaxError{
    .code = "E999",
    .message = "{}: {}",  // the exception's type and message: "SyntaxError: invalid syntax"
    .summary = "syntax error: CPython's ast.parse rejects the file",
    .fix = FixSafety::kNone,
};

// The E999 finding of `src`, or nullopt when CPython would parse it (or it is not
// decodable: flake8 stops before parsing then). `flat`: the flattened src.tree, or null.
std::optional<Finding> CheckSyntaxError(const Source& src, const python::FlatTree* flat);

}  // namespace trajc::lint
