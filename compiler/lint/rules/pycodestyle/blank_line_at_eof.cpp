#include "lint/rules/pycodestyle/blank_line_at_eof.h"

namespace trajc::lint {

void CheckBlankLineAtEof(const Source& src, const PhysicalLine& line, Findings& out) {
  if (line.row != src.total_lines()) return;
  std::string_view text = line.text;
  std::string_view stripped = text;
  while (!stripped.empty() && (stripped.back() == '\n' || stripped.back() == '\r')) stripped.remove_suffix(1);
  if (stripped.size() == text.size()) {
    // W292: the column is the length of the file's last line, whatever line was checked.
    std::string_view last = src.Line(src.total_lines());
    if (!last.empty() && last.back() == '\n') return;  // cannot happen: then `text` would end with it
    Report(out, kMissingNewlineAtEndOfFile, line.row, static_cast<int>(last.size()), {},
           {Edit{src.text.size(), src.text.size(), "\n"}});
    return;
  }
  if (text.empty() || !stripped.empty()) return;
  // Keep the text up to the newline that ends the last line with any content.
  size_t keep = src.text.find_last_not_of(" \t\f\v\n");
  size_t begin = 0;
  if (keep != std::string::npos) {
    begin = src.text.find('\n', keep);
    if (begin == std::string::npos) return;
    ++begin;
  }
  // After a backslash continuation the blank line is what the joined line ends on: without
  // it the file ends inside the statement, which CPython refuses. No fix is offered then.
  if (size_t last = src.text.find_last_not_of(" \t\f\v\r\n"); last != std::string::npos && src.text[last] == '\\') {
    Report(out, kTooManyNewlinesAtEndOfFile, line.row, 0, {}, {});
    return;
  }
  Report(out, kTooManyNewlinesAtEndOfFile, line.row, 0, {}, {Edit{begin, src.text.size(), ""}});
}

}  // namespace trajc::lint
