#include "lint/rules/pycodestyle/trailing_whitespace.h"

namespace trajc::lint {

void CheckTrailingWhitespace(const Source& src, const PhysicalLine& line, Findings& out) {
  // pycodestyle strips "\n", then "\r", then form feeds before looking for ' \t\v'.
  std::string_view text = line.text;
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  while (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  while (!text.empty() && text.back() == '\f') text.remove_suffix(1);
  std::string_view stripped = text;
  while (!stripped.empty() && (stripped.back() == ' ' || stripped.back() == '\t' || stripped.back() == '\v')) {
    stripped.remove_suffix(1);
  }
  if (stripped.size() == text.size()) return;
  size_t base = OffsetOf(src, line.text);
  Edit fix{base + stripped.size(), base + text.size(), ""};
  if (!stripped.empty()) {
    Report(out, kTrailingWhitespace, line.row, static_cast<int>(stripped.size()), {}, {fix});
  } else {
    Report(out, kBlankLineWithWhitespace, line.row, 0, {}, {fix});
  }
}

}  // namespace trajc::lint
