// lint/rules/pyflakes/str_constant — what pyflakes 2.5 takes for `ast.Str`, and its value.
//
// Under CPython 3.8+ `isinstance(node, ast.Str)` holds for an `ast.Constant` whose value
// is a str: a plain, raw or u-string, or an implicit concatenation of them (CPython folds
// `'a' 'b'` into one constant), in any parentheses. f-strings are JoinedStr and bytes are
// bytes: neither counts. The value is the decoded string (escapes, `\` + newline …).
#pragma once

#include <optional>
#include <string>

#include "lint/rules/rule.h"

namespace trajc::lint {

// `n` without the parentheses around it (`((x))` is `x`).
TSNode Unparenthesized(TSNode n);

// Whether the (unparenthesized) expression `n` is an ast.Str.
bool IsStrConstant(const Source& src, TSNode n);

// The value of an ast.Str `n` in UTF-8, or nullopt when trajc cannot decode it exactly:
// `\N{name}` escapes (no Unicode name table here) and lone surrogates (`'\ud800'`).
std::optional<std::string> StrConstantValue(const Source& src, TSNode n);

}  // namespace trajc::lint
