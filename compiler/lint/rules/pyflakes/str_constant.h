// lint/rules/pyflakes/str_constant — what pyflakes 2.5 takes for `ast.Str`, and its value.
//
// Under CPython 3.8+ `isinstance(node, ast.Str)` holds for an `ast.Constant` whose value
// is a str: a plain, raw or u-string, or an implicit concatenation of them (CPython folds
// `'a' 'b'` into one constant), in any parentheses. f-strings are JoinedStr and bytes are
// bytes: neither counts. The value is the decoded string (escapes, `\` + newline …).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lint/rules/rule.h"

namespace trajc::lint {

// `n` without the parentheses around it (`((x))` is `x`).
TSNode Unparenthesized(TSNode n);

// Whether the (unparenthesized) expression `n` is an ast.Str.
bool IsStrConstant(const Source& src, TSNode n);

// The value of an ast.Str `n` in UTF-8, or nullopt when trajc cannot decode it well enough
// (lone surrogates, `\N{name}` naming what may be a digit or a space).
//
// trajc has no Unicode name table: `\N{name}` of a printable ASCII character is decoded;
// any other name stands for a character that is neither ASCII nor a digit nor a space,
// which the format parsers treat alike, and is spelt kUnnamedStart, the name,
// kUnnamedEnd, so that equal names give equal strings. A message that would print such a
// character is not reported (see MentionsUnnamed).
std::optional<std::string> StrConstantValue(const Source& src, TSNode n);

// U+FDD0 and U+FDD1, noncharacters: they never stand for themselves in real source.
inline constexpr char32_t kUnnamedStart = 0xFDD0;
inline constexpr char32_t kUnnamedEnd = 0xFDD1;
// Whether `text` (UTF-8) holds a character StrConstantValue could not name.
bool MentionsUnnamed(std::string_view text);

}  // namespace trajc::lint
