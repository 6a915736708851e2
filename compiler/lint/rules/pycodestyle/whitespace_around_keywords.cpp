#include "lint/rules/pycodestyle/whitespace_around_keywords.h"

#include <algorithm>
#include <array>

#include "lint/rules/char_class.h"
#include "lint/rules/word_set.h"

namespace trajc::lint {

namespace {

// pycodestyle's KEYWORDS: keyword.kwlist + ['print', 'async'] - SINGLETONS (CPython 3.11).
constexpr std::array<std::string_view, 33> kKeywords = {
    "and",    "as",   "assert", "async",  "await", "break",  "class",    "continue", "def",
    "del",    "elif", "else",   "except", "finally", "for",  "from",     "global",   "if",
    "import", "in",   "is",     "lambda", "nonlocal", "not", "or",       "pass",     "raise",
    "return", "try",  "while",  "with",   "yield", "print"};

constexpr WordSet kKeywordSet(kKeywords);

bool IsKeyword(std::string_view word) { return kKeywordSet.Contains(word); }

// Reports the blank run [begin, end) of the logical line; the fix replaces it with one
// space when it is the same blanks on one physical line (always, for a run this long).
void Report(const Source& src, const LogicalLine& ll, size_t begin, size_t end, bool after, Findings& out) {
  std::string_view run = std::string_view(ll.text).substr(begin, end - begin);
  const Violation* violation = nullptr;
  if (run.find('\t') != std::string_view::npos) {
    violation = after ? &kTabAfterKeyword : &kTabBeforeKeyword;
  } else if (run.size() > 1) {
    violation = after ? &kMultipleSpacesAfterKeyword : &kMultipleSpacesBeforeKeyword;
  } else {
    return;
  }
  Position at = ll.Locate(static_cast<int>(begin));
  std::vector<Edit> fix;
  std::string_view phys = src.Line(at.row);
  if (at.col >= 0 && phys.substr(std::min(static_cast<size_t>(at.col), phys.size()), run.size()) == run) {
    size_t off = src.Offset(at.row, at.col);
    fix.push_back(Edit{off, off + run.size(), " "});
  }
  Report(out, *violation, at.row, at.col, {}, std::move(fix));
}

}  // namespace

void CheckWhitespaceAroundKeywords(const Source& src, const LogicalLine& ll, Findings& out) {
  const std::string& s = ll.text;
  size_t search_from = 0;  // re.finditer resumes after the previous match
  size_t i = 0;
  while (i < s.size()) {
    if (!IsWordChar(s[i])) {
      ++i;
      continue;
    }
    size_t word_end = i;
    while (word_end < s.size() && IsWordChar(s[word_end])) ++word_end;
    if (i >= search_from && IsKeyword(std::string_view(s).substr(i, word_end - i))) {
      size_t before = i;
      while (before > search_from && IsPySpace(s[before - 1])) --before;
      size_t after = word_end;
      while (after < s.size() && IsPySpace(s[after])) ++after;
      Report(src, ll, before, i, false, out);
      Report(src, ll, word_end, after, true, out);
      search_from = after;
    }
    i = word_end;
  }
}

}  // namespace trajc::lint
