#include "lint/rules/pycodestyle/blank_lines.h"

#include <string>

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

}  // namespace

void CheckBlankLines(const Source& src, const LogicalLine& ll, Findings& out) {
  if (ll.previous_logical.empty() && ll.blank_before < kTopLevel) return;
  if (ll.previous_logical.substr(0, 1) == "@") return;  // E304 territory
  Position at = ll.Locate(0);
  if (ll.blank_lines > kTopLevel || (ll.indent_level && ll.blank_lines == kMethod + 1)) {
    int keep = ll.indent_level ? kMethod : kTopLevel;
    int first_blank = at.row - ll.blank_lines;
    std::vector<Edit> fix;
    if (first_blank >= 1 && ll.blank_lines > keep) {
      fix.push_back(Edit{src.Offset(first_blank, 0), src.Offset(first_blank + ll.blank_lines - keep, 0), ""});
    }
    out.push_back({"E303", at.row, at.col, false, "too many blank lines (" + std::to_string(ll.blank_lines) + ")", std::move(fix)});
    return;
  }
  if (!StartsTopLevel(ll.text)) return;
  if (IsOneLiner(src, ll) && ll.blank_before == 0) return;
  if (ll.indent_level) return;  // E301 / E306
  if (ll.blank_before != kTopLevel) {
    out.push_back({"E302", at.row, at.col, false,
                   "expected 2 blank lines, found " + std::to_string(ll.blank_before), FixTooFew(src, ll, at.row)});
  }
}

}  // namespace trajc::lint
