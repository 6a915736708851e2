#include "lint/rules/pycodestyle/bare_except.h"

#include "lint/rules/char_class.h"

namespace trajc::lint {

namespace {

}  // namespace

void CheckBareExcept(const Source&, const LogicalLine& ll, Findings& out) {
  std::string_view line = ll.text;
  if (line.substr(0, 6) != "except") return;
  size_t i = 6;
  while (i < line.size() && IsPySpace(line[i])) ++i;
  if (i >= line.size() || line[i] != ':') return;
  Position at = ll.Locate(0);
  Report(out, kBareExcept, at.row, at.col);
}

}  // namespace trajc::lint
