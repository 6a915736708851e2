#include "lint/rules/pycodestyle/explicit_line_join.h"

#include <optional>

namespace trajc::lint {

namespace {

using python::Token;
using python::TokenType;

struct Backslash {
  int row = 0;
  int col = 0;         // flake8's character column
  size_t begin = 0;    // normalized offsets of the blanks and the backslash to delete
  size_t end = 0;
};

// str.splitlines' line boundaries that can occur inside a normalized line.
bool IsLineBoundary(char c) { return c == '\v' || c == '\f' || c == '\x1c' || c == '\x1d' || c == '\x1e'; }

std::optional<Backslash> BackslashAtEnd(const Source& src, const Token& t) {
  if (t.line_first < 1 || t.line_last > src.total_lines()) return std::nullopt;
  std::string_view line = src.Line(t.line_last);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty() || line.back() != '\\') return std::nullopt;
  size_t seg = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (IsLineBoundary(line[i])) seg = i + 1;
  }
  int chars = 0;
  for (size_t i = seg; i < line.size(); ++i) {
    if (src.bytes_are_chars || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  size_t end = OffsetOf(src, line) + line.size();
  size_t begin = end - 1;
  while (begin > OffsetOf(src, line) && (src.text[begin - 1] == ' ' || src.text[begin - 1] == '\t')) --begin;
  return Backslash{t.end_row, chars - 1, begin, end};
}

}  // namespace

void CheckExplicitLineJoin(const Source& src, const LogicalLine& ll, Findings& out) {
  int prev_start = 0, prev_end = 0, parens = 0;
  bool comment = false;
  std::optional<Backslash> backslash;
  for (const Token* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kComment) comment = true;
    if (t->start_row != prev_start && parens && backslash && !comment) {
      Finding& f = Report(out, kRedundantBackslash, backslash->row, backslash->col, {},
                          {Edit{backslash->begin, backslash->end, ""}});
      f.col_is_chars = true;  // Backslash::col is flake8's character column already
    }
    if (t->end_row != prev_end) {
      backslash = BackslashAtEnd(src, *t);
      prev_start = prev_end = t->end_row;
    } else {
      prev_start = t->start_row;
    }
    if (t->type == TokenType::kOp && !t->text.empty()) {
      if (std::string_view("([{").find(t->text) != std::string_view::npos) {
        ++parens;
      } else if (std::string_view(")]}").find(t->text) != std::string_view::npos) {
        --parens;
      }
    }
  }
}

}  // namespace trajc::lint
