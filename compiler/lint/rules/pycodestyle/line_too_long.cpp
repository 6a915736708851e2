#include "lint/rules/pycodestyle/line_too_long.h"

#include "core/utf8.h"
#include "lint/rules/char_class.h"

#include <string>

namespace trajc::lint {

namespace {

int CountChars(const Source& src, std::string_view s) {
  if (src.bytes_are_chars) return static_cast<int>(s.size());
  return static_cast<int>(CountCodePoints(s));
}

}  // namespace

void CheckLineTooLong(const Source& src, const PhysicalLine& line, int max_line_length, Findings& out) {
  std::string_view text = line.text;
  while (!text.empty() && IsPySpace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  // A character is at least one byte: a line of few bytes is short, no need to count.
  if (max_line_length >= 0 && text.size() <= static_cast<size_t>(max_line_length)) return;
  int length = CountChars(src, text);
  if (length <= max_line_length) return;
  if (line.row == 1 && text.substr(0, 2) == "#!") return;
  std::vector<std::string_view> chunks;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && IsPySpace(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && !IsPySpace(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) chunks.push_back(text.substr(i, j - i));
    i = j;
  }
  if (((chunks.size() == 1 && line.multiline) || (chunks.size() == 2 && chunks[0] == "#")) &&
      length - CountChars(src, chunks.back()) < max_line_length - 7) {
    return;
  }
  Finding& f =
      Report(out, kLineTooLong, line.row, max_line_length, {std::to_string(length), std::to_string(max_line_length)});
  f.col_is_chars = true;  // pycodestyle reports the limit as the column, in characters
}

}  // namespace trajc::lint
