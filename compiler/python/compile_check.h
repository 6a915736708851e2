// python/compile_check — would CPython 3.11's `ast.parse` reject this text, and with what.
//
// flake8 parses every file with `ast.parse` before any check and reports only E999 when
// that raises SyntaxError (or IndentationError / TabError). This decides the same from
// three sources: the C tokenizer's errors (cpython_tokens), the statement structure
// CPython's parser enforces (blocks, `:`, indentation, legacy `print x`, invalid targets,
// argument order), and tree-sitter's ERROR/MISSING nodes for the rest. Messages and
// positions follow CPython's for the common kinds; an error tree-sitter alone finds is
// reported as "invalid syntax" at the first token of its ERROR node.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "python/cpython_tokens.h"
#include "python/flat_tree.h"
#include "python/parse.h"

namespace trajc::python {

// `lines` as from SplitLines over the text `tree` was parsed from ("\n" line endings);
// `tree` may be null (then only tokens and structure decide); `flat` is `tree` flattened
// (the caller's, which its other tree rules share), null exactly when `tree` is. Never throws.
std::optional<CError> FindCompileError(const std::vector<std::string_view>& lines, const SourceTree* tree,
                                       const FlatTree* flat);

}  // namespace trajc::python
