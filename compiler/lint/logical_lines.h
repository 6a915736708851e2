// lint/logical_lines — flake8's token loop: which physical lines get checked, and the
// logical lines (with pycodestyle's blank-line state) handed to the logical-line rules.
//
// This mirrors flake8 5.0.4's FileChecker.process_tokens and FileProcessor exactly,
// including its quirks (a physical line is checked only at an end-of-line token, a
// multi-line string's lines are checked as "multiline", errors are located with flake8's
// own find_offset), because the findings must agree with flake8 line for line.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/source.h"

namespace trajc::lint {

struct PhysicalLine {
  int row = 0;             // the line number flake8 reports for it
  std::string_view text;   // with its "\n"
  bool multiline = false;  // inside a multi-line string (not its last line)
};

struct Position {
  int row = 0;
  int col = 0;  // byte column
};

struct LogicalLine {
  std::string text;                              // strings replaced by "xxx"
  std::vector<std::pair<int, Position>> mapping; // (logical offset, token end)
  size_t first_token = 0, end_token = 0;         // the tokens of this logical line
  int line_number = 0;                           // row of the token that ended it
  int blank_lines = 0;
  int blank_before = 0;
  int indent_level = 0;
  int previous_indent_level = 0;
  // Views into earlier lines' `text` in the same LineSplit (a deque: they never move).
  std::string_view previous_logical;
  std::string_view previous_unindented_logical_line;
  int previous_end_row = 0;                      // last row of the previous non-empty logical line

  // flake8's find_offset: where an offset into `text` is reported.
  Position Locate(int offset) const;
};

struct LineSplit {
  std::vector<PhysicalLine> physical;
  std::deque<LogicalLine> logical;  // not a vector: each line views its predecessors' text
};

// Runs flake8's loop over src.tokens (which must have tokenized without error).
LineSplit SplitIntoLines(const Source& src);

// CPython's token.line as one view (physical lines are contiguous in the text): the
// physical lines the token was read from, or "" for the tokens CPython gives no line.
std::string_view TokenLine(const Source& src, const python::Token& t);

// pycodestyle's expand_indent: the width of the line's indentation, a tab to the next
// multiple of 8.
int ExpandIndent(std::string_view line);

}  // namespace trajc::lint
