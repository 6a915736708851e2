#include "lint/rules/pycodestyle/blank_lines.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "lint/rules/char_class.h"

namespace trajc::lint {

namespace {

constexpr int kTopLevel = 2;
constexpr int kMethod = 1;

std::string_view Strip(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\n\r\f\v");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\n\r\f\v");
  return s.substr(a, b - a + 1);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// STARTSWITH_TOP_LEVEL_REGEX: ^(async\s+def\s+|def\s+|class\s+|@)
bool StartsTopLevel(std::string_view s) {
  if (!s.empty() && s[0] == '@') return true;
  auto word_then_space = [&](size_t at, std::string_view word, size_t* after) {
    if (s.substr(at, word.size()) != word) return false;
    size_t i = at + word.size();
    if (i >= s.size() || !IsSpace(s[i])) return false;
    while (i < s.size() && IsSpace(s[i])) ++i;
    *after = i;
    return true;
  };
  size_t after = 0;
  if (word_then_space(0, "def", &after) || word_then_space(0, "class", &after)) return true;
  return word_then_space(0, "async", &after) && word_then_space(after, "def", &after);
}

bool IsOneLiner(const Source& src, const LogicalLine& ll) {
  if (!StartsTopLevel(ll.text)) return false;
  int line_idx = ll.line_number - 1;
  int prev_indent = line_idx < 1 ? 0 : ExpandIndent(src.Line(line_idx));
  if (prev_indent > ll.indent_level) return false;
  const int n = src.total_lines();
  if (line_idx < 0) line_idx = 0;
  while (true) {
    if (line_idx >= n) return false;  // EOF while searching for def/class
    std::string_view line = Strip(src.Line(line_idx + 1));
    if (!(line.substr(0, 1) == "@") && StartsTopLevel(line)) break;
    ++line_idx;
  }
  int next_idx = line_idx + 1;
  while (true) {
    if (next_idx >= n) return true;  // the last line of the file
    if (!Strip(src.Line(next_idx + 1)).empty()) break;
    ++next_idx;
  }
  return ExpandIndent(src.Line(next_idx + 1)) <= ll.indent_level;
}

bool IsBlank(std::string_view line) { return Strip(line).empty(); }

// Where E302 adds blank lines: beside the run of blank lines (or comments) above the
// definition, so that every comment in between keeps its place.
std::vector<Edit> FixTooFew(const Source& src, const LogicalLine& ll, int def_row) {
  std::vector<Edit> edits;
  int first = ll.previous_end_row + 1;
  if (ll.blank_before > kTopLevel) {
    // Shrink every longer run to two.
    int row = first;
    while (row < def_row) {
      if (!IsBlank(src.Line(row))) {
        ++row;
        continue;
      }
      int start = row;
      while (row < def_row && IsBlank(src.Line(row))) ++row;
      if (row - start > kTopLevel) edits.push_back(Edit{src.Offset(start, 0), src.Offset(start + (row - start - kTopLevel), 0), ""});
    }
    return edits;
  }
  int row = def_row - 1;
  int run = 0;
  while (row >= first && IsBlank(src.Line(row))) {
    --row;
    ++run;
  }
  int insert_row = def_row;
  if (run == 0) {
    // A comment block glued to the definition: put the blank lines above it when it starts
    // at column 0 (an indented comment would then get E303 itself).
    int top = def_row;
    while (top - 1 >= first && !IsBlank(src.Line(top - 1))) --top;
    if (top < def_row && top >= first) {
      std::string_view line = src.Line(top);
      if (!line.empty() && line[0] == '#') {
        int above = 0;
        for (int r = top - 1; r >= first && IsBlank(src.Line(r)); --r) ++above;
        if (above < kTopLevel) {
          edits.push_back(Edit{src.Offset(top, 0), src.Offset(top, 0), std::string(kTopLevel - above, '\n')});
          return edits;
        }
      }
    }
  }
  if (run < kTopLevel) {
    size_t off = src.Offset(insert_row, 0);
    edits.push_back(Edit{off, off, std::string(kTopLevel - run, '\n')});
  }
  return edits;
}

// DOCSTRING_REGEX: ^u?r?["']
bool StartsDocstring(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == 'u') ++i;
  if (i < s.size() && s[i] == 'r') ++i;
  return i < s.size() && (s[i] == '"' || s[i] == '\'');
}

// STARTSWITH_DEF_REGEX: ^(async\s+def|def)\b
bool StartsDef(std::string_view s) {
  size_t i = 0;
  if (s.starts_with("async") && s.size() > 5 && IsSpace(s[5])) {
    i = 5;
    while (i < s.size() && IsSpace(s[i])) ++i;
  }
  if (s.substr(i, 3) != "def") return false;
  return i + 3 >= s.size() || !IsWordChar(s[i + 3]);
}

// E306 or E301: walks back from the line above the definition's last line to the
// nearest less indented line, as pycodestyle does (lines[line_number - 2::-1]).
bool NestedInDef(const Source& src, const LogicalLine& ll) {
  const int n = src.total_lines();
  int idx = ll.line_number - kTopLevel;  // 0-based, may wrap as a Python index does
  if (idx < 0) idx += n;
  if (idx < 0) return false;
  idx = std::min(idx, n - 1);
  int ancestor_level = ll.indent_level;
  bool nested = false;
  for (; idx >= 0; --idx) {
    std::string_view line = src.Line(idx + 1);
    if (Strip(line).empty()) continue;
    int indent = ExpandIndent(line);
    if (indent >= ancestor_level) continue;
    ancestor_level = indent;
    size_t a = line.find_first_not_of(" \t\n\r\f\v");
    nested = StartsDef(a == std::string_view::npos ? std::string_view() : line.substr(a));
    if (nested || ancestor_level == 0) break;
  }
  return nested;
}

// Deletes all but `keep` of the `count` blank lines right above `row`.
std::vector<Edit> RemoveBlanks(const Source& src, int row, int count, int keep) {
  int first_blank = row - count;
  if (first_blank < 1 || count <= keep) return {};
  return {Edit{src.Offset(first_blank, 0), src.Offset(first_blank + count - keep, 0), ""}};
}

}  // namespace

void CheckBlankLines(const Source& src, const LogicalLine& ll, Findings& out) {
  if (ll.previous_logical.empty() && ll.blank_before < kTopLevel) return;
  Position at = ll.Locate(0);
  if (ll.previous_logical.substr(0, 1) == "@") {
    if (ll.blank_lines) {
      Report(out, kBlankLineAfterDecorator, at.row, at.col, {}, RemoveBlanks(src, at.row, ll.blank_lines, 0));
    }
    return;
  }
  if (ll.blank_lines > kTopLevel || (ll.indent_level && ll.blank_lines == kMethod + 1)) {
    int keep = ll.indent_level ? kMethod : kTopLevel;
    Report(out, kTooManyBlankLines, at.row, at.col, {std::to_string(ll.blank_lines)},
           RemoveBlanks(src, at.row, ll.blank_lines, keep));
    return;
  }
  if (StartsTopLevel(ll.text)) {
    if (IsOneLiner(src, ll) && ll.blank_before == 0) return;  // a group of one-liners
    if (ll.indent_level) {
      if (ll.blank_before == kMethod || ll.previous_indent_level < ll.indent_level || StartsDocstring(ll.previous_logical)) return;
      // A blank line can only be added where there is none; a longer run split by
      // comments already has E303 on its comment.
      std::vector<Edit> fix;
      if (ll.blank_before == 0) {
        size_t off = src.Offset(std::max(ll.previous_end_row + 1, 1), 0);
        fix.push_back(Edit{off, off, "\n"});
      }
      if (NestedInDef(src, ll)) {
        Report(out, kBlankLinesBeforeNestedDefinition, at.row, at.col, {}, std::move(fix));
      } else {
        Report(out, kBlankLineBetweenMethods, at.row, at.col, {}, std::move(fix));
      }
    } else if (ll.blank_before != kTopLevel) {
      Report(out, kBlankLinesTopLevel, at.row, at.col, {std::to_string(ll.blank_before)}, FixTooFew(src, ll, at.row));
    }
    return;
  }
  if (!ll.text.empty() && !ll.indent_level && ll.blank_before != kTopLevel &&
      (ll.previous_unindented_logical_line.starts_with("def ") || ll.previous_unindented_logical_line.starts_with("class "))) {
    Report(out, kBlankLinesAfterFunctionOrClass, at.row, at.col, {std::to_string(ll.blank_before)},
           FixTooFew(src, ll, at.row));
  }
}

}  // namespace trajc::lint
