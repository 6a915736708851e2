#include "lint/rules/pycodestyle/bare_except.h"

namespace trajc::lint {

namespace {

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

}  // namespace

void CheckBareExcept(const Source&, const LogicalLine& ll, Findings& out) {
  std::string_view line = ll.text;
  if (line.substr(0, 6) != "except") return;
  size_t i = 6;
  while (i < line.size() && IsSpace(line[i])) ++i;
  if (i >= line.size() || line[i] != ':') return;
  Position at = ll.Locate(0);
  Report(out, kBareExcept, at.row, at.col);
}

}  // namespace trajc::lint
