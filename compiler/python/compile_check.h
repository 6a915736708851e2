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

// Whether `text` is what pyflakes accepts as a string annotation or a type comment's part:
// `ast.parse(text)` succeeds and the module's body is exactly one expression statement
// ("" and "x = 1" are not; "x;" and "\nx  # c" are). `text` is a Python str's UTF-8 (a
// decoded string literal); its "\r\n" and "\r" read as "\n", as CPython's string input
// does. Parses `text` afresh (linear in its size); never throws.
bool IsOneExpression(std::string_view text);

}  // namespace trajc::python
