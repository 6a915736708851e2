#include "lint/rules/pycodestyle/logical_gap.h"

#include <algorithm>
#include <string>

namespace trajc::lint {

using python::TokenType;

namespace {

// A token that adds text to the logical line (and an entry to its mapping).
bool Contributes(const python::Token& t) {
  return t.type != TokenType::kNl && t.type != TokenType::kNewline && t.type != TokenType::kIndent &&
         t.type != TokenType::kDedent && t.type != TokenType::kComment;
}

}  // namespace

// Binary searches, not a walk from the line's start: a long logical line (a data table of
// thousands of rows) has a finding in nearly every gap, and a walk per finding made the
// rules quadratic in the line's length.
std::optional<LogicalGap> GapAt(const Source& src, const LogicalLine& ll, int offset) {
  // mapping[k + 1] is where the k-th contributing token ends (its logical offset and its
  // source position): the gap at `offset` lies before the first token that ends after it.
  if (ll.mapping.size() < 2) return std::nullopt;
  auto entry = std::upper_bound(ll.mapping.begin() + 1, ll.mapping.end(), offset,
                                [](int off, const std::pair<int, Position>& m) { return off < m.first; });
  if (entry == ll.mapping.end() || entry == ll.mapping.begin() + 1) return std::nullopt;  // past the end, or no token before
  const Position end_pos = entry->second;
  const python::Token* begin = TokensBegin(src, ll);
  const python::Token* end = TokensEnd(src, ll);
  const python::Token* t = std::lower_bound(begin, end, end_pos, [](const python::Token& tok, const Position& p) {
    return tok.end_row < p.row || (tok.end_row == p.row && tok.end_col < p.col);
  });
  while (t != end && t->end_row == end_pos.row && t->end_col == end_pos.col && !Contributes(*t)) ++t;
  if (t == end || t->end_row != end_pos.row || t->end_col != end_pos.col) return std::nullopt;
  int start = entry->first - static_cast<int>(t->text.size());
  if (start <= offset) return std::nullopt;
  const python::Token* prev = t;
  while (prev != begin && !Contributes(*(prev - 1))) --prev;
  if (prev == begin) return std::nullopt;
  --prev;
  LogicalGap gap;
  gap.begin = src.Offset(prev->end_row, prev->end_col);
  gap.end = src.Offset(t->start_row, t->start_col);
  gap.same_row = prev->end_row == t->start_row;
  if (gap.end < gap.begin) return std::nullopt;
  for (const auto* c = prev + 1; c != t; ++c) gap.commented |= c->type == TokenType::kComment;
  return gap;
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
