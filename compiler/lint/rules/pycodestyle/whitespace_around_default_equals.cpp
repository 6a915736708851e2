#include "lint/rules/pycodestyle/whitespace_around_default_equals.h"

#include <algorithm>

namespace trajc::lint {

namespace {

using python::TokenType;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// STARTSWITH_DEF_REGEX = ^(async\s+def|def)\b
bool StartsWithDef(std::string_view s) {
  auto word_char = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
  };
  auto def_at = [&](size_t i) { return s.substr(i, 3) == "def" && (s.size() == i + 3 || !word_char(s[i + 3])); };
  if (def_at(0)) return true;
  if (s.substr(0, 5) != "async") return false;
  size_t i = 5;
  while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r') || (s[i] >= 0x1c && s[i] <= 0x1f))) ++i;
  return i > 5 && def_at(i);
}

}  // namespace

void CheckWhitespaceAroundDefaultEquals(const Source& src, const LogicalLine& ll, Findings& out) {
  int parens = 0;
  bool no_space = false, require_space = false, annotated_func_arg = false;
  bool in_def = StartsWithDef(ll.text);
  Position prev_end{-1, -1};
  const python::Token* prev = nullptr;
  // Closing the gap must not glue two operators into one (`<` `=` into `<=`, `=` `=`).
  auto may_join = [&](const python::Token& next) {
    bool prev_op = prev != nullptr && prev->type == TokenType::kOp && !prev->text.empty() &&
                   std::string_view("<>!=+-*/%&|^@:").find(prev->text.back()) != std::string_view::npos;
    bool next_eq = next.type == TokenType::kOp && !next.text.empty() && next.text.front() == '=';
    return !(prev_op && next_eq);
  };
  auto unexpected = [&](const python::Token& next) {
    std::vector<Edit> fix;
    bool comment = next.type == TokenType::kComment || (prev != nullptr && prev->type == TokenType::kComment);
    if (!comment && may_join(next)) {
      size_t begin = src.Offset(prev_end.row, prev_end.col);
      size_t end = src.Offset(next.start_row, next.start_col);
      std::string_view gap = begin < end ? std::string_view(src.text).substr(begin, end - begin) : std::string_view();
      // Blanks, line breaks inside the brackets and `\` continuations only.
      bool blanks = !gap.empty();
      for (size_t i = 0; i < gap.size() && blanks; ++i) {
        blanks = IsBlank(gap[i]) || gap[i] == '\n' || (gap[i] == '\\' && i + 1 < gap.size() && gap[i + 1] == '\n');
      }
      if (blanks) fix.push_back(Edit{begin, end, ""});
    }
    Report(out, kUnexpectedSpacesAroundKeywordParameterEquals, prev_end.row, prev_end.col, {}, std::move(fix));
  };
  auto missing = [&]() {
    size_t off = src.Offset(prev_end.row, prev_end.col);
    Report(out, kMissingWhitespaceAroundParameterEquals, prev_end.row, prev_end.col, {}, {Edit{off, off, " "}});
  };
  auto at = [&](const python::Token& t) { return prev_end.row == t.start_row && prev_end.col == t.start_col; };
  for (const auto* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kNl) continue;
    if (no_space) {
      no_space = false;
      if (!at(*t)) unexpected(*t);
    }
    if (require_space) {
      require_space = false;
      if (at(*t)) missing();
    }
    if (t->type == TokenType::kOp) {
      std::string_view text = t->text;
      if (text == "(" || text == "[") {
        ++parens;
      } else if (text == ")" || text == "]") {
        --parens;
      } else if (in_def && text == ":" && parens == 1) {
        annotated_func_arg = true;
      } else if (parens == 1 && text == ",") {
        annotated_func_arg = false;
      } else if (parens != 0 && text == "=") {
        if (annotated_func_arg && parens == 1) {
          require_space = true;
          if (at(*t)) missing();
        } else {
          no_space = true;
          if (!at(*t)) unexpected(*t);
        }
      }
      if (parens == 0) annotated_func_arg = false;
    }
    prev_end = {t->end_row, t->end_col};
    prev = t;
  }
}

}  // namespace trajc::lint
