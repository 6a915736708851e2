#include "lint/rules/pycodestyle/comparison_negative.h"

#include "lint/rules/char_class.h"

namespace trajc::lint {

namespace {

bool InOperandClass(char c) { return std::string_view("[](){} ").find(c) == std::string_view::npos; }

struct Match {
  size_t not_pos = 0;
  size_t operand = 0, operand_end = 0;
  size_t op = 0;   // start of `in` / `is`
  size_t end = 0;  // after the `\s` that follows it
};

// \b(?<!is\s)(not)\s+[^][)(}{ ]+\s+(in|is)\s at i, with the regex engine's greedy order.
bool MatchAt(std::string_view s, size_t i, Match* m) {
  bool left = i > 0 && IsWordChar(s[i - 1]);
  bool right = i < s.size() && IsWordChar(s[i]);
  if (left == right) return false;
  if (i >= 3 && s.substr(i - 3, 2) == "is" && IsPySpace(s[i - 1])) return false;
  if (s.substr(i, 3) != "not") return false;
  size_t p = i + 3;
  size_t ws_end = p;
  while (ws_end < s.size() && IsPySpace(s[ws_end])) ++ws_end;
  for (size_t a = ws_end; a > p; --a) {
    size_t run = a;
    while (run < s.size() && InOperandClass(s[run])) ++run;
    for (size_t b = run; b > a; --b) {
      size_t c = b;
      while (c < s.size() && IsPySpace(s[c])) ++c;
      for (size_t d = c; d > b; --d) {
        std::string_view word = s.substr(d, 2);
        if ((word == "in" || word == "is") && d + 2 < s.size() && IsPySpace(s[d + 2])) {
          *m = {i, a, b, d, d + 3};
          return true;
        }
      }
    }
  }
  return false;
}

bool IsDottedName(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9') || s[0] == '.' || s.back() == '.') return false;
  for (char c : s) {
    if (!IsWordChar(c) && c != '.') return false;
  }
  return s.find("..") == std::string_view::npos;
}

// A one-line string literal as the logical line shows it (`'xxx'`, muted): its value
// needs no parentheses to stay the left operand.
bool IsStringLiteral(std::string_view s) {
  size_t q = s.find_first_of("'\"");
  if (q == std::string_view::npos || q > 2 || s.size() < q + 2 || s.back() != s[q]) return false;
  for (char c : s.substr(0, q)) {
    if (std::string_view("rRbBuUfF").find(c) == std::string_view::npos) return false;
  }
  return s.substr(q + 1, s.size() - q - 2).find_first_not_of('x') == std::string_view::npos;
}

bool WordAt(std::string_view s, size_t i, std::string_view w) {
  return s.substr(i, w.size()) == w && (i == 0 || !IsWordChar(s[i - 1])) && (i + w.size() >= s.size() || !IsWordChar(s[i + w.size()]));
}

// The right operand ends without meeting another comparison operator at its own level.
bool RightSideEndsComparison(std::string_view s, size_t i) {
  int depth = 0;
  while (i < s.size() && IsPySpace(s[i])) ++i;
  if (WordAt(s, i, "not")) return false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) return true;
      --depth;
    } else if (depth == 0) {
      if (c == ',' || c == ';' || c == ':') return true;
      if (c == '<' || c == '>' || c == '!' || c == '=') return false;
      if (IsWordChar(c) && (i == 0 || !IsWordChar(s[i - 1]))) {
        for (std::string_view w : {"and", "or", "if", "else", "for", "async"}) {
          if (WordAt(s, i, w)) return true;
        }
        for (std::string_view w : {"in", "is", "not"}) {
          if (WordAt(s, i, w)) return false;
        }
      }
    }
  }
  return true;
}

std::vector<Edit> MoveNot(const Source& src, const LogicalLine& ll, const Match& m) {
  std::string_view s = ll.text;
  std::string_view operand = s.substr(m.operand, m.operand_end - m.operand);
  std::string_view op = s.substr(m.op, 2);
  bool literal = IsStringLiteral(operand);
  if ((!IsDottedName(operand) && !literal) || !RightSideEndsComparison(s, m.op + 2)) return {};
  Position from = ll.Locate(static_cast<int>(m.not_pos));
  Position to = ll.Locate(static_cast<int>(m.op + 2));
  if (from.row != to.row || from.col < 0 || to.col < from.col) return {};
  std::string_view phys = src.Line(from.row);
  std::string_view logical = s.substr(m.not_pos, m.op + 2 - m.not_pos);
  if (static_cast<size_t>(to.col) > phys.size() || static_cast<size_t>(to.col - from.col) != logical.size()) return {};
  std::string_view written = phys.substr(from.col, logical.size());
  // Same text outside the operand; a string operand keeps its real (unmuted) contents.
  size_t at = m.operand - m.not_pos;
  if (written.substr(0, at) != logical.substr(0, at) || written.substr(at + operand.size()) != logical.substr(at + operand.size()) ||
      (!literal && written.substr(at, operand.size()) != operand)) {
    return {};
  }
  std::string replacement = std::string(written.substr(at, operand.size())) + (op == "in" ? " not in" : " is not");
  size_t begin = src.Offset(from.row, from.col);
  return {Edit{begin, begin + logical.size(), replacement}};
}

}  // namespace

void CheckComparisonNegative(const Source& src, const LogicalLine& ll, Findings& out) {
  std::string_view s = ll.text;
  // A match starts at a `not`: try those positions only.
  for (size_t pos = s.find("not"); pos != std::string_view::npos; pos = s.find("not", pos + 1)) {
    Match m;
    if (!MatchAt(s, pos, &m)) continue;
    Position at = ll.Locate(static_cast<int>(m.not_pos));
    bool membership = s.substr(m.op, 2) == "in";
    // Only the first match is reported; its fix also rewrites the later ones on the line,
    // which would otherwise surface one by one.
    std::vector<Edit> fix = MoveNot(src, ll, m);
    for (size_t next = m.end; !fix.empty() && next < s.size(); ++next) {
      Match later;
      if (!MatchAt(s, next, &later)) continue;
      std::vector<Edit> more = MoveNot(src, ll, later);
      if (more.empty()) break;
      fix.insert(fix.end(), more.begin(), more.end());
      next = later.end - 1;
    }
    Report(out, membership ? kNotInTest : kNotIsTest, at.row, at.col, {}, std::move(fix));
    return;
  }
}

}  // namespace trajc::lint
