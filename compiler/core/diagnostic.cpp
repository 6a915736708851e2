#include "core/diagnostic.h"

namespace trajc {

std::string FormatDiagnostic(const Location& where, std::string_view severity,
                             std::string_view message) {
  std::string out = where.path;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  out += ": ";
  out += severity;
  out += ": ";
  out += message;
  return out;
}

Error::Error(Location where, std::string message, int exit_code)
    : std::runtime_error(FormatDiagnostic(where, "error", message)),
      where_(std::move(where)),
      message_(std::move(message)),
      exit_code_(exit_code) {}

Location LocationOfOffset(std::string_view path, std::string_view text, size_t offset) {
  Location loc{std::string(path), 1, 1};
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

}  // namespace trajc
