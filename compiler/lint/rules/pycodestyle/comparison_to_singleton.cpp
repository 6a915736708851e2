#include "lint/rules/pycodestyle/comparison_to_singleton.h"

#include <array>

#include "lint/rules/char_class.h"

namespace trajc::lint {

namespace {

constexpr std::array<std::string_view, 3> kSingletons = {"None", "False", "True"};

// `\b` at i in s.
bool Boundary(std::string_view s, size_t i) {
  bool left = i > 0 && IsWordChar(s[i - 1]);
  bool right = i < s.size() && IsWordChar(s[i]);
  return left != right;
}

std::string_view SingletonAt(std::string_view s, size_t i) {
  for (std::string_view w : kSingletons) {
    if (s.substr(i, w.size()) == w) return w;
  }
  return {};
}

struct Match {
  size_t end = 0;
  size_t op = 0;
  std::string_view singleton;
};

// COMPARE_SINGLETON_REGEX = (\bNone|\bFalse|\bTrue)?\s*([=!]=)\s*(?(1)|(None|False|True))\b
bool MatchAt(std::string_view s, size_t start, Match* m) {
  // With group 1.
  if (Boundary(s, start)) {
    if (std::string_view w = SingletonAt(s, start); !w.empty()) {
      size_t i = start + w.size();
      while (i < s.size() && IsPySpace(s[i])) ++i;
      if (i + 1 < s.size() && (s[i] == '=' || s[i] == '!') && s[i + 1] == '=') {
        size_t op = i;
        size_t j = i + 2;
        size_t ws_end = j;
        while (ws_end < s.size() && IsPySpace(s[ws_end])) ++ws_end;
        for (size_t k = ws_end + 1; k-- > j;) {  // backtrack \s*
          if (Boundary(s, k)) {
            *m = {k, op, w};
            return true;
          }
        }
      }
    }
  }
  // Without group 1.
  size_t i = start;
  while (i < s.size() && IsPySpace(s[i])) ++i;
  if (i + 1 < s.size() && (s[i] == '=' || s[i] == '!') && s[i + 1] == '=') {
    size_t op = i;
    size_t j = i + 2;
    while (j < s.size() && IsPySpace(s[j])) ++j;
    if (std::string_view w = SingletonAt(s, j); !w.empty() && Boundary(s, j + w.size())) {
      *m = {j + w.size(), op, w};
      return true;
    }
  }
  return false;
}

}  // namespace

void CheckComparisonToSingleton(const Source& src, const LogicalLine& ll, Findings& out) {
  std::string_view s = ll.text;
  // Every match holds `==` or `!=`; most lines have neither, and need no search.
  if (s.find("==") == std::string_view::npos && s.find("!=") == std::string_view::npos) return;
  size_t pos = 0;
  while (pos <= s.size()) {
    Match m;
    if (!MatchAt(s, pos, &m)) {
      ++pos;
      continue;
    }
    bool same = s[m.op] == '=';
    std::string_view singleton = m.singleton;
    Position at = ll.Locate(static_cast<int>(m.op));
    std::vector<Edit> fix;
    std::string_view phys = src.Line(at.row);
    if (at.col >= 0 && static_cast<size_t>(at.col) + 2 <= phys.size() && phys.substr(at.col, 2) == (same ? "==" : "!=")) {
      std::string repl = same ? "is" : "is not";
      if (at.col == 0 || !IsPySpace(phys[at.col - 1])) repl = " " + repl;
      if (static_cast<size_t>(at.col) + 2 >= phys.size() || !IsPySpace(phys[at.col + 2])) repl += " ";
      size_t off = src.Offset(at.row, at.col);
      fix.push_back(Edit{off, off + 2, repl});
    }
    std::string_view negation = same ? "" : "not ";
    if (singleton == "None") {
      Report(out, kNoneComparison, at.row, at.col, {negation}, std::move(fix));
    } else {
      bool nonzero = (singleton == "True" && same) || (singleton == "False" && !same);
      Report(out, kTrueFalseComparison, at.row, at.col, {singleton, negation, singleton, nonzero ? "" : "not "},
             std::move(fix));
    }
    pos = m.end > pos ? m.end : pos + 1;
  }
}

}  // namespace trajc::lint
