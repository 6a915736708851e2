// python/docstring_text — the character and line helpers of the docstring parser: names
// (identifiers, `*args`, dotted exception names), type-like text, joining an item's lines,
// tab expansion and line splitting. Shared by every style through docstring_internal.h.
#include <algorithm>

#include "python/docstring_internal.h"

namespace trajc::python::docstring_internal {

namespace {

// Whether a run of spaces at [at] (outside brackets) touches a `|`, as in `int | None`.
bool SpacesAroundBar(std::string_view s, size_t at) {
  size_t left = at, right = at;
  while (left > 0 && s[left - 1] == ' ') --left;
  while (right < s.size() && s[right] == ' ') ++right;
  return (left > 0 && s[left - 1] == '|') || (right < s.size() && s[right] == '|');
}

}  // namespace

bool IsIdentifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), IsIdentifierChar);
}

// A parameter name as authors write it: `x`, `*args`, `**kwargs`.
bool IsParamName(std::string_view s) {
  size_t stars = 0;
  while (stars < s.size() && stars < 2 && s[stars] == '*') ++stars;
  return IsIdentifier(s.substr(stars));
}

// An exception name, possibly qualified: `ValueError`, `json.JSONDecodeError`.
bool IsDottedName(std::string_view s) {
  while (true) {
    size_t dot = s.find('.');
    if (!IsIdentifier(s.substr(0, dot))) return false;
    if (dot == kNone) return true;
    s.remove_prefix(dot + 1);
  }
}

// Whether the text before a colon in a Google Returns line reads as a type annotation
// (`int`, `dict[str, int]`, `int | None`) rather than prose: prose has bare spaces.
bool LooksLikeType(std::string_view s) {
  if (s.empty() || !IsIdentifierChar(s[0]) || (s[0] >= '0' && s[0] <= '9')) return false;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsIdentifierChar(c) || c == '.' || c == ',' || c == '|') continue;
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (--depth < 0) return false;
    } else if (c != ' ' || (depth == 0 && !SpacesAroundBar(s, i))) {
      return false;
    }
  }
  return depth == 0;
}

// Joins an item's lines: a paragraph's lines by single spaces, paragraphs by "\n\n".
std::string JoinText(const std::vector<std::string_view>& lines) {
  std::string out;
  bool paragraph_break = false;
  for (std::string_view line : lines) {
    std::string_view text = Trim(line);
    if (text.empty()) {
      paragraph_break = !out.empty();
      continue;
    }
    if (!out.empty()) out += paragraph_break ? "\n\n" : " ";
    paragraph_break = false;
    out += text;
  }
  return out;
}

void AppendBlock(std::string& to, std::string block) {
  if (block.empty()) return;
  if (!to.empty()) to += "\n\n";
  to += block;
}

// Tabs to spaces with stops every 8 columns, like str.expandtabs(); columns count code
// points, not bytes, so a tab after non-ASCII text lands where Python puts it.
std::string ExpandTabs(std::string_view line) {
  std::string out;
  size_t column = 0;
  for (char c : line) {
    if (c == '\t') {
      size_t n = 8 - column % 8;
      out.append(n, ' ');
      column += n;
      continue;
    }
    out += c;
    if (c == '\r') column = 0;
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  }
  return out;
}

Lines SplitLines(std::string_view text) {
  Lines lines;
  while (true) {
    size_t nl = text.find('\n');
    lines.emplace_back(text.substr(0, nl));
    if (nl == kNone) return lines;
    text.remove_prefix(nl + 1);
  }
}

}  // namespace trajc::python::docstring_internal
