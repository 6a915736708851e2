#include "lint/rules/pycodestyle/missing_whitespace.h"

#include <algorithm>

namespace trajc::lint {

void CheckMissingWhitespace(const Source& src, const LogicalLine& ll, Findings& out) {
  const std::string& line = ll.text;
  int open_square = 0, close_square = 0;
  long last_curly = -1, last_square = -1;
  for (size_t index = 0; index + 1 < line.size(); ++index) {
    char c = line[index];
    char next = line[index + 1];
    bool next_blank = next == ' ' || next == '\t' || (next == '\xC2' && index + 2 < line.size() && line[index + 2] == '\xA0');
    if ((c == ',' || c == ';' || c == ':') && !next_blank) {
      bool skip = (c == ':' && open_square > close_square && last_curly < last_square) ||  // slice
                  (c == ',' && (next == ')' || next == ']')) ||                              // (3,)
                  (c == ':' && next == '=');                                                // walrus
      if (!skip) {
        Position at = ll.Locate(static_cast<int>(index));
        std::vector<Edit> fix;
        std::string_view phys = src.Line(at.row);
        if (at.col >= 0 && static_cast<size_t>(at.col) < phys.size() && phys[at.col] == c) {
          size_t off = src.Offset(at.row, at.col + 1);
          fix.push_back(Edit{off, off, " "});
        }
        Report(out, kMissingWhitespace, at.row, at.col, {std::string_view(&line[index], 1)}, std::move(fix));
      }
    }
    // `before` in pycodestyle is line[:index+1] on the next round.
    if (c == '[') {
      ++open_square;
      last_square = static_cast<long>(index);
    } else if (c == ']') {
      ++close_square;
    } else if (c == '{') {
      last_curly = static_cast<long>(index);
    }
  }
}

}  // namespace trajc::lint
