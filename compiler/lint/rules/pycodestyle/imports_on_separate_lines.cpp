#include "lint/rules/pycodestyle/imports_on_separate_lines.h"

namespace trajc::lint {

using python::Token;
using python::TokenType;

namespace {

bool IsCode(const Token& t) {
  return t.type != TokenType::kNl && t.type != TokenType::kNewline && t.type != TokenType::kIndent &&
         t.type != TokenType::kDedent && t.type != TokenType::kComment && t.type != TokenType::kEndMarker;
}

// Each top-level comma of the import becomes "\n<indent>import ", swallowing the spaces
// (and any backslash continuation) around it.
std::vector<Edit> SplitImport(const Source& src, const LogicalLine& ll) {
  const Token* begin = TokensBegin(src, ll);
  const Token* end = TokensEnd(src, ll);
  while (begin != end && !IsCode(*begin)) ++begin;
  if (begin == end || begin->text != "import") return {};
  std::string_view line = src.Line(begin->start_row);
  std::string indent(line.substr(0, std::min(static_cast<size_t>(begin->start_col), line.size())));
  if (indent.find_first_not_of(" \t") != std::string::npos) return {};
  std::vector<Edit> edits;
  for (const Token* t = begin + 1; t != end && IsCode(*t) && t->text != ";"; ++t) {
    if (t->type != TokenType::kOp || t->text != ",") continue;
    const Token* prev = t - 1;
    const Token* next = t + 1;
    if (next == end || !IsCode(*next) || next->text == ";") return {};
    edits.push_back(Edit{src.Offset(prev->end_row, prev->end_col), src.Offset(next->start_row, next->start_col),
                         "\n" + indent + "import "});
  }
  return edits;
}

}  // namespace

void CheckImportsOnSeparateLines(const Source& src, const LogicalLine& ll, Findings& out) {
  std::string_view line = ll.text;
  if (line.substr(0, 7) != "import ") return;
  size_t found = line.find(',');
  if (found == std::string_view::npos || line.substr(0, found).find(';') != std::string_view::npos) return;
  Position at = ll.Locate(static_cast<int>(found));
  Report(out, kMultipleImportsOnOneLine, at.row, at.col, {}, SplitImport(src, ll));
}

}  // namespace trajc::lint
