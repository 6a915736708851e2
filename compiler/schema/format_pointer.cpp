#include "schema/format_checks.h"

namespace trajc::schema::format {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits at `i` forming a non-negative-integer ("0" or no leading zero); advances `i`.
bool ReadNonNegativeInteger(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == start) return false;
  return s[start] != '0' || i == start + 1;
}

}  // namespace

bool IsJsonPointer(std::string_view s) {
  if (!s.empty() && s[0] != '/') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

bool IsRelativeJsonPointer(std::string_view s) {
  std::size_t i = 0;
  if (!ReadNonNegativeInteger(s, i)) return false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {  // index manipulation
    ++i;
    if (!ReadNonNegativeInteger(s, i)) return false;
  }
  std::string_view rest = s.substr(i);
  return rest == "#" || IsJsonPointer(rest);
}

}  // namespace trajc::schema::format
