#include "lint/rules/pycodestyle/whitespace_around_comma.h"

#include <string>

#include "lint/rules/char_class.h"
#include "lint/rules/pycodestyle/logical_gap.h"

namespace trajc::lint {

namespace {

// Python's `\s` over the characters a logical line can hold outside strings.

}  // namespace

void CheckWhitespaceAroundComma(const Source& src, const LogicalLine& ll, Findings& out) {
  const std::string& line = ll.text;
  const size_t n = line.size();
  for (size_t p = 0; p < n; ++p) {
    char c = line[p];
    if (c != ',' && c != ';' && c != ':') continue;
    size_t end = p + 1;
    while (end < n && IsPySpace(line[end])) ++end;
    // `\s*` backtracks to any "  " or "\t" in the run; the match then holds every tab.
    std::string_view run = std::string_view(line).substr(p + 1, end - p - 1);
    bool tab = run.find('\t') != std::string_view::npos;
    if (!tab && run.find("  ") == std::string_view::npos) continue;
    int found = static_cast<int>(p + 1);
    Position at = ll.Locate(found);
    Report(out, tab ? kTabAfterComma : kMultipleSpacesAfterComma, at.row, at.col, {std::string_view(&line[p], 1)},
           GapEdit(src, ll, found, " "));
    p = end - 1;
  }
}

}  // namespace trajc::lint
