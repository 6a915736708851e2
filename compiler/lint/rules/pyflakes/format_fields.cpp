#include "lint/rules/pyflakes/format_fields.h"

#include "lint/rules/pyflakes/python_chars.h"

namespace trajc::lint {

namespace {

// parse_field: the field after its `{` (at s[i]), through its closing `}`. Returns the
// error text, or "" with `field` filled and `i` past the field.
std::string ParseField(std::u32string_view s, size_t& i, FormatField& field) {
  const size_t n = s.size();
  const size_t name_start = i;
  char32_t c = 0;
  while (i < n) {
    c = s[i++];
    if (c == U'{') return "unexpected '{' in field name";
    if (c == U'[') {
      while (i < n && s[i] != U']') ++i;  // `]` itself is read as the next character
      continue;
    }
    if (c == U'}' || c == U':' || c == U'!') break;
  }
  field.name = std::u32string(s.substr(name_start, i - 1 - name_start));
  if (c == U'!' || c == U':') {
    if (c == U'!') {
      if (i >= n) return "end of string while looking for conversion specifier";
      ++i;  // the conversion character, whatever it is
      if (i < n) {
        c = s[i++];
        if (c == U'}') return "";
        if (c != U':') return "expected ':' after conversion specifier";
      }
    }
    const size_t spec_start = i;
    int depth = 1;
    while (i < n) {
      c = s[i++];
      if (c == U'{') {
        ++depth;
      } else if (c == U'}' && --depth == 0) {
        field.spec = std::u32string(s.substr(spec_start, i - 1 - spec_start));
        return "";
      }
    }
    return "unmatched '{' in format spec";
  }
  if (c != U'}') return "expected '}' before end of string";
  return "";
}

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

ParsedFormat ParseFormatString(std::u32string_view s) {
  ParsedFormat out;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Literal text up to the first `{` or `}`; doubled ones are literal text.
    char32_t c = 0;
    bool markup = false;
    while (i < n) {
      c = s[i++];
      if (c == U'{' || c == U'}') {
        markup = true;
        break;
      }
    }
    const bool at_end = i >= n;
    if (c == U'}' && (at_end || s[i] != c)) {
      out.error = "Single '}' encountered in format string";
      return out;
    }
    if (at_end && c == U'{') {
      out.error = "Single '{' encountered in format string";
      return out;
    }
    if (!at_end && s[i] == c) {
      ++i;
      markup = false;
    }
    if (!markup) continue;
    FormatField field;
    out.error = ParseField(s, i, field);
    if (!out.error.empty()) return out;
    out.fields.push_back(std::move(field));
  }
  return out;
}

std::optional<std::string> PythonInt(std::u32string_view text) {
  // _PyUnicode_TransformDecimalAndSpaceToASCII, then PyLong_FromString(base 10).
  std::string ascii;
  ascii.reserve(text.size());
  for (char32_t c : text) {
    if (c < 127) {
      ascii += static_cast<char>(c);
    } else if (IsUnicodeSpace(c)) {
      ascii += ' ';
    } else if (int d = DecimalValue(c); d >= 0) {
      ascii += static_cast<char>('0' + d);
    } else {
      return std::nullopt;
    }
  }
  size_t i = 0;
  const size_t n = ascii.size();
  while (i < n && IsAsciiSpace(ascii[i])) ++i;
  bool negative = false;
  if (i < n && (ascii[i] == '+' || ascii[i] == '-')) negative = ascii[i++] == '-';
  if (i < n && ascii[i] == '_') return std::nullopt;
  std::string digits;  // without leading zeros
  bool any_digit = false;
  char prev = 0;
  for (; i < n && ((ascii[i] >= '0' && ascii[i] <= '9') || ascii[i] == '_'); ++i) {
    const char ch = ascii[i];
    if (ch == '_' && prev == '_') return std::nullopt;
    if (ch != '_') {
      any_digit = true;
      if (!digits.empty() || ch != '0') digits += ch;
    }
    prev = ch;
  }
  if (!any_digit || prev == '_') return std::nullopt;
  while (i < n && IsAsciiSpace(ascii[i])) ++i;
  if (i != n) return std::nullopt;
  if (digits.empty()) return "0";
  return negative ? "-" + digits : digits;
}

}  // namespace trajc::lint
