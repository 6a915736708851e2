#include "lint/rules/pycodestyle/extraneous_whitespace.h"

#include <optional>
#include <string>

#include "lint/rules/pycodestyle/logical_gap.h"

namespace trajc::lint {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
// A loop, not string_view::find: a memchr call per character of every logical line cost more.
bool IsOneOf(char c, std::string_view set) {
  for (char s : set) {
    if (s == c) return true;
  }
  return false;
}

// Deletes the whitespace; when a comment sits between the previous line and a comma or
// colon that starts a line inside brackets, moves the punctuation up instead:
// `1  # one\n    , 2` becomes `1,  # one\n    2`.
std::vector<Edit> Fix(const Source& src, const LogicalLine& ll, int offset) {
  std::vector<Edit> edits = GapEdit(src, ll, offset, "");
  if (!edits.empty()) return edits;
  std::optional<LogicalGap> gap = GapAt(src, ll, offset);
  if (!gap || gap->same_row || !gap->commented || gap->end >= src.text.size()) return {};
  char punct = src.text[gap->end];
  if (!IsOneOf(punct, ",;:")) return {};
  size_t drop = gap->end + 1;
  if (drop < src.text.size() && IsBlank(src.text[drop])) ++drop;
  return {Edit{gap->begin, gap->begin, std::string(1, punct)}, Edit{gap->end, drop, ""}};
}

}  // namespace

void CheckExtraneousWhitespace(const Source& src, const LogicalLine& ll, Findings& out) {
  const std::string& line = ll.text;
  const size_t n = line.size();
  // `bracket`: the character the message names, at line[bracket].
  auto report = [&](const Violation& violation, size_t offset, size_t bracket) {
    Position at = ll.Locate(static_cast<int>(offset));
    Report(out, violation, at.row, at.col, {std::string_view(line).substr(bracket, 1)},
           Fix(src, ll, static_cast<int>(offset)));
  };
  // finditer: matches do not overlap, the next search starts where a match ended.
  for (size_t p = 0; p + 1 < n;) {
    char c = line[p], next = line[p + 1];
    if (IsOneOf(c, "[({") && IsBlank(next)) {
      report(kWhitespaceAfterOpenBracket, p + 1, p);
      p += 2;
    } else if (IsBlank(c) && IsOneOf(next, "]}),;:") && !(p + 2 < n && line[p + 2] == '=')) {
      char before = p == 0 ? line.back() : line[p - 1];  // Python's line[-1] at the start
      if (before != ',') {
        report(IsOneOf(next, "}])") ? kWhitespaceBeforeCloseBracket : kWhitespaceBeforePunctuation, p, p + 1);
      }
      p += 2;
    } else {
      ++p;
    }
  }
}

}  // namespace trajc::lint
