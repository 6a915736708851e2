// lint/rules/pycodestyle/continuation_state — the bracket bookkeeping of pycodestyle's
// continued_indentation for one logical line, and its verdict on a continuation line.
//
// Internal to continuation_lines.cpp. pycodestyle keeps Python lists and a dict and loops
// over them (every opening row of a depth, every enclosing depth, every earlier row);
// the same facts are kept here in ordered maps, a heap and stacks, so that a line of
// thousands of rows or brackets costs O(t log t), with the same answers. Columns are
// characters and `rel` indents are expand_indent(line) - indent_level, as in pycodestyle.
// Nothing here throws (beyond allocation) or reads outside its own vectors.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/rules/violation.h"

namespace trajc::lint::continuation {

inline constexpr int kIndentSize = 4;  // flake8's --indent-size default

// A value of pycodestyle's indent_chances dict (and of visual_indent): True, the type
// `str` (a string or comment lined up there), or an operator's text; kNone is a missing
// key, or the False/None that visual_indent also takes, which behave alike.
struct Chance {
  enum Kind : uint8_t { kNone, kTrue, kStr, kText } kind = kNone;
  std::string_view text;
};

// The first token of a continuation line, as the verdict sees it.
struct RowStart {
  int col = 0;            // start[1], in characters
  int rel = 0;            // rel_indent[row]
  bool close = false;     // a closing bracket
  std::string_view text;  // the token's text
};

// What pycodestyle does with one continuation line: the error it yields (or none) and
// the state it records.
struct Verdict {
  const Violation* error = nullptr;
  enum Effect : uint8_t { kNothing, kSetHang, kSetVisualIndent } effect = kNothing;
  int hang = 0;
  Chance visual;  // visual_indent
};

class BracketState {
 public:
  // Starts a logical line: depth 0, indent = [first_col], open_rows = [[0]].
  void Reset(int first_col, bool tabs);

  // pycodestyle's verdict on a continuation line starting with `row`, without changing
  // anything: the same state answers again for another column (the fix's trial).
  Verdict Decide(const RowStart& row, bool indent_next) const;
  void Apply(const Verdict& verdict, const RowStart& row);

  int depth() const { return depth_; }
  int Indent(int d) const { return indent_[static_cast<size_t>(d)]; }
  int Hang() const { return hangs_[static_cast<size_t>(depth_)]; }
  bool NoChances() const { return chances_.empty(); }

  // The rel indents a hanging indent is measured from at this depth: the first and the
  // last of open_rows[depth], and the row that opened the innermost bracket.
  int FirstOpenRel() const { return first_rel_[static_cast<size_t>(depth_)]; }
  int LastOpenRel() const { return last_rel_[static_cast<size_t>(depth_)]; }
  int BracketRel() const { return bracket_rel_.back(); }

  void SetIndent(int col);              // indent[depth] = col
  void SetChance(int col, Chance c);    // indent_chances[col] = c
  void ChanceIfAbsent(int col, Chance c);
  void AddOpenRow(int row, int rel);    // open_rows[depth].append(row)
  void Open(int row, int rel);          // an opening bracket on `row`
  // A closing bracket; `last_indent_col` is last_indent[1].
  void Close(int last_indent_col);

 private:
  Chance ChanceAt(int col) const;
  void ZeroIndentsAbove(int limit);

  int depth_ = 0;
  std::vector<int> valid_hangs_;
  // indent[d] with a stamp per slot, and a max-heap of (value, slot, stamp) so that
  // "indent[d] = 0 for every d whose indent is past the closed bracket's" visits only
  // those slots; a heap entry whose stamp is stale is dropped.
  std::vector<int> indent_;
  std::vector<uint32_t> stamp_;
  struct Peak {
    int value;
    int slot;
    uint32_t stamp;
    bool operator<(const Peak& o) const { return value < o.value; }
  };
  std::vector<Peak> peaks_;
  uint32_t clock_ = 0;
  std::vector<int> hangs_;  // 0 stands for None: pycodestyle only tests them for truth
  std::map<int, Chance> chances_;
  // open_rows[d] as what is asked of it: the rel indent of its first and last row, and
  // the latest row holding each rel indent, keyed (depth, rel).
  std::vector<int> first_rel_, last_rel_;
  std::map<std::pair<int, int>, int> latest_row_;
  std::vector<int> bracket_rel_;  // per open bracket (and depth 0): its row's rel indent
};

}  // namespace trajc::lint::continuation
