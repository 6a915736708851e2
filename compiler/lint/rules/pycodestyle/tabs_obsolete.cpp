#include "lint/rules/pycodestyle/tabs_obsolete.h"

namespace trajc::lint {

void CheckTabsObsolete(const Source&, const PhysicalLine& line, Findings& out) {
  size_t end = line.text.find_first_not_of(" \t");
  std::string_view indent = line.text.substr(0, end == std::string_view::npos ? line.text.size() : end);
  size_t tab = indent.find('\t');
  if (tab == std::string_view::npos) return;
  Report(out, kTabIndentation, line.row, static_cast<int>(tab));
}

}  // namespace trajc::lint
