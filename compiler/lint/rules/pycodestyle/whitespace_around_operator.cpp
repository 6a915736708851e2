#include "lint/rules/pycodestyle/whitespace_around_operator.h"

#include <string>

#include "lint/rules/char_class.h"
#include "lint/rules/pycodestyle/logical_gap.h"

namespace trajc::lint {

namespace {

// Python's `\s` over the characters a logical line can hold outside strings.
bool IsOperatorChar(char c) {
  switch (c) {  // not string_view::find: a memchr call per character of every logical line
    case '-': case '+': case '*': case '/': case '|': case '!': case '<': case '=': case '>': case '%': case '&': case '^':
      return true;
    default:
      return false;
  }
}

}  // namespace

void CheckWhitespaceAroundOperator(const Source& src, const LogicalLine& ll, Findings& out) {
  const std::string& line = ll.text;
  const size_t n = line.size();
  // One side of a match: [from, to) is the `(\s*)` group.
  auto check = [&](size_t from, size_t to, const Violation& tab, const Violation& spaces) {
    std::string_view group = std::string_view(line).substr(from, to - from);
    const Violation* violation = nullptr;
    if (group.find('\t') != std::string_view::npos) {
      violation = &tab;
    } else if (group.size() > 1) {
      violation = &spaces;
    } else {
      return;
    }
    Position at = ll.Locate(static_cast<int>(from));
    Report(out, *violation, at.row, at.col, {}, GapEdit(src, ll, static_cast<int>(from), " "));
  };
  // finditer; the pattern cannot backtrack into another match here: `\s*` is bounded by a
  // non-blank on the left and must be followed by an operator character.
  for (size_t p = 0; p < n;) {
    if (line[p] == ',' || IsPySpace(line[p])) {
      ++p;
      continue;
    }
    size_t before = p + 1, op = before;
    while (op < n && IsPySpace(line[op])) ++op;
    size_t op_end = op;
    while (op_end < n && IsOperatorChar(line[op_end])) ++op_end;
    if (op_end == op && op + 1 < n && line[op] == ':' && line[op + 1] == '=') op_end = op + 2;
    if (op_end == op) {
      ++p;
      continue;
    }
    size_t after_end = op_end;
    while (after_end < n && IsPySpace(line[after_end])) ++after_end;
    check(before, op, kTabBeforeOperator, kMultipleSpacesBeforeOperator);
    check(op_end, after_end, kTabAfterOperator, kMultipleSpacesAfterOperator);
    p = after_end;
  }
}

}  // namespace trajc::lint
