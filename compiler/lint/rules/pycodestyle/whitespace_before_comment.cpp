#include "lint/rules/pycodestyle/whitespace_before_comment.h"

namespace trajc::lint {

using python::TokenType;

void CheckWhitespaceBeforeComment(const Source& src, const LogicalLine& ll, Findings& out) {
  Position prev_end{0, 0};
  for (const auto* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kComment) {
      std::string_view line = src.Line(t->start_row);
      std::string_view before = line.substr(0, std::min(static_cast<size_t>(t->start_col), line.size()));
      bool inline_comment = before.find_first_not_of(" \t\f\v\r\n") != std::string_view::npos;
      if (inline_comment && prev_end.row == t->start_row && t->start_col < prev_end.col + 2) {
        size_t begin = src.Offset(prev_end.row, prev_end.col);
        size_t end = src.Offset(t->start_row, t->start_col);
        std::vector<Edit> fix;
        if (begin <= end) fix.push_back(Edit{begin, end, "  "});
        out.push_back({"E261", prev_end.row, prev_end.col, false, "at least two spaces before inline comment", std::move(fix)});
      }
    } else if (t->type != TokenType::kNl) {
      prev_end = {t->end_row, t->end_col};
    }
  }
}

}  // namespace trajc::lint
