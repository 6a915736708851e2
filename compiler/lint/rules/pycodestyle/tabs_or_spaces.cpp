#include "lint/rules/pycodestyle/tabs_or_spaces.h"

#include <algorithm>

namespace trajc::lint {

char IndentChar(const Source& src, int up_to_row) {
  // O(1): a scan from the first line per indented line was quadratic in a file whose
  // first indented line comes late.
  const int last = std::min(up_to_row, src.total_lines());
  return src.first_indented_row != 0 && src.first_indented_row <= last ? src.first_indent_char : 0;
}

void CheckTabsOrSpaces(const Source& src, const PhysicalLine& line, Findings& out) {
  size_t end = line.text.find_first_not_of(" \t");
  std::string_view indent = line.text.substr(0, end == std::string_view::npos ? line.text.size() : end);
  if (indent.empty()) return;
  char indent_char = IndentChar(src, line.row);
  for (size_t i = 0; i < indent.size(); ++i) {
    if (indent[i] != indent_char) {
      Report(out, kMixedSpacesAndTabs, line.row, static_cast<int>(i));
      return;
    }
  }
}

}  // namespace trajc::lint
