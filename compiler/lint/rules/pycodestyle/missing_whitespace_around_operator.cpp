#include "lint/rules/pycodestyle/missing_whitespace_around_operator.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace trajc::lint {

using python::TokenType;

namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// keyword.kwlist + ['print', 'async'] - {False, None, True}, and the 3.11 soft keywords.
constexpr std::array<std::string_view, 34> kKeywords = {
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
    "or", "pass", "raise", "return", "try", "while", "with", "yield", "print", "async"};
constexpr std::array<std::string_view, 3> kSoftKeywords = {"_", "case", "match"};
constexpr std::array<std::string_view, 26> kWsNeeded = {
    "**=", "*=", "/=", "//=", "+=", "-=", "!=", "<>", "<", ">", "%=", "^=", "&=", "|=", "==", "<=", ">=",
    "<<=", ">>=", "=", "and", "in", "is", "or", "->", ":="};
constexpr std::array<std::string_view, 5> kUnary = {">>", "**", "*", "+", "-"};
constexpr std::array<std::string_view, 7> kArithmetic = {"**", "*", "/", "//", "+", "-", "@"};
constexpr std::array<std::string_view, 13> kWsOptional = {"**", "*", "/", "//", "+", "-", "@", "^", "&", "|", "<<", ">>", "%"};

bool Before(Position a, Position b) { return a.row != b.row || a.col != b.col; }

// Whether `text` can be in kWsNeeded, kUnary or kWsOptional: it starts like one of their
// operators or is one of their keywords. Most tokens are names that are not, and skip the
// set lookups.
bool MaybeOperator(std::string_view text) {
  if (text.empty()) return false;
  switch (text[0]) {
    case '*': case '/': case '+': case '-': case '!': case '<': case '>': case '%': case '^': case '&': case '|':
    case '=': case ':': case '@':
      return true;
    default:
      return text == "and" || text == "in" || text == "is" || text == "or";
  }
}

}  // namespace

void CheckMissingWhitespaceAroundOperator(const Source& src, const LogicalLine& ll, Findings& out) {
  int parens = 0;
  // need_space: kNo (False), kYes (True) or kOptional (pycodestyle's tuple).
  enum { kNo, kYes, kOptional } need = kNo;
  Position optional_pos;
  bool optional_spaced = false;
  TokenType prev_type = TokenType::kOp;
  std::string_view prev_text;
  Position prev_end;
  bool have_prev = false;
  auto report = [&](Position at, std::optional<Position> also = std::nullopt) {
    size_t off = src.Offset(at.row, at.col);
    std::vector<Edit> edits = {Edit{off, off, " "}};
    if (also) {
      size_t after = src.Offset(also->row, also->col);
      edits.push_back(Edit{after, after, " "});
    }
    Report(out, kMissingWhitespaceAroundOperator, at.row, at.col, {}, std::move(edits));
  };
  for (const auto* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    TokenType type = t->type;
    if (type == TokenType::kNl || type == TokenType::kNewline || type == TokenType::kIndent ||
        type == TokenType::kDedent || type == TokenType::kComment || type == TokenType::kErrorToken) {
      continue;
    }
    std::string_view text = t->text;
    Position start{t->start_row, t->start_col};
    if (text == "(" || text == "lambda") {
      ++parens;
    } else if (text == ")") {
      --parens;
    }
    if (need != kNo) {
      if (Before(start, prev_end)) {
        if (need == kOptional && !optional_spaced) report(optional_pos);
        need = kNo;
      } else if (text == ">" && (prev_text == "<" || prev_text == "-")) {
        // "<>" and "->" spelled as two tokens.
      } else if ((prev_text == "/" && (text == "," || text == ")" || text == ":")) || (prev_text == ")" && text == ":")) {
        // PEP 570 positional-only marker.
      } else {
        if (need == kYes || optional_spaced) {
          report(prev_end);
        } else if (prev_text != "**") {
          // Tight on both sides: allowed by E225, reported by kind (pycodestyle's E226-E228).
          const Violation* violation = &kMissingWhitespaceAroundArithmeticOperator;
          if (prev_text == "%") {
            violation = &kMissingWhitespaceAroundModuloOperator;
          } else if (!In(kArithmetic, prev_text)) {
            violation = &kMissingWhitespaceAroundBitwiseOrShiftOperator;
          }
          size_t before = src.Offset(optional_pos.row, optional_pos.col);
          size_t after = src.Offset(prev_end.row, prev_end.col);
          Report(out, *violation, optional_pos.row, optional_pos.col, {},
                 {Edit{before, before, " "}, Edit{after, after, " "}});
        }
        need = kNo;
      }
    } else if ((type == TokenType::kOp || type == TokenType::kName) && have_prev && MaybeOperator(text)) {
      bool optional = false;
      if (text == "=" && parens) {
        // Keyword arguments and defaults: foo(bar=None).
      } else if (In(kWsNeeded, text)) {
        need = kYes;
      } else if (In(kUnary, text)) {
        bool binary = (prev_type == TokenType::kOp && !prev_text.empty() && std::string_view("}])").find(prev_text) != std::string_view::npos) ||
                      (prev_type != TokenType::kOp && !In(kKeywords, prev_text) && !In(kSoftKeywords, prev_text));
        optional = binary;
      } else if (In(kWsOptional, text)) {
        optional = true;
      }
      if (optional) {
        need = kOptional;
        optional_pos = prev_end;
        optional_spaced = Before(start, prev_end);
      } else if (need == kYes && !Before(start, prev_end)) {
        // `a<b`: pycodestyle reports the missing space before the operator only, and once
        // that is fixed, the one after it; the fix spaces both sides so that it holds.
        const auto* next = t + 1;
        Position end{t->end_row, t->end_col};
        bool tight_after = next != TokensEnd(src, ll) && next->type != TokenType::kNl &&
                           next->type != TokenType::kNewline && next->type != TokenType::kComment &&
                           !Before(Position{next->start_row, next->start_col}, end);
        report(prev_end, tight_after ? std::optional<Position>(end) : std::nullopt);
        need = kNo;
      }
    }
    prev_type = type;
    prev_text = text;
    prev_end = {t->end_row, t->end_col};
    have_prev = true;
  }
}

}  // namespace trajc::lint
