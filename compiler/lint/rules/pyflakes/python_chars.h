// lint/rules/pyflakes/python_chars — the few facts of Python's Unicode database that the
// format-string checks need, and strings as code points.
//
// pyflakes parses format strings with `re` (`\d` is any Unicode decimal digit) and reads
// `{key}` with `int()` (Unicode digits and spaces allowed), and indexes strings by code
// point; so the parsers here work on code points, with Unicode 14.0 (CPython 3.11) tables.
#pragma once

#include <string>
#include <string_view>

namespace trajc::lint {

// str.isdecimal(): the digit's value 0-9, or -1 (category Nd, whose blocks run 0..9).
int DecimalValue(char32_t c);
// str.isspace().
bool IsUnicodeSpace(char32_t c);

// UTF-8 (as python::LiteralOf gives a str's value: valid) to code points and back.
std::u32string ToCodePoints(std::string_view utf8);
std::string ToUtf8(std::u32string_view text);

}  // namespace trajc::lint
