#include "domains/numbered_source.h"

#include <algorithm>

namespace trajc::domains {

int LineCount(const std::string& text) {
  if (text.empty()) return 0;
  int n = 0;
  for (char c : text) n += c == '\n';
  return n + (text.back() == '\n' ? 0 : 1);
}

std::string NumberedSource(const std::string& text) {
  int lines = LineCount(text);
  size_t width = std::to_string(std::max(lines, 1)).size();
  std::string out;
  size_t pos = 0;
  for (int n = 1; n <= lines; ++n) {
    size_t end = text.find('\n', pos);
    std::string number = std::to_string(n);
    out += std::string(width - number.size(), ' ') + number + " | ";
    out += text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (n < lines) out += '\n';
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

Json SourceContext(const std::string& display_path, const std::string& text) {
  return {{"path", display_path},
          {"source", text},
          {"numbered_source", NumberedSource(text)},
          {"line_count", LineCount(text)}};
}

}  // namespace trajc::domains
