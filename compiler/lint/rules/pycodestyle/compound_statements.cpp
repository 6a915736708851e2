#include "lint/rules/pycodestyle/compound_statements.h"

#include <algorithm>
#include <array>
#include <map>

#include "lint/rules/char_class.h"

namespace trajc::lint {

using python::Token;
using python::TokenType;

namespace {

std::string_view Strip(std::string_view s) {
  while (!s.empty() && IsPySpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsPySpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

// LAMBDA_REGEX.search(line, 0, endpos): `\blambda\b` within line[0, endpos).
size_t FindLambda(std::string_view line, size_t endpos) {
  line = line.substr(0, endpos);
  for (size_t i = line.find("lambda"); i != std::string_view::npos; i = line.find("lambda", i + 1)) {
    bool left = i == 0 || !IsWordChar(line[i - 1]);
    bool right = i + 6 >= line.size() || !IsWordChar(line[i + 6]);
    if (left && right) return i;
  }
  return std::string_view::npos;
}

// `word` at s[i] followed by \b.
bool KeywordAt(std::string_view s, size_t* i, std::string_view word) {
  if (s.substr(*i, word.size()) != word) return false;
  *i += word.size();
  return true;
}

// Matches `first\s+second` (or just `first` when second is empty) at i, then \b.
bool StartsWithKeyword(std::string_view s, size_t i, std::string_view first, std::string_view second) {
  if (!KeywordAt(s, &i, first)) return false;
  if (!second.empty()) {
    size_t j = i;
    while (j < s.size() && IsPySpace(s[j])) ++j;
    if (j == i) return false;
    i = j;
    if (!KeywordAt(s, &i, second)) return false;
  }
  return i >= s.size() || !IsWordChar(s[i]);
}

// STARTSWITH_DEF_REGEX: ^(async\s+def|def)\b
bool StartsWithDef(std::string_view s) { return StartsWithKeyword(s, 0, "async", "def") || StartsWithKeyword(s, 0, "def", ""); }

// STARTSWITH_INDENT_STATEMENT_REGEX: ^\s*(def|async def|for|...|while)\b
bool StartsWithIndentStatement(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsPySpace(s[i])) ++i;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kHeads = {{
      {"def", ""}, {"async", "def"}, {"for", ""}, {"async", "for"}, {"if", ""}, {"elif", ""}, {"else", ""},
      {"try", ""}, {"except", ""}, {"finally", ""}, {"with", ""}, {"async", "with"}, {"class", ""}, {"while", ""},
  }};
  for (const auto& [first, second] : kHeads) {
    if (StartsWithKeyword(s, i, first, second)) return true;
  }
  return false;
}

// A line whose first word opens a compound statement: splitting it at `;` would move the
// later statements out of the body.
bool StartsCompound(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && IsWordChar(s[end])) ++end;
  std::string_view word = s.substr(0, end);
  static constexpr std::array<std::string_view, 15> kCompound = {
      "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class", "async", "match", "case", "lambda"};
  return !s.empty() && (s[0] == '@' || std::find(kCompound.begin(), kCompound.end(), word) != kCompound.end());
}

bool IsCode(const Token& t) {
  return t.type != TokenType::kNl && t.type != TokenType::kNewline && t.type != TokenType::kIndent &&
         t.type != TokenType::kDedent && t.type != TokenType::kComment && t.type != TokenType::kEndMarker;
}

const Token* SemicolonAt(const Source& src, const LogicalLine& ll, Position at) {
  for (const Token* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kOp && t->text == ";" && t->start_row == at.row && t->start_col == at.col) return t;
  }
  return nullptr;
}

// E702: the next statement starts on a new line with the logical line's indentation.
std::vector<Edit> SplitAt(const Source& src, const LogicalLine& ll, const Token* semi) {
  const Token* first = TokensBegin(src, ll);
  while (first != TokensEnd(src, ll) && !IsCode(*first)) ++first;
  const Token* next = semi + 1;
  if (first == TokensEnd(src, ll) || next == TokensEnd(src, ll) || !IsCode(*next)) return {};
  std::string_view line = src.Line(first->start_row);
  std::string_view indent = line.substr(0, std::min(static_cast<size_t>(first->start_col), line.size()));
  if (indent.find_first_not_of(" \t") != std::string_view::npos) return {};
  const Token* prev = semi - 1;
  return {Edit{src.Offset(prev->end_row, prev->end_col), src.Offset(next->start_row, next->start_col), "\n" + std::string(indent)}};
}

// E703: drop the semicolon and the blanks before it (and after it, up to the line end).
std::vector<Edit> DropSemicolon(const Source& src, const Token* semi) {
  std::string_view line = src.Line(semi->start_row);
  size_t begin = static_cast<size_t>(semi->start_col);
  while (begin > 0 && (line[begin - 1] == ' ' || line[begin - 1] == '\t')) --begin;
  if (begin == 0) begin = static_cast<size_t>(semi->start_col);
  size_t end = static_cast<size_t>(semi->end_col);
  size_t after = end;
  while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
  if (after >= line.size() || line[after] == '\n') end = after;
  return {Edit{src.Offset(semi->start_row, static_cast<int>(begin)), src.Offset(semi->start_row, static_cast<int>(end)), ""}};
}

}  // namespace

void CheckCompoundStatements(const Source& src, const LogicalLine& ll, Findings& out) {
  std::string_view line = ll.text;
  auto report = [&](const Violation& violation, int offset, std::vector<Edit> edits = {}) {
    Position at = ll.Locate(offset);
    Report(out, violation, at.row, at.col, {}, std::move(edits));
  };
  const size_t last_char = line.size() - 1;  // wraps for an empty line: no ':' is found then
  size_t found = line.find(':');
  size_t prev_found = 0;
  std::map<char, int> counts;
  bool compound_header = false;
  while (found != std::string_view::npos && found < last_char) {
    for (char c : line.substr(prev_found, found - prev_found)) ++counts[c];
    if (counts['{'] <= counts['}'] && counts['['] <= counts[']'] && counts['('] <= counts[')'] && line[found + 1] != '=') {
      size_t lambda_kw = FindLambda(line, found);
      if (lambda_kw != std::string_view::npos) {
        std::string_view before = line.substr(0, lambda_kw);
        while (!before.empty() && IsPySpace(before.back())) before.remove_suffix(1);
        if (!before.empty() && before.back() == '=' && IsIdentifier(Strip(before.substr(0, before.size() - 1)))) {
          report(kLambdaAssignment, 0);
        }
        break;
      }
      if (StartsWithDef(line)) {
        report(kMultipleStatementsOnOneLineDef, 0);
        compound_header = true;
      } else if (StartsWithIndentStatement(line)) {
        report(kMultipleStatementsOnOneLineColon, static_cast<int>(found));
        compound_header = true;
      }
    }
    prev_found = found;
    found = line.find(':', found + 1);
  }
  bool splittable = !compound_header && !StartsCompound(line);
  for (found = line.find(';'); found != std::string_view::npos; found = line.find(';', found + 1)) {
    const Token* semi = SemicolonAt(src, ll, ll.Locate(static_cast<int>(found)));
    if (found < last_char) {
      report(kMultipleStatementsOnOneLineSemicolon, static_cast<int>(found),
             semi != nullptr && splittable ? SplitAt(src, ll, semi) : std::vector<Edit>{});
    } else {
      report(kUselessSemicolon, static_cast<int>(found),
             semi != nullptr ? DropSemicolon(src, semi) : std::vector<Edit>{});
    }
  }
}

}  // namespace trajc::lint
