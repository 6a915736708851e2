// lint/rules/pyflakes/format_fields — `string.Formatter().parse` and `int()` as pyflakes'
// str.format check uses them, on code points.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trajc::lint {

// One item of Formatter().parse(s) that has a replacement field (items of literal text
// alone, whose field name is None, are left out: nothing reads them).
struct FormatField {
  std::u32string name;  // field_name: "" for `{}`, "0.x" for `{0.x}`
  std::u32string spec;  // format_spec: "" when absent
};

struct ParsedFormat {
  std::vector<FormatField> fields;
  std::string error;  // str() of the ValueError CPython raises, or "" when it parses
};

// CPython 3.11's MarkupIterator (Objects/stringlib/unicode_format.h): the whole string
// is parsed, so an error anywhere wins, as `tuple(parse(s))` in pyflakes.
ParsedFormat ParseFormatString(std::u32string_view s);

// Python's int(text) for a str: the value in canonical decimal ("-12", "0"), or nullopt
// where int() raises ValueError (Unicode digits and spaces count, `_` between digits).
std::optional<std::string> PythonInt(std::u32string_view text);

}  // namespace trajc::lint
