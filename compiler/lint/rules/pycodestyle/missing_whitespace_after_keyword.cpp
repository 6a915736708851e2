#include "lint/rules/pycodestyle/missing_whitespace_after_keyword.h"

#include <algorithm>
#include <array>
#include <vector>

namespace trajc::lint {

namespace {

// keyword.kwlist of CPython 3.11 without True/False/None, async and await.
constexpr std::array<std::string_view, 30> kKeywords = {
    "and",   "as",     "assert", "break", "class",  "continue", "def",      "del",  "elif", "else",
    "except", "finally", "for",  "from",  "global", "if",       "import",   "in",   "is",   "lambda",
    "nonlocal", "not", "or",     "pass",  "raise",  "return",   "try",      "while", "with", "yield"};

bool IsKeyword(std::string_view word) {
  return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

}  // namespace

void CheckMissingWhitespaceAfterKeyword(const Source& src, const LogicalLine& ll, Findings& out) {
  const python::Token* end = TokensEnd(src, ll);
  for (const auto* t0 = TokensBegin(src, ll); t0 != end && t0 + 1 != end; ++t0) {
    const python::Token& t1 = *(t0 + 1);
    if (t0->end_row != t1.start_row || t0->end_col != t1.start_col) continue;
    if (!IsKeyword(t0->text)) continue;
    if (t0->text == "except" && t1.text == "*") continue;
    if (t0->text == "yield" && t1.text == ")") continue;
    // tok1.string not in ':\n' is a substring test: '', ':', '\n' and ':\n' pass.
    if (t1.text.empty() || t1.text == ":" || t1.text == "\n") continue;
    size_t off = src.Offset(t0->end_row, t0->end_col);
    // A space before `;`, `,` or a closing bracket (`pass;`, `(yield,)`) is E203/E202:
    // the two rules would undo each other's fix, so this finding has none.
    bool space_is_e20x = t1.text == ";" || t1.text == "," || t1.text == ")" || t1.text == "]" || t1.text == "}";
    std::vector<Edit> fix;
    if (!space_is_e20x) fix.push_back(Edit{off, off, " "});
    Report(out, kMissingWhitespaceAfterKeyword, t0->end_row, t0->end_col, {}, std::move(fix));
  }
}

}  // namespace trajc::lint
