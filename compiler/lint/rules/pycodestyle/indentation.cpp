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
  Position at = ll.Locate(0);
  if (ll.indent_level % kIndentSize) {
    Report(out, comment ? kIndentationWithInvalidMultipleComment : kIndentationWithInvalidMultiple, at.row, at.col,
           {std::to_string(kIndentSize)});
  }
  const bool indent_expect = !ll.previous_logical.empty() && ll.previous_logical.back() == ':';
  if (indent_expect && ll.indent_level <= ll.previous_indent_level) {
    if (comment) {
      Report(out, kNoIndentedBlockComment, at.row, at.col, {},
             ReindentComment(src, ll, at, ll.previous_indent_level + kIndentSize));
    } else {
      Report(out, kNoIndentedBlock, at.row, at.col);
    }
  } else if (!indent_expect && ll.indent_level > ll.previous_indent_level) {
    if (comment) {
      Report(out, kUnexpectedIndentationComment, at.row, at.col, {},
             ReindentComment(src, ll, at, ll.previous_indent_level));
    } else {
      Report(out, kUnexpectedIndentation, at.row, at.col);
    }
  }
  if (indent_expect) {
    const int amount = IndentChar(src, ll.line_number) == '\t' ? 8 : 4;
    if (ll.indent_level > ll.previous_indent_level + amount) {
      Report(out, kOverIndented, at.row, at.col, {comment ? " (comment)" : ""});
    }
  }
}

}  // namespace trajc::lint
