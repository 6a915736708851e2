#include "lint/rules/pycodestyle/tabs_or_spaces.h"

#include <algorithm>

namespace trajc::lint {

char IndentChar(const Source& src, int up_to_row) {
  const int last = std::min(up_to_row, src.total_lines());
  for (int row = 1; row <= last; ++row) {
    std::string_view line = src.Line(row);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) return line[0];
  }
  return 0;
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
