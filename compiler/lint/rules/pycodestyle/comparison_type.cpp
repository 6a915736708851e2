#include "lint/rules/pycodestyle/comparison_type.h"

#include <optional>

#include "lint/rules/char_class.h"

namespace trajc::lint {

namespace {

// str.isidentifier() for the ASCII cases; any non-ASCII byte is taken as a letter.
bool IsIdentifier(std::string_view s) {
  if (s.empty() || IsAsciiDigit(s[0])) return false;
  for (char c : s) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

struct TypeMatch {
  std::optional<std::string_view> inst;  // group 1
};

// The tail after `type`: s.\w+Type | \s*\(\s*([^)]*[^ )])\s*\)
bool MatchTypeTail(std::string_view s, size_t p, TypeMatch* m) {
  // s.\w+Type
  if (p + 1 < s.size() && s[p] == 's' && s[p + 1] != '\n') {
    size_t w = p + 2;
    size_t run = w;
    while (run < s.size() && IsWordChar(s[run])) ++run;
    for (size_t j = w + 1; j + 4 <= run; ++j) {
      if (s.substr(j, 4) == "Type") {
        m->inst.reset();
        return true;
      }
    }
  }
  size_t i = p;
  while (i < s.size() && IsPySpace(s[i])) ++i;
  if (i >= s.size() || s[i] != '(') return false;
  ++i;
  size_t close = s.find(')', i);
  if (close == std::string_view::npos) return false;
  size_t lead = i;
  while (lead < close && IsPySpace(s[lead])) ++lead;
  for (size_t start = lead + 1; start-- > i;) {
    // The group is s[start, e): the largest e whose last char is not ' ' and whose rest
    // up to the ')' is whitespace.
    for (size_t e = close; e > start; --e) {
      bool rest_space = true;
      for (size_t k = e; k < close; ++k) rest_space = rest_space && IsPySpace(s[k]);
      if (!rest_space) break;
      if (s[e - 1] != ' ') {
        m->inst = s.substr(start, e - start);
        return true;
      }
    }
  }
  return false;
}

// (?:[=!]=|is(?:\s+not)?)\s+type<tail> at `start`.
bool MatchAt(std::string_view s, size_t start, TypeMatch* m) {
  std::vector<size_t> after_op;
  if (start + 1 < s.size() && (s[start] == '=' || s[start] == '!') && s[start + 1] == '=') {
    after_op.push_back(start + 2);
  } else if (s.substr(start, 2) == "is") {
    size_t i = start + 2;
    while (i < s.size() && IsPySpace(s[i])) ++i;
    if (i > start + 2 && s.substr(i, 3) == "not") after_op.push_back(i + 3);
    after_op.push_back(start + 2);
  }
  for (size_t p : after_op) {
    size_t i = p;
    while (i < s.size() && IsPySpace(s[i])) ++i;
    if (i == p || s.substr(i, 4) != "type") continue;
    if (MatchTypeTail(s, i + 4, m)) return true;
  }
  return false;
}

}  // namespace

void CheckComparisonType(const Source&, const LogicalLine& ll, Findings& out) {
  std::string_view s = ll.text;
  for (size_t pos = 0; pos < s.size(); ++pos) {
    TypeMatch m;
    if (!MatchAt(s, pos, &m)) continue;
    if (m.inst && IsIdentifier(*m.inst) && *m.inst != "None" && *m.inst != "True" && *m.inst != "False") return;
    Position at = ll.Locate(static_cast<int>(pos));
    Report(out, kTypeComparison, at.row, at.col);
    return;
  }
}

}  // namespace trajc::lint
