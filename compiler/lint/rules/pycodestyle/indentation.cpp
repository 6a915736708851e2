#include "lint/rules/pycodestyle/indentation.h"

#include <string>
#include <vector>

#include "lint/rules/pycodestyle/tabs_or_spaces.h"

namespace trajc::lint {

namespace {

constexpr int kIndentSize = 4;  // flake8's --indent-size default

// Re-indents a comment-only line to `level` spaces. Comments do not take part in Python's
// indentation, so this never changes the AST; it is offered only in a file indented with
// spaces and for a comment indented with spaces alone, so that it brings no tab in or out.
std::vector<Edit> ReindentComment(const Source& src, const LogicalLine& ll, Position at, int level) {
  std::string_view line = src.Line(at.row);
  if (static_cast<size_t>(at.col) > line.size() || IndentChar(src, ll.line_number) == '\t') return {};
  std::string_view prefix = line.substr(0, static_cast<size_t>(at.col));
  if (prefix.find_first_not_of(' ') != std::string_view::npos) return {};
  return {Edit{src.Offset(at.row, 0), src.Offset(at.row, at.col), std::string(static_cast<size_t>(level), ' ')}};
}

}  // namespace

void CheckIndentation(const Source& src, const LogicalLine& ll, Findings& out) {
  const bool comment = ll.text.empty();
  const int base = comment ? 3 : 0;
  Position at = ll.Locate(0);
  auto report = [&](int n, std::string text, std::vector<Edit> fix = {}) {
    if (comment) text += " (comment)";
    out.push_back({"E11" + std::to_string(n), at.row, at.col, false, std::move(text), std::move(fix)});
  };
  if (ll.indent_level % kIndentSize) report(1 + base, "indentation is not a multiple of " + std::to_string(kIndentSize));
  const bool indent_expect = !ll.previous_logical.empty() && ll.previous_logical.back() == ':';
  if (indent_expect && ll.indent_level <= ll.previous_indent_level) {
    report(2 + base, "expected an indented block",
           comment ? ReindentComment(src, ll, at, ll.previous_indent_level + kIndentSize) : std::vector<Edit>{});
  } else if (!indent_expect && ll.indent_level > ll.previous_indent_level) {
    report(3 + base, "unexpected indentation",
           comment ? ReindentComment(src, ll, at, ll.previous_indent_level) : std::vector<Edit>{});
  }
  if (indent_expect) {
    const int amount = IndentChar(src, ll.line_number) == '\t' ? 8 : 4;
    if (ll.indent_level > ll.previous_indent_level + amount) report(7, "over-indented");
  }
}

}  // namespace trajc::lint
