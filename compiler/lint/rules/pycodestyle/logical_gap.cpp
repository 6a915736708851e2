#include "lint/rules/pycodestyle/logical_gap.h"

#include <string>

namespace trajc::lint {

using python::TokenType;

std::optional<LogicalGap> GapAt(const Source& src, const LogicalLine& ll, int offset) {
  // The k-th token that contributes text to the logical line ends at ll.mapping[k + 1].
  size_t k = 0;
  const python::Token* prev = nullptr;
  for (const auto* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kNl || t->type == TokenType::kNewline || t->type == TokenType::kIndent ||
        t->type == TokenType::kDedent || t->type == TokenType::kComment) {
      continue;
    }
    if (k + 1 >= ll.mapping.size()) return std::nullopt;
    if (ll.mapping[k + 1].first > offset) {
      int start = ll.mapping[k + 1].first - static_cast<int>(t->text.size());
      if (prev == nullptr || start <= offset) return std::nullopt;
      LogicalGap gap;
      gap.begin = src.Offset(prev->end_row, prev->end_col);
      gap.end = src.Offset(t->start_row, t->start_col);
      gap.same_row = prev->end_row == t->start_row;
      if (gap.end < gap.begin) return std::nullopt;
      for (const auto* c = prev + 1; c != t; ++c) gap.commented |= c->type == TokenType::kComment;
      return gap;
    }
    prev = t;
    ++k;
  }
  return std::nullopt;
}

std::vector<Edit> GapEdit(const Source& src, const LogicalLine& ll, int offset, std::string_view replacement) {
  std::optional<LogicalGap> gap = GapAt(src, ll, offset);
  if (!gap || gap->commented || (!gap->same_row && !replacement.empty())) return {};
  std::string_view text = std::string_view(src.text).substr(gap->begin, gap->end - gap->begin);
  // Only blanks, newlines inside brackets and backslash continuations may go.
  if (text.find_first_not_of(" \t\f\v\\\n") != std::string_view::npos) return {};
  if (text == replacement) return {};
  return {Edit{gap->begin, gap->end, std::string(replacement)}};
}

}  // namespace trajc::lint
