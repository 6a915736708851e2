#include "lint/rules/pycodestyle/whitespace_before_parameters.h"

#include <algorithm>
#include <array>
#include <string>

namespace trajc::lint {

using python::TokenType;

namespace {

// keyword.kwlist and keyword.softkwlist of Python 3.11.
constexpr std::array<std::string_view, 38> kKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "_", "case", "match"};

bool IsKeyword(std::string_view s) { return std::find(kKeywords.begin(), kKeywords.end(), s) != kKeywords.end(); }

// Python's `text in '}])'`: a substring test, so the empty text of DEDENT passes.
bool InClosers(std::string_view s) { return std::string_view("}])").find(s) != std::string_view::npos; }

}  // namespace

void CheckWhitespaceBeforeParameters(const Source& src, const LogicalLine& ll, Findings& out) {
  const python::Token* begin = TokensBegin(src, ll);
  const python::Token* end = TokensEnd(src, ll);
  if (begin == end) return;
  for (const auto* t = begin + 1; t != end; ++t) {
    const python::Token& prev = t[-1];
    bool spaced = t->start_row != prev.end_row || t->start_col != prev.end_col;
    if (t->type == TokenType::kOp && (t->text == "(" || t->text == "[") && spaced &&
        (prev.type == TokenType::kName || InClosers(prev.text)) && (t - begin < 2 || t[-2].text != "class") &&
        !IsKeyword(prev.text)) {
      size_t from = src.Offset(prev.end_row, prev.end_col);
      size_t to = src.Offset(t->start_row, t->start_col);
      std::vector<Edit> fix;
      std::string_view gap = std::string_view(src.text).substr(from, to > from ? to - from : 0);
      if (to > from && gap.find_first_not_of(" \t\f\v\\\n") == std::string_view::npos) fix.push_back(Edit{from, to, ""});
      Report(out, kWhitespaceBeforeParameters, prev.end_row, prev.end_col, {t->text}, std::move(fix));
    }
  }
}

}  // namespace trajc::lint
